import { api, errorText, type DryRun, type Impact } from '../api';
import { append, field, h, loading, message, whatIfPath } from '../dom';
import { breadcrumb } from '../parts/breadcrumb';
import { differencesTable, verdict } from '../parts/differences';
import { impactList } from '../parts/impact';
import { navigate } from '../router';

/**
 * What-if: a candidate schema checked with a dry run (nothing stored): verdict, version, differences, and who would
 * be affected. The dry run's own `impacted` list is shown when the server gives one; otherwise the consumers reading
 * the changed fields are asked of the impact endpoint.
 */
export async function renderWhatIf(main: HTMLElement, params: string[]): Promise<void> {
  const name = params[0];
  append(main, [
    name ? breadcrumb(name, 'what-if') : null,
    h('h1', {}, name ? `What-if: a new schema for ${name}` : 'What-if: check a new schema'),
    h('p', { className: 'lead' }, 'Paste or upload a schema to see the verdict, the version it would get and who it affects. Nothing is published.')]);

  if (!name) {
    const input = h('input', { id: 'whatif-asset', name: 'asset', type: 'text', required: true, placeholder: 'e.g. hospital.admissions' });
    const form = h('form', { className: 'filters', 'aria-label': 'Choose an asset' },
      field('Asset name', input),
      h('div', { className: 'field actions' }, h('button', { type: 'submit' }, 'Continue')));
    form.addEventListener('submit', (event) => { event.preventDefault(); if (input.value.trim()) navigate(whatIfPath(input.value.trim())); });
    main.append(form);
    return;
  }

  let format = 'JSON_SCHEMA';
  let schemaText = '';
  try {
    const latest = await api.contract(name, 'latest');
    format = latest.format;
    schemaText = JSON.stringify(latest.schema, null, 2);
  } catch {
    // No contract yet: the first version starts from an empty editor.
  }
  const formatSelect = h('select', { id: 'whatif-format', name: 'format' },
    [['JSON_SCHEMA', 'JSON Schema'], ['AVRO', 'Avro']].map(([value, label]) => h('option', { value, selected: value === format }, label)));
  const textarea = h('textarea', { id: 'whatif-schema', name: 'schema', rows: 22, spellcheck: 'false', required: true });
  textarea.value = schemaText;
  const file = h('input', { id: 'whatif-file', type: 'file', accept: '.json,.avsc,application/json' });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    textarea.value = await chosen.text();
    if (chosen.name.endsWith('.avsc')) formatSelect.value = 'AVRO';
  });
  const result = h('section', { id: 'whatif-result', 'aria-live': 'polite', 'aria-label': 'Result' });
  const form = h('form', { className: 'whatif-form', 'aria-label': 'Candidate schema' },
    h('div', { className: 'row' },
      field('Format', formatSelect),
      field('Upload a schema file', file)),
    field('Schema', textarea),
    h('div', { className: 'actions' }, h('button', { type: 'submit', id: 'whatif-submit' }, 'Check')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let schema: unknown;
    try {
      schema = JSON.parse(textarea.value);
    } catch (error) {
      result.replaceChildren(message('error', `The schema is not valid JSON: ${(error as Error).message}`));
      return;
    }
    result.replaceChildren(loading());
    try {
      const dryRun = await api.dryRun(name, formatSelect.value, schema);
      result.replaceChildren(...await outcome(name, dryRun));
    } catch (error) {
      result.replaceChildren(message('error', `The check failed: ${errorText(error)}`));
    }
  });
  main.append(h('div', { className: 'whatif-layout' }, form, result));
}

async function outcome(name: string, dryRun: DryRun): Promise<HTMLElement[]> {
  if (dryRun.unchanged) {
    return [h('h2', {}, 'Result'), message('info', `Unchanged: this is the schema of the latest version, ${dryRun.latestVersion}.`)];
  }
  const from = dryRun.latestVersion ? `${dryRun.latestVersion} → ` : 'first version: ';
  const parts: HTMLElement[] = [
    h('h2', {}, 'Result'),
    verdict(dryRun.compatible, dryRun.mode, dryRun.bump, ''),
    h('p', { className: 'version-line' }, 'Version: ', h('strong', { id: 'whatif-version' }, `${from}${dryRun.version}`),
      dryRun.compatible ? '' : ' (refused on publish: breaking under the asset\'s mode)'),
    differencesTable('Differences from the latest version', dryRun.differences),
    h('h3', {}, 'Affected consumers'),
  ];
  if (dryRun.impacted) {
    parts.push(impactList({ asset: name, impacted: dryRun.impacted }, []));
    return parts;
  }
  const paths = [...new Set(dryRun.differences.map((d) => d.path))];
  if (paths.length === 0) {
    parts.push(message('info', 'No field changes, so no consumer is affected.'));
    return parts;
  }
  // A change at the root touches everything; otherwise ask about the changed fields (any array element as its array).
  const fields = paths.includes('') ? [] : [...new Set(paths.map((path) => path.split('/*')[0]).filter(Boolean))];
  try {
    const impact: Impact = await api.impact(name, fields);
    parts.push(impactList(impact, fields));
  } catch (error) {
    parts.push(message('error', `Could not compute the affected consumers: ${errorText(error)}`));
  }
  return parts;
}
