/**
 * Which starred sessions overlap in time, for My programme's warning, computed in the browser
 * (site/scripts/my-programme.ts): listed by the build, the pairs of a long programme would grow
 * with its square (35 KB gzip more in the data file at 10× content).
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
