import cytoscape, { type Core } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { api, errorText, type Impact, type Lineage } from '../api';
import { append, assetPath, field, h, kindBadge, lineagePath, link, loading, message, section } from '../dom';
import { breadcrumb } from '../parts/breadcrumb';
import { impactList } from '../parts/impact';
import { DECLARED_COLOUR, edgeDetails, edgeLegend, edgeTooltip, isDeclared, isObserved, jobNames, OBSERVED_COLOUR } from '../parts/provenance';
import { unmatchedDatasetsSection } from '../parts/unmatched-datasets';
import { navigate, type Cleanup } from '../router';

cytoscape.use(dagre);

const KIND_COLOURS: Record<string, string> = {
  SOURCE: '#2f6fb3', DATASET: '#2e8b57', FEATURE: '#b7791f', MODEL: '#8a4baf',
};

/**
 * Lineage of one asset (upstream, downstream or both, to a depth), or of the whole estate without a name. The graph
 * and a text list show the same nodes and edges; the list is the accessible and searchable form.
 */
export async function renderLineage(main: HTMLElement, params: string[], search: URLSearchParams): Promise<Cleanup> {
  const name = params[0];
  const direction = ['upstream', 'downstream', 'both'].includes(search.get('direction') ?? '') ? search.get('direction')! : 'both';
  const depth = Math.min(10, Math.max(1, Number(search.get('depth') ?? 3) || 3));
  let graph: Core | undefined;
  const cleanup = () => graph?.destroy();

  append(main, [
    name ? breadcrumb(name, 'lineage') : null,
    h('h1', {}, name ? `Lineage of ${name}` : 'Lineage of the estate')]);
  const controls = h('form', { className: 'filters', 'aria-label': 'Lineage options' });
  main.append(controls);
  if (name) {
    const directionSelect = h('select', { id: 'lineage-direction', name: 'direction' },
      [['both', 'Upstream and downstream'], ['upstream', 'Upstream (sources)'], ['downstream', 'Downstream (consumers)']]
        .map(([value, label]) => h('option', { value, selected: value === direction }, label)));
    const depthInput = h('input', { id: 'lineage-depth', name: 'depth', type: 'number', min: 1, max: 10, value: depth });
    controls.append(
      field('Direction', directionSelect),
      field('Depth', depthInput),
      h('div', { className: 'field actions' }, h('button', { type: 'submit' }, 'Show')));
    controls.addEventListener('submit', (event) => {
      event.preventDefault();
      navigate(`${lineagePath(name)}?direction=${directionSelect.value}&depth=${depthInput.value}`, true);
    });
    directionSelect.addEventListener('change', () => controls.requestSubmit());
  } else {
    controls.append(h('p', { className: 'muted' }, 'Every asset with the dependencies among them. Open an asset for its own lineage, depth and field impact.'));
  }

  const layout = h('div', { className: 'lineage-layout' });
  main.append(layout);
  layout.append(loading());
  let lineage: Lineage;
  try {
    lineage = name ? await api.lineage(name, direction, depth) : await api.estate(200);
  } catch (error) {
    layout.replaceChildren(message('error', `Could not load the lineage: ${errorText(error)}`));
    return cleanup;
  }
  layout.replaceChildren();

  const canvas = h('div', { className: 'graph', id: 'lineage-graph', role: 'img',
    'aria-label': `Graph of ${lineage.nodes.length} assets and ${lineage.edges.length} dependencies; the same as the list beside it` });
  const zoom = (factor: number) => graph && graph.zoom({ level: graph.zoom() * factor, renderedPosition: { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 } });
  const toolbar = h('div', { className: 'graph-toolbar' },
    h('button', { type: 'button', className: 'secondary', onclick: () => zoom(1.25) }, 'Zoom in'),
    h('button', { type: 'button', className: 'secondary', onclick: () => zoom(0.8) }, 'Zoom out'),
    h('button', { type: 'button', className: 'secondary', onclick: () => graph?.fit(undefined, 30) }, 'Fit'),
    h('span', { className: 'legend', 'aria-label': 'Colours by kind' },
      Object.entries(KIND_COLOURS).map(([kind, colour]) => h('span', { className: 'legend-item' },
        h('span', { className: 'swatch', style: `background:${colour}` }), kind.toLowerCase()))),
    edgeLegend());
  const impactPanel = h('div', { id: 'impact-result', 'aria-live': 'polite' });
  const graphColumn = h('div', { className: 'graph-column' }, toolbar, canvas,
    h('p', { className: 'muted small' }, 'Drag to pan, scroll to zoom, click an asset to open it, point at an edge for what is known of it. Edges point the way data flows: solid ones are declared dependencies, dashed ones were only observed in OpenLineage runs (labelled with their jobs), and a dot marks a declared edge that runs were also seen on.'));
  const listColumn = h('div', { className: 'list-column' });
  layout.append(graphColumn, listColumn);
  // Unplaced datasets concern the whole estate, not one asset: the estate page lists them below the graph.
  if (!name) main.append(unmatchedDatasetsSection());
  if (lineage.truncated) graphColumn.prepend(message('info', 'The estate is larger than this view: only the first 200 assets are shown.'));

  if (lineage.nodes.length === 0) {
    canvas.replaceWith(message('info', 'No assets to show.'));
  } else {
    graph = cytoscape({
      container: canvas,
      elements: [
        ...lineage.nodes.map((node) => ({ data: { id: node.name, label: node.name, kind: node.kind, width: 24 + node.name.length * 7.6 } })),
        ...lineage.edges.map((edge) => ({
          data: { id: `${edge.from}->${edge.to}`, source: edge.from, target: edge.to, label: isDeclared(edge) ? '' : jobNames(edge),
            tooltip: edgeTooltip(edge) },
          classes: isDeclared(edge) ? (isObserved(edge) ? 'declared also-observed' : 'declared') : 'observed-only',
        })),
      ],
      layout: { name: 'dagre', rankDir: 'LR', nodeSep: 18, rankSep: 70, padding: 24 } as cytoscape.LayoutOptions,
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: {
          'background-color': (node: cytoscape.NodeSingular) => KIND_COLOURS[node.data('kind')] ?? '#666',
          shape: 'round-rectangle', label: 'data(label)', color: '#ffffff', 'font-size': 13, 'font-weight': 600,
          'text-valign': 'center', 'text-halign': 'center', width: 'data(width)', height: 34,
        } },
        { selector: `node[id = ${JSON.stringify(lineage.root ?? '')}]`, style: { 'border-width': 4, 'border-color': '#12263f' } },
        { selector: 'edge', style: {
          width: 2, 'line-color': DECLARED_COLOUR, 'target-arrow-color': DECLARED_COLOUR, 'target-arrow-shape': 'triangle', 'curve-style': 'bezier',
        } },
        { selector: 'edge.observed-only', style: {
          'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'line-color': OBSERVED_COLOUR, 'target-arrow-color': OBSERVED_COLOUR,
          label: 'data(label)', 'font-size': 10, color: OBSERVED_COLOUR, 'text-rotation': 'autorotate',
          'text-background-color': '#fbfcfd', 'text-background-opacity': 1, 'text-background-padding': '2px',
        } },
        { selector: 'edge.also-observed', style: { 'source-arrow-shape': 'circle', 'source-arrow-color': OBSERVED_COLOUR } },
        { selector: 'node.impacted', style: { 'border-width': 4, 'border-color': '#c53030', 'underlay-color': '#c53030', 'underlay-opacity': 0.3, 'underlay-padding': 6 } },
        { selector: 'edge.impacted', style: { 'line-color': '#c53030', 'target-arrow-color': '#c53030', width: 3 } },
        { selector: '.faded', style: { opacity: 0.3 } },
      ],
    });
    // A small graph fitted to the canvas would be blown up; keep its text at a natural size.
    if (graph.zoom() > 1.1) {
      graph.zoom(1.1);
      graph.center();
    }
    graph.on('tap', 'node', (event) => navigate(assetPath(event.target.id())));
    graph.on('mouseover', 'node', () => { canvas.style.cursor = 'pointer'; });
    graph.on('mouseout', 'node', () => { canvas.style.cursor = ''; });
    // The canvas's title is the tooltip: what is declared of the edge under the pointer, and what runs showed.
    graph.on('mouseover', 'edge', (event) => { canvas.title = event.target.data('tooltip'); });
    graph.on('mouseout', 'edge', () => { canvas.removeAttribute('title'); });
  }

  if (name) listColumn.append(await impactControls(name, impactPanel, (impact) => highlight(graph, name, impact)));
  listColumn.append(textList(lineage));
  return cleanup;
}

function highlight(graph: Core | undefined, root: string, impact: Impact | null): void {
  if (!graph) return;
  graph.elements().removeClass('impacted faded');
  if (!impact) return;
  const names = new Set(impact.impacted.map((item) => item.name));
  graph.nodes().forEach((node) => { if (node.id() !== root && !names.has(node.id())) node.addClass('faded'); });
  graph.nodes().filter((node) => names.has(node.id())).addClass('impacted');
  for (const item of impact.impacted) {
    for (let i = 0; i + 1 < item.path.length; i++) graph.getElementById(`${item.path[i]}->${item.path[i + 1]}`).addClass('impacted');
  }
}

async function impactControls(name: string, panel: HTMLElement, onImpact: (impact: Impact | null) => void): Promise<HTMLElement> {
  const impactSection = section('impact', 'Field impact', [], { className: 'panel' });
  let fields: string[] = [];
  try {
    fields = (await api.fields(name, 'latest')).map((f) => f.path);
  } catch {
    impactSection.append(h('p', { className: 'muted' }, 'This asset has no contract yet, so no fields to choose from.'));
    return impactSection;
  }
  const listId = 'impact-field-options';
  const input = h('input', { id: 'impact-fields', name: 'fields', type: 'text', list: listId, placeholder: '/field, /other',
    'aria-describedby': 'impact-help' });
  const form = h('form', { 'aria-label': 'Field impact' },
    h('div', { className: 'field' }, h('label', { for: 'impact-fields' }, `Fields of ${name} that change`), input,
      h('datalist', { id: listId }, fields.map((path) => h('option', { value: path })))),
    h('p', { id: 'impact-help', className: 'muted small' }, 'Comma-separated JSON Pointers or dotted paths; empty means any field.'),
    h('div', { className: 'actions' }, h('button', { type: 'submit', id: 'impact-submit' }, 'Show impact'),
      h('button', { type: 'button', className: 'secondary', onclick: () => { input.value = ''; panel.replaceChildren(); onImpact(null); } }, 'Clear')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = input.value.split(',').map((value) => value.trim()).filter(Boolean);
    panel.replaceChildren(loading());
    try {
      const impact = await api.impact(name, chosen);
      onImpact(impact);
      panel.replaceChildren(impactList(impact, chosen));
    } catch (error) {
      onImpact(null);
      panel.replaceChildren(message('error', `Could not compute the impact: ${errorText(error)}`));
    }
  });
  impactSection.append(form, panel);
  return impactSection;
}

function textList(lineage: Lineage): HTMLElement {
  const filter = h('input', { id: 'lineage-filter', type: 'search', placeholder: 'Filter by name, kind, owner or job' });
  const nodes = h('ul', { className: 'plain', id: 'lineage-nodes' }, lineage.nodes.map((node) => h('li', {
    'data-search': `${node.name} ${node.kind} ${node.owner}`.toLowerCase(), 'data-name': node.name },
    link(assetPath(node.name), node.name), ' ', kindBadge(node.kind),
    h('span', { className: 'muted small' }, ` ${node.owner} · ${node.latestVersion ?? 'no contract'} · `),
    link(lineagePath(node.name), 'lineage', { className: 'small-link', 'aria-label': `Lineage of ${node.name}` }))));
  const edges = h('ul', { className: 'plain', id: 'lineage-edges' }, lineage.edges.map((edge) => h('li', {
    'data-search': `${edge.from} ${edge.to} ${jobNames(edge)}`.toLowerCase() },
    link(assetPath(edge.from), edge.from), ' → ', link(assetPath(edge.to), edge.to),
    edgeDetails(edge))));
  filter.addEventListener('input', () => {
    const term = filter.value.trim().toLowerCase();
    for (const item of [...nodes.children, ...edges.children] as HTMLElement[]) {
      item.hidden = term !== '' && !(item.dataset.search ?? '').includes(term);
    }
  });
  return section('list', 'Assets and dependencies', [
    field('Filter the list', filter),
    h('h3', {}, `Assets (${lineage.nodes.length})`), nodes,
    h('h3', {}, `Dependencies (${lineage.edges.length})`), lineage.edges.length ? edges : h('p', { className: 'muted' }, 'None.')], { className: 'panel' });
}
