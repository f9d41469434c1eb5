// Data health findings as cards: on the health page (the whole estate) and on an asset's page (about that asset).
import type { Finding, Findings, Severity } from '../api';
import { assetPath, h, link, message, pathLinks, plural } from '../dom';

export const SEVERITIES: Severity[] = ['ERROR', 'WARNING', 'INFO'];
const SEVERITY_BADGE: Record<Severity, string> = { ERROR: 'bad', WARNING: 'warn', INFO: '' };

/** The counts per severity and a card per finding; only the empty message when there is none. */
export function findingList(result: Findings, empty: string): HTMLElement[] {
  const counts = SEVERITIES.map((s) => plural(result.counts[s] ?? 0, s.toLowerCase()));
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
