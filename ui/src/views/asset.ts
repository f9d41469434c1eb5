import { api, errorText, type Contract, type Dependency, type Diff } from '../api';
import { assetPath, h, kindBadge, lineagePath, link, loading, message, table, whatIfPath, yesNo } from '../dom';
import { assetHealthSections } from '../parts/asset-health';
import { differencesTable, verdict } from '../parts/differences';
import { observationsSection } from '../parts/observations';

/** Asset: metadata, contract versions, the field table of a version, a diff of two versions, validation observations, producers, consumers. */
export async function renderAsset(main: HTMLElement, params: string[], search: URLSearchParams): Promise<void> {
  const name = params[0];
  main.append(loading());
  const [asset, contracts, dependencies, consumers] = await Promise.allSettled([
    api.asset(name), api.contracts(name), api.dependencies(name), api.consumers(name),
  ]);
  main.replaceChildren();
  if (asset.status === 'rejected') {
    main.append(h('h1', {}, name), message('error', `Could not load this asset: ${errorText(asset.reason)}`),
      link('/', 'Back to the catalog'));
    return;
  }
  const a = asset.value;
  document.title = `${a.name} — Watershed`;
  main.append(
    h('nav', { className: 'breadcrumb', 'aria-label': 'Breadcrumb' }, link('/', 'Catalog'), ' / ', a.name),
    h('div', { className: 'title-row' }, h('h1', {}, a.name), kindBadge(a.kind)),
    h('p', { className: 'lead' }, a.description ?? 'No description.'),
    h('dl', { className: 'facts' },
      fact('Owner', link(`/?owner=${encodeURIComponent(a.owner)}`, a.owner)),
      fact('Criticality', a.criticality),
      fact('Compatibility mode', `${a.compatibility}${a.strictCompatibility ? ' (strict)' : ''}`),
      fact('Tags', a.tags.length ? a.tags.join(', ') : 'none'),
      fact('Updated', new Date(a.updatedAt).toLocaleString())),
    h('p', { className: 'actions' },
      link(lineagePath(a.name), 'Open lineage', { className: 'button' }),
      link(whatIfPath(a.name), 'What-if check', { className: 'button secondary' })));

  const versions = contracts.status === 'fulfilled' ? contracts.value : [];
  const versionsSection = h('section', { 'aria-labelledby': 'versions-heading' }, h('h2', { id: 'versions-heading' }, 'Contract versions'));
  main.append(versionsSection);
  if (contracts.status === 'rejected') {
    versionsSection.append(message('error', `Could not load the contract versions: ${errorText(contracts.reason)}`));
  } else if (versions.length === 0) {
    versionsSection.append(message('info', 'No contract published yet.'));
  } else {
    versionsSection.append(table(`${versions.length} version${versions.length === 1 ? '' : 's'}, newest first`,
      ['Version', 'Status', 'Format', 'Published', 'By', 'Changelog'],
      versions.map((c) => [h('code', {}, c.version), h('span', { className: `status status-${c.status.toLowerCase()}` }, c.status),
        c.format, new Date(c.createdAt).toLocaleString(), c.createdBy, c.changelog ?? '']),
      { id: 'versions-table' }));
    main.append(fieldsSection(a.name, versions, search));
    main.append(diffSection(a.name, versions, search));
  }
  main.append(...assetHealthSections(a.name, a.kind));
  main.append(observationsSection(a.name));

  main.append(dependencySection('Producers', 'producers', 'What this asset reads', dependencies, (d) => d.producer));
  main.append(dependencySection('Consumers', 'consumers', 'Who reads this asset', consumers, (d) => d.consumer));
}

function fact(term: string, value: Node | string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function versionSelect(id: string, versions: Contract[], selected: string): HTMLSelectElement {
  return h('select', { id, name: id },
    versions.map((c) => h('option', { value: c.version, selected: c.version === selected }, `${c.version} (${c.status.toLowerCase()})`)));
}

function fieldsSection(name: string, versions: Contract[], search: URLSearchParams): HTMLElement {
  const initial = versions.some((c) => c.version === search.get('version')) ? search.get('version')! : versions[0].version;
  const select = versionSelect('fields-version', versions, initial);
  const body = h('div', {}, loading());
  const section = h('section', { 'aria-labelledby': 'fields-heading' },
    h('h2', { id: 'fields-heading' }, 'Schema fields'),
    h('div', { className: 'field inline' }, h('label', { for: 'fields-version' }, 'Version'), select),
    body);
  const load = async () => {
    body.replaceChildren(loading());
    try {
      const fields = await api.fields(name, select.value);
      body.replaceChildren(fields.length === 0 ? message('info', 'This schema defines no fields.') : table(
        `${fields.length} fields in version ${select.value}`,
        ['Field', 'Type', 'Required', 'Description', 'PII', 'At serving time', 'Role'],
        fields.map((f) => [h('code', {}, f.path), h('code', {}, f.type), yesNo(f.required), f.description ?? '',
          f.pii ? h('span', { className: 'badge warn' }, 'PII') : 'no', yesNo(f.servingAvailable), f.role ?? '']),
        { id: 'fields-table' }));
    } catch (error) {
      body.replaceChildren(message('error', `Could not load the fields: ${errorText(error)}`));
    }
  };
  select.addEventListener('change', () => void load());
  void load();
  return section;
}

function diffSection(name: string, versions: Contract[], search: URLSearchParams): HTMLElement {
  if (versions.length < 2) {
    return h('section', { 'aria-labelledby': 'diff-heading' }, h('h2', { id: 'diff-heading' }, 'Compare versions'),
      message('info', 'Only one version so far: nothing to compare yet.'));
  }
  const known = (value: string | null) => value !== null && versions.some((c) => c.version === value);
  const to = known(search.get('to')) ? search.get('to')! : versions[0].version;
  const from = known(search.get('from')) ? search.get('from')! : versions[Math.min(1, versions.length - 1)].version;
  const fromSelect = versionSelect('diff-from', versions, from);
  const toSelect = versionSelect('diff-to', versions, to);
  const result = h('div', { id: 'diff-result', 'aria-live': 'polite' });
  const form = h('form', { className: 'filters', 'aria-label': 'Compare versions' },
    h('div', { className: 'field' }, h('label', { for: 'diff-from' }, 'From'), fromSelect),
    h('div', { className: 'field' }, h('label', { for: 'diff-to' }, 'To'), toSelect),
    h('div', { className: 'field actions' }, h('button', { type: 'submit', id: 'diff-submit' }, 'Compare')));
  const run = async () => {
    result.replaceChildren(loading());
    const url = new URL(location.href);
    url.searchParams.set('from', fromSelect.value);
    url.searchParams.set('to', toSelect.value);
    history.replaceState(null, '', url.pathname + url.search);
    try {
      result.replaceChildren(diffView(await api.diff(name, fromSelect.value, toSelect.value)));
    } catch (error) {
      result.replaceChildren(message('error', `Could not compare: ${errorText(error)}`));
    }
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); void run(); });
  void run();
  return h('section', { 'aria-labelledby': 'diff-heading' }, h('h2', { id: 'diff-heading' }, 'Compare versions'), form, result);
}

function diffView(diff: Diff): HTMLElement {
  const breakingCount = diff.differences.filter((d) => d.breaksBackward || d.breaksForward).length;
  return h('div', {},
    verdict(diff.compatible, diff.mode, diff.bump, ` · ${diff.differences.length} difference${diff.differences.length === 1 ? '' : 's'}, ${breakingCount} breaking`),
    differencesTable(`Differences from ${diff.from} to ${diff.to}`, diff.differences));
}

function dependencySection(title: string, id: string, caption: string, result: PromiseSettledResult<Dependency[]>,
                           other: (d: Dependency) => string): HTMLElement {
  const section = h('section', { 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, title));
  if (result.status === 'rejected') {
    section.append(message('error', `Could not load the ${title.toLowerCase()}: ${errorText(result.reason)}`));
  } else if (result.value.length === 0) {
    section.append(message('info', id === 'producers' ? 'This asset reads from no registered asset.' : 'No asset reads this one.'));
  } else {
    section.append(table(`${caption} (${result.value.length})`, ['Asset', 'Version range', 'Resolved', 'Fields read', 'Usage', 'Note'],
      result.value.map((d) => [link(assetPath(other(d)), other(d)), h('code', {}, d.versionRange), d.resolvedVersion ?? '—',
        d.fields.length ? h('span', { className: 'field-list' }, d.fields.map((f) => h('code', {}, f))) : 'all fields',
        d.usage, d.note ?? '']),
      { id: `${id}-table` }));
  }
  return section;
}
