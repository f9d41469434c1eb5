// Datasets that OpenLineage events named but no asset declares among its lineageIds: lineage Watershed saw and cannot
// place in the graph yet, with how to adopt one.
import { api, errorText, type LineageDataset } from '../api';
import { h, message, plural, section, table, time } from '../dom';
import { jobName } from './provenance';

const LIMIT = 100;

export function unmatchedDatasetsSection(): HTMLElement {
  const body = h('div', { id: 'unmatched-datasets-result', 'aria-live': 'polite' }, message('info', 'Loading…'));
  const panel = section('unmatched-datasets', 'Unmatched datasets', [
    h('p', { className: 'muted' }, 'Datasets seen in OpenLineage events that no asset declares yet. Their runs are kept, '
      + 'but they stay off the graph until an asset names them.'),
    body], { className: 'panel unmatched-datasets', id: 'unmatched-datasets' });
  void load(body);
  return panel;
}

async function load(body: HTMLElement): Promise<void> {
  let datasets: LineageDataset[];
  try {
    datasets = (await api.lineageDatasets(false, LIMIT)).datasets;
  } catch (error) {
    body.replaceChildren(message('error', `Could not list the unmatched datasets: ${errorText(error)}`));
    return;
  }
  if (datasets.length === 0) {
    body.replaceChildren(message('info', 'None: every dataset seen in OpenLineage events belongs to an asset.'));
    return;
  }
  body.replaceChildren(
    h('p', { className: 'count', id: 'unmatched-datasets-count' },
      datasets.length === LIMIT ? `The first ${LIMIT} unmatched datasets` : plural(datasets.length, 'unmatched dataset')),
    table('Datasets no asset declares, by namespace and name', ['Namespace', 'Name', 'Jobs', 'First seen', 'Last seen'],
      datasets.map((dataset) => [
        h('code', {}, dataset.namespace),
        h('code', {}, dataset.name),
        dataset.jobs.length ? dataset.jobs.map(jobName).join(', ') : '—',
        time(dataset.firstSeen),
        time(dataset.lastSeen),
      ]), { id: 'unmatched-datasets-table' }),
    adoptionHint(datasets[0]));
}

/** How to adopt a dataset: an asset whose lineageIds name it, made through the API (no form here). */
function adoptionHint(example: LineageDataset): HTMLElement {
  const body = JSON.stringify({
    name: 'team.asset-name', kind: 'DATASET', owner: 'team',
    lineageIds: [{ namespace: example.namespace, name: example.name }],
  }, null, 2);
  return h('div', { className: 'adopt-hint', id: 'unmatched-datasets-hint' },
    h('p', { className: 'small' }, 'To adopt one, create an asset that names it among its ',
      h('code', {}, 'lineageIds'), ' with ', h('code', {}, 'POST /api/v1/assets'),
      ' (an editor token of the owning team, or an admin token). Its runs then show as observed edges. For example:'),
    h('pre', {}, h('code', {}, body)));
}
