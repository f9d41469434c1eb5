import { api, ASSET_KINDS, errorText, type Asset } from '../api';
import { assetPath, field, h, kindBadge, lineagePath, link, loading, message } from '../dom';
import { navigate, withQuery } from '../router';

const PAGE_SIZE = 24;

/** Catalog: search and filter assets by text, kind, owner and tag; counts per kind for the other filters. */
export async function renderCatalog(main: HTMLElement, _params: string[], search: URLSearchParams): Promise<void> {
  const filters = {
    q: search.get('q') ?? '',
    kind: search.get('kind') ?? '',
    owner: search.get('owner') ?? '',
    tag: search.get('tag') ?? '',
    offset: Math.max(0, Number(search.get('offset') ?? 0) || 0),
  };
  main.append(h('h1', {}, 'Catalog'));
  const form = h('form', { className: 'filters', role: 'search', 'aria-label': 'Search assets' });
  const results = h('section', { 'aria-live': 'polite', 'aria-label': 'Results' }, loading());
  main.append(form, results);

  const shared = { q: filters.q, owner: filters.owner, tag: filters.tag };
  const [teams, page, ...kindTotals] = await Promise.allSettled([
    api.teams(),
    api.assets({ ...shared, kind: filters.kind, limit: PAGE_SIZE, offset: filters.offset }),
    ...ASSET_KINDS.map((kind) => api.assets({ ...shared, kind, limit: 1 })),
  ]);
  const counts = kindTotals.map((result) => (result.status === 'fulfilled' ? (result.value as { total: number }).total : 0));
  const allCount = counts.reduce((sum, value) => sum + value, 0);

  const q = h('input', { id: 'filter-q', name: 'q', type: 'search', value: filters.q, placeholder: 'Name or description' });
  const kind = h('select', { id: 'filter-kind', name: 'kind' },
    h('option', { value: '' }, `All kinds (${allCount})`),
    ASSET_KINDS.map((value, index) => h('option', { value, selected: value === filters.kind }, `${value} (${counts[index]})`)));
  const owner = h('select', { id: 'filter-owner', name: 'owner' }, h('option', { value: '' }, 'All owners'));
  if (teams.status === 'fulfilled') {
    for (const team of teams.value) owner.append(h('option', { value: team.name, selected: team.name === filters.owner }, team.name));
  }
  const tag = h('input', { id: 'filter-tag', name: 'tag', type: 'text', value: filters.tag, placeholder: 'e.g. hospital' });
  form.append(
    field('Search', q),
    field('Kind', kind),
    field('Owner', owner),
    field('Tag', tag),
    h('div', { className: 'field actions' }, h('button', { type: 'submit' }, 'Search'),
      h('button', { type: 'button', className: 'secondary', onclick: () => navigate('/') }, 'Clear')));
  const apply = (offset = 0) => {
    const next = new URLSearchParams();
    for (const [key, value] of [['q', q.value.trim()], ['kind', kind.value], ['owner', owner.value], ['tag', tag.value.trim()]]) {
      if (value) next.set(key, value);
    }
    if (offset) next.set('offset', String(offset));
    navigate(withQuery('/', next), true);
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); apply(); });
  kind.addEventListener('change', () => apply());
  owner.addEventListener('change', () => apply());

  results.replaceChildren();
  const facetHref = (value: string) => {
    const next = new URLSearchParams(search);
    next.delete('offset');
    if (value) next.set('kind', value); else next.delete('kind');
    return withQuery('/', next);
  };
  results.append(h('ul', { className: 'facets', id: 'kind-facets', 'aria-label': 'Assets by kind' },
    [['', 'All', allCount] as const, ...ASSET_KINDS.map((value, index) => [value, value.toLowerCase(), counts[index]] as const)]
      .map(([value, label, count]) => h('li', {}, link(facetHref(value), [label, ' ', h('span', { className: 'facet-count' }, String(count))],
        { 'aria-current': value === filters.kind ? 'true' : null })))));
  if (page.status === 'rejected') {
    results.append(message('error', `Could not search the catalog: ${errorText(page.reason)}`));
    return;
  }
  const { items, total, offset } = page.value;
  const first = total === 0 ? 0 : offset + 1;
  results.append(h('p', { className: 'count', id: 'result-count' },
    total === 1 ? '1 asset' : `${total} assets`, total > items.length ? ` — showing ${first}–${offset + items.length}` : ''));
  if (items.length === 0) {
    results.append(message('info', 'No asset matches these filters.'));
    return;
  }
  results.append(h('ul', { className: 'cards', id: 'asset-list' }, items.map(card)));
  if (total > PAGE_SIZE) {
    results.append(h('nav', { className: 'pager', 'aria-label': 'Pages' },
      h('button', { type: 'button', className: 'secondary', disabled: offset === 0, onclick: () => apply(Math.max(0, offset - PAGE_SIZE)) }, 'Previous'),
      h('button', { type: 'button', className: 'secondary', disabled: offset + PAGE_SIZE >= total, onclick: () => apply(offset + PAGE_SIZE) }, 'Next')));
  }
}

function card(asset: Asset): HTMLElement {
  return h('li', { className: 'card' },
    h('div', { className: 'card-head' }, link(assetPath(asset.name), asset.name, { className: 'asset-link' }), kindBadge(asset.kind)),
    h('p', { className: 'muted' }, asset.description ?? 'No description.'),
    h('p', { className: 'meta' },
      h('span', {}, 'Owner: ', h('strong', {}, asset.owner)),
      h('span', {}, `Criticality: ${asset.criticality}`),
      // A compatibility mode guards versions of a contract: without one there is nothing it applies to yet.
      asset.latestVersion === null
        ? h('span', { className: 'no-contract' }, 'No contract')
        : h('span', {}, `Contract ${asset.latestVersion} · Mode: ${asset.compatibility}`)),
    h('p', { className: 'meta' },
      asset.tags.map((value) => link(`/?tag=${encodeURIComponent(value)}`, value, { className: 'tag' })),
      link(lineagePath(asset.name), 'Lineage', { className: 'small-link', 'aria-label': `Lineage of ${asset.name}` })));
}
