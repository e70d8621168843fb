/**
 * A day's sessions, in their order, with the ones whose times intersect grouped together, so a
 * list can show concurrent sessions side by side. Relies on `concurrentWith`, which the content
 * load derives from the sessions' instants.
 * @example concurrentGroups([opening, mesa1, mesa2]) // [[opening], [mesa1, mesa2]]
 */
export function concurrentGroups<T extends { _id: string; concurrentWith: string[] }>(sessions: readonly T[]): T[][] {
  const out: T[][] = [];
  for (const s of sessions) {
    const last = out.at(-1);
    if (last?.some((o) => s.concurrentWith.includes(o._id))) last.push(s);
    else out.push([s]);
  }
  return out;
}
