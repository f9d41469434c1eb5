// Who a change affects: on the lineage page's field impact and in the what-if result.
import type { Impact } from '../api';
import { assetPath, h, kindBadge, link, message } from '../dom';

/** The impacted assets of a change to fields (none: any field), each with its kind, depth and the reason. */
export function impactList(impact: Impact, fields: string[]): HTMLElement {
  const what = fields.length ? fields.join(', ') : 'any field';
  if (impact.impacted.length === 0) return message('info', `No consumer is affected by a change to ${what}.`);
  return h('div', {},
    h('p', { className: 'count' }, `${impact.impacted.length} affected by a change to ${what}:`),
    h('ul', { className: 'plain impacted-list' }, impact.impacted.map((item) => h('li', {},
      link(assetPath(item.name), item.name), ' ', kindBadge(item.kind), ' ',
      h('span', { className: 'badge' }, item.direct ? 'direct' : `depth ${item.depth}`),
      h('div', { className: 'muted small' }, item.reason)))));
}
