/**
 * Where the event stands — before, live, after — as the build sees it. The browser decides again
 * from its own clock (scripts/phase.ts), so nothing needs a rebuild at go-live; this is the static
 * fallback a page shows without JavaScript, and what tests build any phase with (`SITE_NOW`).
 */
import type { Session, Site } from './content/model';

export const PHASES = ['before', 'live', 'after'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * The build's clock: `SITE_NOW` (an ISO instant with its zone, e.g. `2020-10-26T15:05:00Z`) when
 * set, else the machine's. A value that is not such an instant stops the build rather than
 * silently building the wrong phase.
 */
export function buildNow(env: Record<string, string | undefined> = process.env): Date {
  const raw = env.SITE_NOW?.trim();
  if (!raw) return new Date();
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/u.test(raw) ? new Date(raw) : new Date(Number.NaN);
  if (Number.isNaN(instant.getTime())) throw new Error(`SITE_NOW is not an instant: "${raw}". Write it like 2020-10-26T15:05:00Z.`);
  return instant;
}

/** From the first session's start to the last one's end; null when the programme is empty (always "before"). */
export function eventSpan(site: Pick<Site, 'sessions'>): { start: Date; end: Date } | null {
  if (site.sessions.length === 0) return null;
  const start = Math.min(...site.sessions.map((s) => s.startsAt.getTime()));
  const end = Math.max(...site.sessions.map((s) => s.endsAt.getTime()));
  return { start: new Date(start), end: new Date(end) };
}

/** The phase of a span at an instant: before its start, live until its end, after. */
export function phaseAt(now: Date, span: { start: Date; end: Date } | null): Phase {
  if (!span || now < span.start) return 'before';
  return now < span.end ? 'live' : 'after';
}

/**
 * The sessions in progress at `now` and the next to start (all that start at that same instant).
 * `sameDayIn`: only sessions of the day `now` falls on in that zone, as the programme's marks do.
 */
export function nowAndNext(sessions: readonly Session[], now: Date, sameDayIn?: string): { now: Session[]; next: Session[] } {
  const today = sameDayIn ? new Intl.DateTimeFormat('en-CA', { timeZone: sameDayIn, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now) : null;
  const pool = today ? sessions.filter((s) => s.date === today) : sessions;
  const current = pool.filter((s) => s.startsAt <= now && now < s.endsAt);
  const upcoming = pool.filter((s) => s.startsAt > now).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const first = upcoming[0]?.startsAt.getTime();
  return { now: current, next: upcoming.filter((s) => s.startsAt.getTime() === first) };
}
