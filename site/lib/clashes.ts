/**
 * Which sessions overlap in time, for My programme's warning. The build words every overlapping
 * pair of the programme (my-programme-data.ts); the page shows those whose two sessions are both
 * starred, in the same order, since a subset of a sorted list stays sorted.
 */

/** Two starred sessions whose times intersect, in the order they start. */
export interface Clash {
  first: string;
  second: string;
}

/**
 * Every pair of sessions that overlap in time (one starts before the other ends). Instants are
 * compared, not wall-clock times, so sessions written in different zones compare right.
 * @example clashes([{ id: 'a', start: 0, end: 10 }, { id: 'b', start: 5, end: 15 }]) // [{ first: 'a', second: 'b' }]
 */
export function clashes(sessions: { id: string; start: number; end: number }[]): Clash[] {
  const sorted = [...sessions].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Clash[] = [];
  for (const [i, a] of sorted.entries()) {
    for (const b of sorted.slice(i + 1)) {
      if (b.start >= a.end) break;
      out.push({ first: a.id, second: b.id });
    }
  }
  return out;
}
