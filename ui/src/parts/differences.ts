// The verdict of a compatibility check and the table of its differences: on the asset page's version diff and in the
// what-if result.
import type { Difference } from '../api';
import { h, message, table } from '../dom';

/** Whether a difference breaks compatibility either way, backward or forward. */
export function isBreaking(difference: Partial<Pick<Difference, 'breaksBackward' | 'breaksForward'>>): boolean {
  return Boolean(difference.breaksBackward || difference.breaksForward);
}

/** Whether a difference breaks the guarantee of a compatibility mode (BACKWARD checks backward only, and so on). */
export function breaksUnder(mode: string, difference: Pick<Difference, 'breaksBackward' | 'breaksForward'>): boolean {
  if (mode.startsWith('BACKWARD')) return difference.breaksBackward;
  if (mode.startsWith('FORWARD')) return difference.breaksForward;
  if (mode.startsWith('FULL')) return isBreaking(difference);
  return false;
}

/** The bump from one semantic version to another as published: MAJOR, MINOR or PATCH. */
export function publishedBump(from: string, to: string): string {
  const [a, b] = [from, to].map((v) => v.split(/[.+-]/).slice(0, 3).map(Number));
  if (a[0] !== b[0]) return 'MAJOR';
  return a[1] !== b[1] ? 'MINOR' : 'PATCH';
}

/** Compatible or breaking under the mode, and the version bump it needs; extra is appended to the line. */
export function verdict(compatible: boolean, mode: string, bump: string | null, extra: string): HTMLElement {
  return h('p', { className: `verdict ${compatible ? 'ok' : 'bad'}`, role: 'status' },
    h('strong', {}, compatible ? 'Compatible' : 'Breaking'), ` under ${mode}`,
    bump ? ` · needs a ${bump} version bump` : ' · no version bump needed', extra);
}

/** One row per difference, the breaking ones marked (class breaking) and saying which way they break. */
export function differencesTable(caption: string, differences: Difference[]): HTMLElement {
  if (differences.length === 0) return message('info', 'No differences.');
  const wrap = table(caption, ['Change', 'Field', 'What changed', 'Breaks'],
    differences.map((d) => [h('code', {}, d.kind), h('code', {}, d.path === '' ? '(root)' : d.path), d.message,
      isBreaking(d)
        ? h('span', { className: 'badge bad' }, [d.breaksBackward ? 'backward' : '', d.breaksForward ? 'forward' : ''].filter(Boolean).join(' + '))
        : h('span', { className: 'badge ok' }, 'nothing')]),
    { className: 'differences' });
  wrap.querySelectorAll('tbody tr').forEach((row, index) => {
    if (isBreaking(differences[index])) row.classList.add('breaking');
  });
  return wrap;
}
