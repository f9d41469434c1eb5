import { api, errorText, type Contract, type Dependency, type Diff } from '../api';
import {
  assetPath, field, fieldList, h, kindBadge, lineagePath, link, loading, message, plural, section, table, whatIfPath, yesNo,
} from '../dom';
import { assetHealthSections } from '../parts/asset-health';
import { breadcrumb } from '../parts/breadcrumb';
import { breaksUnder, differencesTable, isBreaking, publishedBump, verdict } from '../parts/differences';
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
    breadcrumb(a.name),
    h('div', { className: 'title-row' }, h('h1', {}, a.name), kindBadge(a.kind)),
    h('p', { className: 'lead' }, a.description ?? 'No description.'),
    h('dl', { className: 'facts' },
      fact('Owner', link(`/?owner=${encodeURIComponent(a.owner)}`, a.owner)),
      fact('Criticality', a.criticality),
      fact('Compatibility mode', `${a.compatibility}${a.strictCompatibility ? ' (strict)' : ''}`
        + (a.latestVersion === null ? ', from the first contract on' : '')),
      fact('Tags', a.tags.length ? a.tags.join(', ') : 'none'),
      fact('Updated', new Date(a.updatedAt).toLocaleString())),
    h('p', { className: 'actions' },
      link(lineagePath(a.name), 'Open lineage', { className: 'button' }),
      link(whatIfPath(a.name), 'What-if check', { className: 'button secondary' })));

  const versions = contracts.status === 'fulfilled' ? contracts.value : [];
  const versionsSection = section('versions', 'Contract versions');
  main.append(versionsSection);
  if (contracts.status === 'rejected') {
    versionsSection.append(message('error', `Could not load the contract versions: ${errorText(contracts.reason)}`));
  } else if (versions.length === 0) {
    versionsSection.append(message('info', 'No contract published yet.'));
  } else {
    versionsSection.append(table(`${plural(versions.length, 'version')}, newest first`,
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
  const fieldsSection = section('fields', 'Schema fields', [field('Version', select, 'field inline'), body]);
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
  return fieldsSection;
}

function diffSection(name: string, versions: Contract[], search: URLSearchParams): HTMLElement {
  if (versions.length < 2) {
    return section('diff', 'Compare versions', [message('info', 'Only one version so far: nothing to compare yet.')]);
  }
  const known = (value: string | null) => value !== null && versions.some((c) => c.version === value);
  const to = known(search.get('to')) ? search.get('to')! : versions[0].version;
  const from = known(search.get('from')) ? search.get('from')! : versions[Math.min(1, versions.length - 1)].version;
  const fromSelect = versionSelect('diff-from', versions, from);
  const toSelect = versionSelect('diff-to', versions, to);
  const result = h('div', { id: 'diff-result', 'aria-live': 'polite' });
  const form = h('form', { className: 'filters', 'aria-label': 'Compare versions' },
    field('From', fromSelect),
    field('To', toSelect),
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
  return section('diff', 'Compare versions', [form, result]);
}

// The same words and colour as a publish's verdict (the what-if page): compatible or breaking under the asset's
// mode, counting only what that mode checks, and the bump the versions were actually published with.
function diffView(diff: Diff): HTMLElement {
  const underMode = diff.differences.filter((d) => breaksUnder(diff.mode, d)).length;
  const otherWay = diff.differences.filter((d) => isBreaking(d) && !breaksUnder(diff.mode, d)).length;
  const counts = ` · ${plural(diff.differences.length, 'difference')}, ${underMode} breaking under ${diff.mode}`
    + (otherWay ? ` (${otherWay} more break${otherWay === 1 ? 's' : ''} a compatibility ${diff.mode} does not check)` : '');
  const published = publishedBump(diff.from, diff.to);
  const needed = diff.bump ?? 'no';
  return h('div', {},
    verdict(diff.compatible, diff.mode, diff.bump, counts),
    h('p', { className: 'version-line', id: 'diff-published' }, 'Published as ', h('strong', {}, diff.to),
      `: a ${published} version after ${diff.from}`,
      published === needed ? '' : ` (the differences alone need ${needed === 'no' ? 'no' : `a ${needed}`} version bump)`),
    differencesTable(`Differences from ${diff.from} to ${diff.to}`, diff.differences));
}

/** A lineage-only dependency (its producer has no contract yet) says so, with the reason on hover. */
function rangeCell(d: Dependency): HTMLElement {
  if (!d.lineageOnly) return h('code', {}, d.versionRange ?? '*');
  const badge = h('span', { className: 'badge', title: d.lineageOnlyReason ?? '' }, 'lineage only');
  return d.versionRange === null
    ? h('span', {}, 'none yet ', badge)
    : h('span', {}, h('code', {}, d.versionRange), ' ', badge);
}

function dependencySection(title: string, id: string, caption: string, result: PromiseSettledResult<Dependency[]>,
                           other: (d: Dependency) => string): HTMLElement {
  const dependencies = section(id, title);
  if (result.status === 'rejected') {
    dependencies.append(message('error', `Could not load the ${title.toLowerCase()}: ${errorText(result.reason)}`));
  } else if (result.value.length === 0) {
    dependencies.append(message('info', id === 'producers' ? 'This asset reads from no registered asset.' : 'No asset reads this one.'));
  } else {
    dependencies.append(table(`${caption} (${result.value.length})`, ['Asset', 'Version range', 'Resolved', 'Fields read', 'Usage', 'Note'],
      result.value.map((d) => [link(assetPath(other(d)), other(d)), rangeCell(d), d.resolvedVersion ?? '—',
        d.fields.length ? fieldList(d.fields) : 'all fields',
        d.usage, d.note ?? '']),
      { id: `${id}-table` }));
  }
  return dependencies;
}
