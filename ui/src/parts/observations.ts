import { api, errorText, type Observation, type Stat } from '../api';
import { field, h, loading, message, percent, plural, section, table, time } from '../dom';

/** How many observations the charts show at most (the newest ones). */
const LIMIT = 100;
const SVG = 'http://www.w3.org/2000/svg';

interface Series { name: string; color: string; values: (number | null)[] }

/**
 * Validation observations of an asset over time: records and invalid share per observation, and the mean and
 * p5/p50/p95 of a chosen numeric field. Every chart has a table of the same numbers below it.
 */
export function observationsSection(name: string): HTMLElement {
  const labelSelect = h('select', { id: 'obs-label', name: 'obs-label' }, h('option', { value: '' }, 'All labels'));
  const body = h('div', { id: 'observations', 'aria-live': 'polite' }, loading());
  const part = section('observations', 'Validation observations', [field('Label', labelSelect, 'field inline'), body]);

  const load = async (first: boolean) => {
    body.replaceChildren(loading());
    try {
      const observations = await api.observations(name, { label: labelSelect.value, limit: LIMIT });
      if (first) fillLabels(labelSelect, observations);
      body.replaceChildren(...render(name, labelSelect.value, observations));
    } catch (error) {
      body.replaceChildren(message('error', `Could not load the observations: ${errorText(error)}`));
    }
  };
  labelSelect.addEventListener('change', () => void load(false));
  void load(true);
  return part;
}

function fillLabels(select: HTMLSelectElement, observations: Observation[]): void {
  const labels = new Set(['training', 'serving']);
  for (const o of observations) if (o.label) labels.add(o.label);
  select.append(...[...labels].sort().map((label) => h('option', { value: label }, label)));
}

function render(name: string, label: string, newestFirst: Observation[]): HTMLElement[] {
  if (newestFirst.length === 0) {
    const how = `POST /api/v1/assets/${name}/validate?label=${label || 'training'}`;
    return [h('p', { className: 'message info', role: 'status', id: 'observations-empty' },
      label ? `No observations labelled ${label} yet. ` : 'No validation observations recorded yet. ',
      'Record one by sending a batch of records (NDJSON, JSON or Avro) to ', h('code', {}, how),
      ' with a token: a labelled validation stores its counts and a profile of the fields.')];
  }
  const observations = [...newestFirst].reverse();
  const times = observations.map((o) => new Date(o.observedAt));
  const share = (o: Observation) => (o.total === 0 ? 0 : o.invalid / o.total);
  const parts: HTMLElement[] = [
    h('p', { className: 'count', id: 'observations-count' },
      `${plural(observations.length, 'observation')}${label ? ` labelled ${label}` : ''}`,
      newestFirst.length === LIMIT ? ` (the newest ${LIMIT})` : ''),
    h('div', { className: 'charts' },
      chart('Records per observation', times, [{ name: 'records', color: '#1f5fa8', values: observations.map((o) => o.total) }],
        (v) => formatNumber(v)),
      chart('Invalid share', times, [{ name: 'invalid share', color: '#9b2c2c', values: observations.map(share) }],
        (v) => percent(v), true)),
    table('Observations, oldest first', ['Observed', 'Label', 'Version', 'Records', 'Valid', 'Invalid', 'Invalid share', 'Errors', 'By'],
      observations.map((o) => [time(o.observedAt), o.label ?? '—', h('code', {}, o.version), formatNumber(o.total),
        formatNumber(o.valid), formatNumber(o.invalid), percent(share(o)), formatNumber(o.errorCount), o.recordedBy ?? '—']),
      { id: 'observations-table' }),
  ];
  parts.push(fieldPart(observations, times));
  return parts;
}

/** The numeric fields of the latest profile, a select to choose one, and its statistics over time. */
function fieldPart(observations: Observation[], times: Date[]): HTMLElement {
  const latest = [...observations].reverse().find((o) => o.profile !== null);
  const fields = latest ? Object.entries(latest.profile!.fields).filter(([, f]) => f.numbers && f.numbers.count > 0).map(([path]) => path) : [];
  const wrap = h('div', { className: 'field-stats' }, h('h3', { id: 'obs-field-heading' }, 'Numeric field over time'));
  if (fields.length === 0) {
    wrap.append(message('info', latest ? 'The latest profile has no numeric fields.'
      : 'These observations were recorded without a profile (profile=false), so there are no field statistics.'));
    return wrap;
  }
  const select = h('select', { id: 'obs-field', name: 'obs-field' }, fields.map((path) => h('option', { value: path }, path)));
  const result = h('div', { id: 'obs-field-result', 'aria-live': 'polite' });
  const show = () => {
    const path = select.value;
    const stats = observations.map((o) => o.profile?.fields[path]?.numbers ?? null);
    const value = (pick: (n: NonNullable<(typeof stats)[number]>) => Stat | undefined) =>
      stats.map((n) => (n ? toNumber(pick(n)) : null));
    const mean = value((n) => n.mean);
    const p5 = value((n) => n.quantiles.p5);
    const p50 = value((n) => n.quantiles.p50);
    const p95 = value((n) => n.quantiles.p95);
    result.replaceChildren(
      h('div', { className: 'charts' },
        chart(`${path}: mean and p5 / p50 / p95`, times, [
          { name: 'p95', color: '#7a4f10', values: p95 },
          { name: 'mean', color: '#1f5fa8', values: mean },
          { name: 'p50', color: '#276749', values: p50 },
          { name: 'p5', color: '#5e2f7c', values: p5 },
        ], formatNumber)),
      table(`Statistics of ${path}, oldest first`, ['Observed', 'Label', 'Count', 'Mean', 'Std dev', 'Min', 'p5', 'p50', 'p95', 'Max'],
        observations.map((o, i) => {
          const n = stats[i];
          const cell = (v: Stat | undefined) => (n ? formatNumber(toNumber(v)) : '—');
          return [time(o.observedAt), o.label ?? '—', n ? formatNumber(n.count) : 'not profiled', cell(n?.mean), cell(n?.stddev),
            cell(n?.min), cell(n?.quantiles.p5), cell(n?.quantiles.p50), cell(n?.quantiles.p95), cell(n?.max)];
        }),
        { id: 'obs-field-table' }));
  };
  select.addEventListener('change', show);
  wrap.append(field('Field', select, 'field inline'), result);
  show();
  return wrap;
}

/** A line chart in SVG: points joined in time order, y axis from the data (from zero for shares), a legend. */
function chart(title: string, times: Date[], series: Series[], format: (v: number | null) => string, share = false): HTMLElement {
  const width = 560, height = 220, left = 64, right = 16, top = 12, bottom = 36;
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  let low = share ? 0 : Math.min(...all);
  let high = share ? Math.max(0.01, ...all) : Math.max(...all);
  if (all.length === 0) { low = 0; high = 1; }
  if (high === low) { const pad = Math.abs(high) * 0.1 || 1; low -= pad; high += pad; }
  const t0 = times[0].getTime(), t1 = times[times.length - 1].getTime();
  const x = (i: number) => (t1 === t0 ? left + (width - left - right) / 2
    : left + ((times[i].getTime() - t0) / (t1 - t0)) * (width - left - right));
  const y = (v: number) => top + (1 - (v - low) / (high - low)) * (height - top - bottom);

  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', className: 'chart-svg' });
  const summary = series.map((s) => {
    const last = [...s.values].reverse().find((v) => v !== null) ?? null;
    return `${s.name} latest ${format(last)}`;
  }).join(', ');
  svg.setAttribute('aria-label', `${title}: ${times.length} observations; ${summary}. The table below has every value.`);
  for (const v of [low, (low + high) / 2, high]) {
    svg.append(svgEl('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), className: 'grid' }),
      svgText(format(v), left - 6, y(v) + 4, 'end'));
  }
  svg.append(svgText(shortTime(times[0]), left, height - 12, 'start'));
  const lastTime = shortTime(times[times.length - 1]);
  if (lastTime !== shortTime(times[0])) svg.append(svgText(lastTime, width - right, height - 12, 'end'));
  for (const s of series) {
    const points = s.values.map((v, i) => (v === null ? null : [x(i), y(v)] as const)).filter((p) => p !== null);
    if (points.length > 1) {
      svg.append(svgEl('polyline', { points: points.map(([px, py]) => `${px},${py}`).join(' '), fill: 'none', stroke: s.color, 'stroke-width': 2 }));
    }
    s.values.forEach((v, i) => {
      if (v === null) return;
      const dot = svgEl('circle', { cx: x(i), cy: y(v), r: 3.5, fill: s.color });
      const tip = svgEl('title', {});
      tip.textContent = `${s.name} ${format(v)} at ${times[i].toLocaleString()}`;
      dot.append(tip);
      svg.append(dot);
    });
  }
  return h('figure', { className: 'chart' },
    h('figcaption', {}, title), svg,
    series.length > 1 ? h('p', { className: 'legend', 'aria-hidden': 'true' },
      series.map((s) => h('span', { className: 'legend-item' }, h('span', { className: 'swatch', style: `background:${s.color}` }), s.name))) : null);
}

function svgEl(tag: string, attrs: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key === 'className' ? 'class' : key, String(value));
  return element;
}

function svgText(text: string, x: number, y: number, anchor: string): SVGElement {
  const element = svgEl('text', { x, y, 'text-anchor': anchor, className: 'axis' });
  element.textContent = text;
  return element;
}

function toNumber(value: Stat | undefined): number | null {
  if (value === undefined) return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

function formatNumber(value: number | null): string {
  if (value === null) return '—';
  return value.toLocaleString('en', Math.abs(value) >= 1000 ? { maximumFractionDigits: 1 } : { maximumSignificantDigits: 4 });
}

function shortTime(date: Date): string {
  return date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
