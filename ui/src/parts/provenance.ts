// How a lineage edge is known: declared as a dependency, observed in OpenLineage runs, or both. The graph, its
// tooltips and the text list all describe an edge with these words, so they never disagree.
import type { JobRef, LineageEdge, ObservedFlow } from '../api';
import { h, plural, time } from '../dom';

/** Observed-only edges: dashed and in this colour; declared edges stay solid grey. */
export const OBSERVED_COLOUR = '#0b7285';
export const DECLARED_COLOUR = '#9aa5b1';

export function jobName(job: JobRef): string {
  return `${job.namespace}/${job.name}`;
}

export function isDeclared(edge: LineageEdge): boolean {
  return edge.provenance.includes('DECLARED');
}

/** Observed by runs, whether declared too or not. */
export function isObserved(edge: LineageEdge): boolean {
  return edge.provenance.includes('OBSERVED') && edge.observed !== null;
}

/** The jobs that carried data along an edge, as `namespace/name`, comma-separated. */
export function jobNames(edge: LineageEdge): string {
  const jobs = edge.observed?.jobs.length ? edge.observed.jobs : edge.jobs;
  return jobs.map(jobName).join(', ');
}

function observedWords(observed: ObservedFlow): string {
  return `observed by ${observed.jobs.map(jobName).join(', ') || 'an unnamed job'}, ${plural(observed.runs, 'run')}`;
}

/** A one-line, plain-text description for a tooltip over the graph. */
export function edgeTooltip(edge: LineageEdge): string {
  const lines = [`${edge.from} → ${edge.to}`];
  if (isDeclared(edge)) lines.push(`declared: ${contractWords(edge)}`);
  if (isObserved(edge)) {
    const observed = edge.observed!;
    lines.push(`${isDeclared(edge) ? 'also ' : ''}${observedWords(observed)}, last seen ${new Date(observed.lastSeen).toLocaleString()}`);
  }
  return lines.join('\n');
}

/** What a declared edge promises: the version range, or that there is no contract to hold it to yet. */
function contractWords(edge: LineageEdge): string {
  const contract = edge.versionRange === null
    ? 'lineage only, no contract yet'
    : `${edge.versionRange} (resolved ${edge.resolvedVersion ?? '—'})`;
  const usage = edge.usage ? `, ${edge.usage.toLowerCase()}` : '';
  return `${contract}${usage}, ${edge.fields.length ? `reads ${edge.fields.join(', ')}` : 'reads all fields'}`;
}

/**
 * The text list's lines under an edge: its provenance first ("declared", "observed by etl/load, 12 runs, last seen
 * …", or both), then what the declaration says, then the fields the runs' column lineage named.
 */
export function edgeDetails(edge: LineageEdge): HTMLElement[] {
  const declared = isDeclared(edge);
  const observed = isObserved(edge) ? edge.observed! : null;
  const provenance = h('div', { className: `small provenance ${declared ? 'declared' : 'observed'}` },
    declared ? 'declared' : null,
    declared && observed ? ', and ' : null,
    observed ? [observedWords(observed), ', first seen ', time(observed.firstSeen), ', last seen ', time(observed.lastSeen)] : null);
  const lines = [provenance];
  if (declared) lines.push(h('div', { className: 'muted small' }, contractWords(edge)));
  if (observed && observed.fieldsRead.length) {
    lines.push(h('div', { className: 'muted small' }, `runs read ${observed.fieldsRead.join(', ')}`));
  }
  return lines;
}

/** The legend for edges: solid for declared, dashed for observed only, a dot where a declared edge was also observed. */
export function edgeLegend(): HTMLElement {
  const sample = (kind: string, label: string) => h('span', { className: 'legend-item' },
    h('span', { className: `line-sample ${kind}`, 'aria-hidden': 'true' }), label);
  return h('span', { className: 'legend', id: 'edge-legend', 'aria-label': 'Lines by provenance' },
    sample('declared', 'declared'),
    sample('observed', 'observed only (job named on it)'),
    sample('both', 'declared, also observed'));
}
