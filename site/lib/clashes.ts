/**
 * Which starred sessions overlap in time, for My programme's warning, computed in the browser
 * (site/scripts/my-programme.ts): listed by the build, the pairs of a long programme would grow
 * with its square (35 KB gzip more in the data file at 10× content).
 */

/** Two starred sessions whose times intersect, in the order they were given. */
export interface Clash {
  first: string;
  second: string;
}

/**
 * Every pair of sessions that overlap in time (each starts before the other ends), each pair in the
 * order the sessions are given: My programme gives them in the data file's order, the order they
 * start (my-programme-data.ts), so no sort ships to the browser. Instants are compared, not
 * wall-clock times, so sessions written in different zones compare right.
 * @example clashes([{ id: 'a', start: 0, end: 10 }, { id: 'b', start: 5, end: 15 }]) // [{ first: 'a', second: 'b' }]
 */
export function clashes(sessions: { id: string; start: number; end: number }[]): Clash[] {
  return sessions.flatMap((a, i) =>
    sessions
      .slice(i + 1)
      .filter((b) => b.start < a.end && a.start < b.end)
      .map((b) => ({ first: a.id, second: b.id })),
  );
}
