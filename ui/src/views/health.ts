import { api, errorText, type CostBenefitRow, type Finding, type Findings, type Severity, type Skew, type Timeline } from '../api';
import { navigate, withQuery } from '../router';
import { assetPath, h, link, loading, message, percent, table, time } from '../dom';

const SEVERITIES: Severity[] = ['ERROR', 'WARNING', 'INFO'];
const SEVERITY_BADGE: Record<Severity, string> = { ERROR: 'bad', WARNING: 'warn', INFO: '' };

/** Estate-wide ML data health: every finding (filterable by severity and owner) and the cost/benefit ranking. */
export async function renderHealth(main: HTMLElement, _params: string[], search: URLSearchParams): Promise<void> {
  document.title = 'Data health — Watershed';
  const severity = SEVERITIES.find((s) => s === search.get('severity')) ?? '';
  const owner = search.get('owner') ?? '';
  const severitySelect = h('select', { id: 'health-severity', name: 'severity' },
    h('option', { value: '' }, 'All severities'),
    SEVERITIES.map((s) => h('option', { value: s, selected: s === severity }, s.toLowerCase())));
  const ownerInput = h('input', { id: 'health-owner', name: 'owner', type: 'text', value: owner, placeholder: 'any team' });
  const form = h('form', { className: 'filters', 'aria-label': 'Filter findings' },
    h('div', { className: 'field' }, h('label', { for: 'health-severity' }, 'Severity'), severitySelect),
    h('div', { className: 'field' }, h('label', { for: 'health-owner' }, 'Owner'), ownerInput),
    h('div', { className: 'field actions' }, h('button', { type: 'submit' }, 'Filter')));
  const apply = (event?: Event) => {
    event?.preventDefault();
    const params = new URLSearchParams();
    if (severitySelect.value) params.set('severity', severitySelect.value);
    if (ownerInput.value.trim()) params.set('owner', ownerInput.value.trim());
    navigate(withQuery('/health', params), true);
  };
  form.addEventListener('submit', apply);
  severitySelect.addEventListener('change', () => apply());

  const findingsBody = h('div', { id: 'findings', 'aria-live': 'polite' }, loading());
  const costBody = h('div', { id: 'cost-benefit' }, loading());
  main.append(
    h('h1', {}, 'Data health'),
    h('p', { className: 'lead' }, 'What the contracts and the dependency graph say about leakage, train/evaluation splits, ',
      'missing replicas, unstable producers and unused data, and which inputs cost more than they bring.'),
    h('section', { 'aria-labelledby': 'findings-heading' }, h('h2', { id: 'findings-heading' }, 'Findings'), form, findingsBody),
    h('section', { 'aria-labelledby': 'cost-heading' }, h('h2', { id: 'cost-heading' }, 'Cost and benefit'), costBody));

  const [findings, costBenefit] = await Promise.allSettled([
    api.findings({ severity: severity || undefined, owner: owner || undefined }), api.costBenefit()]);
  findingsBody.replaceChildren(...(findings.status === 'fulfilled'
    ? findingList(findings.value, 'No findings: nothing in the estate matches these filters.')
    : [message('error', `Could not load the findings: ${errorText(findings.reason)}`)]));
  costBody.replaceChildren(...(costBenefit.status === 'fulfilled'
    ? costBenefitTables(costBenefit.value.rows, costBenefit.value.unpriced, costBenefit.value.minRatio)
    : [message('error', `Could not load the cost/benefit report: ${errorText(costBenefit.reason)}`)]));
}

/**
 * The findings about one asset (its own, or on a path through it); for a model also its training/serving skew; the
 * timeline of changes to it and everything upstream of it.
 */
export function assetHealthSections(name: string, kind: string): HTMLElement[] {
  const findingsBody = h('div', { id: 'asset-findings', 'aria-live': 'polite' }, loading());
  const sections = [h('section', { 'aria-labelledby': 'asset-findings-heading' },
    h('h2', { id: 'asset-findings-heading' }, 'Data health findings'), findingsBody)];
  api.assetFindings(name)
    .then((findings) => findingsBody.replaceChildren(...findingList(findings, 'No findings about this asset.')))
    .catch((error) => findingsBody.replaceChildren(message('error', `Could not load the findings: ${errorText(error)}`)));
  if (kind === 'MODEL') {
    const skewBody = h('div', { id: 'skew', 'aria-live': 'polite' }, loading());
    sections.push(h('section', { 'aria-labelledby': 'skew-heading' },
      h('h2', { id: 'skew-heading' }, 'Training/serving skew'), skewBody));
    api.skew(name)
      .then((skew) => skewBody.replaceChildren(...skewParts(skew)))
      .catch((error) => skewBody.replaceChildren(message('error', `Could not compute the skew: ${errorText(error)}`)));
  }
  const timelineBody = h('div', { id: 'timeline', 'aria-live': 'polite' }, loading());
  sections.push(h('section', { 'aria-labelledby': 'timeline-heading' },
    h('h2', { id: 'timeline-heading' }, 'Change timeline'), timelineBody));
  api.timeline(name)
    .then((timeline) => timelineBody.replaceChildren(...timelineParts(timeline)))
    .catch((error) => timelineBody.replaceChildren(message('error', `Could not load the timeline: ${errorText(error)}`)));
  return sections;
}

function timelineParts(timeline: Timeline): HTMLElement[] {
  const span = `${new Date(timeline.from).toLocaleDateString()} – ${new Date(timeline.to).toLocaleDateString()}`;
  const covered = `${timeline.assetsCovered} asset${timeline.assetsCovered === 1 ? '' : 's'}`
    + (timeline.upstreamTruncated ? ' (the upstream was cut short)' : '');
  if (timeline.entries.length === 0) {
    return [message('info', `No change to this asset or its upstream (${covered}) between ${span}.`)];
  }
  return [
    h('p', { className: 'count', id: 'timeline-count' }, `${timeline.entries.length} change${timeline.entries.length === 1 ? '' : 's'}`
      + ` across ${covered}, ${span}${timeline.more ? ` (the first ${timeline.limit})` : ''}`),
    table('Changes to this asset and everything upstream of it', ['When', 'Event', 'Asset', 'What changed', 'Path to this asset'],
      timeline.entries.map((e) => [time(e.occurredAt), h('code', {}, e.type),
        link(assetPath(e.asset), e.version ? `${e.asset} ${e.version}` : e.asset), e.summary,
        h('span', { className: 'path' }, pathLinks(e.path))]),
      { id: 'timeline-table' }),
  ];
}

function findingList(result: Findings, empty: string): HTMLElement[] {
  const counts = SEVERITIES.map((s) => `${result.counts[s] ?? 0} ${s.toLowerCase()}${(result.counts[s] ?? 0) === 1 ? '' : 's'}`);
  if (result.findings.length === 0) return [message('info', empty)];
  return [
    h('p', { className: 'count', id: 'findings-count' }, counts.join(', ')),
    h('ul', { className: 'findings' }, result.findings.map(findingItem)),
  ];
}

function findingItem(finding: Finding): HTMLElement {
  return h('li', { className: `card finding finding-${finding.severity.toLowerCase()}` },
    h('div', { className: 'card-head' },
      h('strong', {}, finding.title),
      h('span', { className: `badge ${SEVERITY_BADGE[finding.severity]}` }, finding.severity)),
    h('p', { className: 'meta' }, h('code', {}, finding.code), ' on ', link(assetPath(finding.asset), finding.asset)),
    h('p', {}, finding.detail),
    finding.path.length > 1 ? h('p', { className: 'path' }, 'Path: ', pathLinks(finding.path)) : [],
    finding.otherPaths.map((other) => h('p', { className: 'path' }, 'Also: ', pathLinks(other))),
    finding.fields.length ? h('p', {}, 'Fields: ', finding.fields.flatMap((f, i) => [i ? ', ' : '', h('code', {}, f)])) : [],
    h('p', { className: 'remedy' }, h('strong', {}, 'What to do: '), finding.remedy));
}

function pathLinks(path: string[]): (Node | string)[] {
  return path.flatMap((asset, i) => (i ? [' → ', link(assetPath(asset), asset)] : [link(assetPath(asset), asset)]));
}

function skewParts(skew: Skew): HTMLElement[] {
  const parts: HTMLElement[] = [];
  const skewedFields = skew.producers.flatMap((p) => p.skewedFields.map((f) => `${p.producer} ${f}`));
  if (skew.skewed) {
    parts.push(message('error', `Skewed between ${skew.training} and ${skew.serving}: ${skewedFields.join(', ')}.`));
  } else if (skew.producers.length > 0) {
    parts.push(message('info', `No skew beyond the thresholds between the latest ${skew.training} and ${skew.serving} profiles.`));
  } else {
    parts.push(message('info', `Nothing to compare yet: no producer of this model has both a ${skew.training} and a ${skew.serving} observation.`));
  }
  for (const producer of skew.producers) {
    parts.push(table(`${producer.producer}: latest ${skew.training} (${producer.training.records} records) against latest `
      + `${skew.serving} (${producer.serving.records} records), worst first`,
    ['Field', 'Metric', 'Distance', 'Threshold', 'Null rate', 'Skewed'],
    producer.features.map((f) => [h('code', {}, f.field), metricName(f.kind), decimal(f.distance), decimal(f.threshold),
      `${percent(f.baselineNullRate)} → ${percent(f.currentNullRate)}`,
      f.anomalies.length ? h('span', { className: 'badge bad', title: f.anomalies.map((a) => a.detail).join(' ') }, 'skewed')
        : h('span', { className: 'badge ok' }, 'ok')]),
    { className: 'skew-table' }));
    const details = producer.anomalies.map((a) => h('li', {}, a.detail));
    if (details.length) parts.push(h('ul', { className: 'anomalies' }, details));
  }
  for (const missing of skew.missing) {
    parts.push(message('info', `No ${missing.lacking.join(' or ')} observation of ${missing.producer} yet: ${missing.hint}`));
  }
  return parts;
}

function costBenefitTables(rows: CostBenefitRow[], unpriced: CostBenefitRow[], minRatio: number): HTMLElement[] {
  if (rows.length === 0 && unpriced.length === 0) {
    return [message('info', 'No dependency declares a cost or a benefit yet: add "cost" and "benefit" to dependencies.')];
  }
  const parts: HTMLElement[] = [];
  if (rows.length) {
    parts.push(table(`Producers by benefit per cost; below ${minRatio} is a candidate for removal`,
      ['Rank', 'Producer', 'Owner', 'Cost', 'Benefit', 'Benefit per cost', 'Read by', 'Removal candidate'],
      rows.map((row) => [String(row.rank ?? ''), link(assetPath(row.producer), row.producer), row.owner,
        row.cost ? `${row.cost.amount} ${row.cost.unit}` : '—', row.benefit ? `${row.benefit.value} ${row.benefit.metric}` : '—',
        decimal(row.ratio), row.consumers.join(', '),
        row.removalCandidate ? h('span', { className: 'badge warn', title: row.reason ?? '' }, 'candidate') : 'no']),
      { id: 'cost-benefit-table' }));
    const reasons = rows.filter((row) => row.removalCandidate && row.reason).map((row) => h('li', {}, `${row.producer}: ${row.reason}`));
    if (reasons.length) parts.push(h('ul', { className: 'anomalies' }, reasons));
  }
  if (unpriced.length) {
    parts.push(table('Benefits declared without a cost', ['Producer', 'Owner', 'Benefit', 'Read by'],
      unpriced.map((row) => [link(assetPath(row.producer), row.producer), row.owner,
        row.benefit ? `${row.benefit.value} ${row.benefit.metric}` : '—', row.consumers.join(', ')])));
  }
  return parts;
}

function metricName(kind: string): string {
  if (kind === 'numeric') return 'Jensen-Shannon';
  if (kind === 'categorical') return 'L-infinity';
  return 'null rate only';
}

function decimal(value: number | null): string {
  return value === null || value === undefined ? '—' : value.toFixed(3);
}
