import { api, errorText, type CostBenefitRow } from '../api';
import { assetPath, decimal, field, h, link, loading, message, section, table } from '../dom';
import { findingList, SEVERITIES } from '../parts/findings';
import { navigate, withQuery } from '../router';

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
    field('Severity', severitySelect),
    field('Owner', ownerInput),
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
    section('findings', 'Findings', [form, findingsBody]),
    section('cost', 'Cost and benefit', [costBody]));

  const [findings, costBenefit] = await Promise.allSettled([
    api.findings({ severity: severity || undefined, owner: owner || undefined }), api.costBenefit()]);
  findingsBody.replaceChildren(...(findings.status === 'fulfilled'
    ? findingList(findings.value, 'No findings: nothing in the estate matches these filters.')
    : [message('error', `Could not load the findings: ${errorText(findings.reason)}`)]));
  costBody.replaceChildren(...(costBenefit.status === 'fulfilled'
    ? costBenefitTables(costBenefit.value.rows, costBenefit.value.unpriced, costBenefit.value.minRatio)
    : [message('error', `Could not load the cost/benefit report: ${errorText(costBenefit.reason)}`)]));
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
