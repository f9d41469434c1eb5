// The health of one asset, on its page: the findings about it, a model's training/serving skew, and the timeline of
// changes to it and to everything upstream of it. Each section loads on its own, after the page is drawn.
import { api, errorText, type Skew, type Timeline } from '../api';
import {
  assetPath, decimal, h, link, loading, message, pathLinks, percent, plural, section, table, time,
} from '../dom';
import { findingList } from './findings';

/**
 * The findings about one asset (its own, or on a path through it); for a model also its training/serving skew; the
 * timeline of changes to it and everything upstream of it.
 */
export function assetHealthSections(name: string, kind: string): HTMLElement[] {
  const findingsBody = h('div', { id: 'asset-findings', 'aria-live': 'polite' }, loading());
  const sections = [section('asset-findings', 'Data health findings', [findingsBody])];
  api.assetFindings(name)
    .then((findings) => findingsBody.replaceChildren(...findingList(findings, 'No findings about this asset.')))
    .catch((error) => findingsBody.replaceChildren(message('error', `Could not load the findings: ${errorText(error)}`)));
  if (kind === 'MODEL') {
    const skewBody = h('div', { id: 'skew', 'aria-live': 'polite' }, loading());
    sections.push(section('skew', 'Training/serving skew', [skewBody]));
    api.skew(name)
      .then((skew) => skewBody.replaceChildren(...skewParts(skew)))
      .catch((error) => skewBody.replaceChildren(message('error', `Could not compute the skew: ${errorText(error)}`)));
  }
  const timelineBody = h('div', { id: 'timeline', 'aria-live': 'polite' }, loading());
  sections.push(section('timeline', 'Change timeline', [timelineBody]));
  api.timeline(name)
    .then((timeline) => timelineBody.replaceChildren(...timelineParts(timeline)))
    .catch((error) => timelineBody.replaceChildren(message('error', `Could not load the timeline: ${errorText(error)}`)));
  return sections;
}

function timelineParts(timeline: Timeline): HTMLElement[] {
  const span = `${new Date(timeline.from).toLocaleDateString()} – ${new Date(timeline.to).toLocaleDateString()}`;
  const covered = plural(timeline.assetsCovered, 'asset')
    + (timeline.upstreamTruncated ? ' (the upstream was cut short)' : '');
  if (timeline.entries.length === 0) {
    return [message('info', `No change to this asset or its upstream (${covered}) between ${span}.`)];
  }
  return [
    h('p', { className: 'count', id: 'timeline-count' }, plural(timeline.entries.length, 'change')
      + ` across ${covered}, ${span}${timeline.more ? ` (the first ${timeline.limit})` : ''}`),
    table('Changes to this asset and everything upstream of it', ['When', 'Event', 'Asset', 'What changed', 'Path to this asset'],
      timeline.entries.map((e) => [time(e.occurredAt), h('code', {}, e.type),
        link(assetPath(e.asset), e.version ? `${e.asset} ${e.version}` : e.asset), e.summary,
        h('span', { className: 'path' }, pathLinks(e.path))]),
      { id: 'timeline-table' }),
  ];
}

function skewParts(skew: Skew): HTMLElement[] {
  const parts: HTMLElement[] = [];
  const skewedFields = skew.producers.flatMap((p) => p.skewedFields.map((f) => `${p.producer} ${f}`));
  if (skew.skewed) {
    parts.push(message('error', `Skewed between ${skew.training} and ${skew.serving}: ${skewedFields.join(', ')}.`));
  } else if (skew.producers.length > 0) {
    parts.push(message('info', `No skew beyond the thresholds between the latest ${skew.training} and ${skew.serving} profiles.`));
  } else {
    parts.push(message('info', `Nothing to compare yet: no producer of this model has both a ${skew.training} and a ${skew.serving} observation.`));
  }
  for (const producer of skew.producers) {
    parts.push(table(`${producer.producer}: latest ${skew.training} (${producer.training.records} records) against latest `
      + `${skew.serving} (${producer.serving.records} records), worst first`,
    ['Field', 'Metric', 'Distance', 'Threshold', 'Null rate', 'Skewed'],
    producer.features.map((f) => [h('code', {}, f.field), metricName(f.kind), decimal(f.distance), decimal(f.threshold),
      `${percent(f.baselineNullRate)} → ${percent(f.currentNullRate)}`,
      f.anomalies.length ? h('span', { className: 'badge bad', title: f.anomalies.map((a) => a.detail).join(' ') }, 'skewed')
        : h('span', { className: 'badge ok' }, 'ok')]),
    { className: 'skew-table' }));
    const details = producer.anomalies.map((a) => h('li', {}, a.detail));
    if (details.length) parts.push(h('ul', { className: 'anomalies' }, details));
  }
  for (const missing of skew.missing) {
    parts.push(message('info', `No ${missing.lacking.join(' or ')} observation of ${missing.producer} yet: ${missing.hint}`));
  }
  return parts;
}

function metricName(kind: string): string {
  if (kind === 'numeric') return 'Jensen-Shannon';
  if (kind === 'categorical') return 'L-infinity';
  return 'null rate only';
}
