import { formatTime, resolveWallClock } from '../time';
import { latestVersions, publishedId, type SessionTiming, sessionInterval, sessionTimeZone, timeZoneLabel } from './sessionTiming';
import { listInSpanish } from './spanish';
import type { RuleIssue } from './types';

/**
 * The rules between the sessions of a day (overlaps, agenda order); sessionTiming.ts holds those
 * of one session on its own.
 */

/**
 * The other sessions whose time intersects this one's, compared as instants (so sessions written in
 * different zones are compared correctly). Touching ends do not overlap (9:00–9:30 and 9:30–10:00).
 * The session itself is ignored, as are its draft or published twin (`drafts.X` and `X`); of any
 * other session only its latest version (the draft if there is one) is considered.
 *
 * @example
 * findOverlappingSessions(mesa1, [mesa1, mesa2, opening], 'America/Guatemala'); // [mesa2]
 */
export function findOverlappingSessions(session: SessionTiming, others: SessionTiming[], eventTimeZone: string): SessionTiming[] {
  const own = sessionInterval(session, eventTimeZone);
  if (!own || own.end.getTime() <= own.start.getTime()) return [];
  const self = publishedId(session._id);
  return latestVersions(others).filter((other) => {
    if (publishedId(other._id) === self) return false;
    const theirs = sessionInterval(other, eventTimeZone);
    if (!theirs || theirs.end.getTime() <= theirs.start.getTime()) return false;
    return own.start.getTime() < theirs.end.getTime() && theirs.start.getTime() < own.end.getTime();
  });
}

/**
 * The session that comes before this one in the organisers' agenda order (same date, lower `order`)
 * but starts after it: a sign that a time or a time zone is wrong. When several do, the closest in
 * agenda order (the highest `order` below this one) is returned.
 *
 * This is how the seed's "9:20 – 9:30 Hora de Perú" is caught: read literally (America/Lima) the
 * introduction starts at 8:20 Guatemala time, before the 9:00 opening, whose order is lower.
 *
 * @example
 * findOrderProblem(introInLimaTime, [opening], 'America/Guatemala'); // opening
 */
export function findOrderProblem(session: SessionTiming, others: SessionTiming[], eventTimeZone: string): SessionTiming | null {
  if (typeof session.order !== 'number' || !Number.isFinite(session.order)) return null;
  const ownStart = sessionStart(session, eventTimeZone);
  if (ownStart === null) return null;
  const self = publishedId(session._id);
  const order = session.order;

  let found: { session: SessionTiming; start: number; order: number } | null = null;
  for (const other of latestVersions(others)) {
    if (publishedId(other._id) === self || other.date !== session.date) continue;
    if (typeof other.order !== 'number' || !Number.isFinite(other.order) || other.order >= order) continue;
    const start = sessionStart(other, eventTimeZone);
    if (start === null || start <= ownStart) continue;
    if (!found || other.order > found.order || (other.order === found.order && start > found.start)) {
      found = { session: other, start, order: other.order };
    }
  }
  return found?.session ?? null;
}

function sessionStart(session: SessionTiming, eventTimeZone: string): number | null {
  const resolved = resolveWallClock(session.date, session.start, sessionTimeZone(session, eventTimeZone));
  return resolved.ok ? resolved.instant.getTime() : null;
}

/**
 * The rules that compare a session with the others of its day: an overlap is a warning naming the
 * other sessions (parallel sessions can be intended, and editors decide), an order problem is an
 * error naming the earlier session (a time or a zone is wrong, and the site would publish it).
 *
 * Path: `start`.
 */
export function checkSessionSchedule(session: SessionTiming, others: SessionTiming[], eventTimeZone: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const overlapping = findOverlappingSessions(session, others, eventTimeZone);
  if (overlapping.length > 0) {
    issues.push({ level: 'warning', path: 'start', message: overlapMessage(overlapping, eventTimeZone) });
  }
  const earlier = findOrderProblem(session, others, eventTimeZone);
  if (earlier) {
    issues.push({ level: 'error', path: 'start', message: orderProblemMessage(session, earlier, eventTimeZone) });
  }
  return issues;
}

/** «Mesa de reflexión 1» (9:30–10:30, hora de Guatemala): how messages name another session. */
function describeSession(session: SessionTiming, eventTimeZone: string): string {
  const interval = sessionInterval(session, eventTimeZone);
  const title = session.title.trim() === '' ? 'una sesión sin título' : `«${session.title.trim()}»`;
  if (!interval) return title;
  return `${title} (${formatTime(interval.start, eventTimeZone, 'es')}–${formatTime(interval.end, eventTimeZone, 'es')}, hora de ${timeZoneLabel(eventTimeZone)})`;
}

function overlapMessage(overlapping: SessionTiming[], eventTimeZone: string): string {
  const names = listInSpanish(overlapping.map((other) => describeSession(other, eventTimeZone)));
  return (
    `Se cruza en el tiempo con ${names}. Si son sesiones paralelas a propósito, puedes dejarlo así: el sitio las mostrará como simultáneas. ` +
    'Si no, corrige la hora de inicio o de fin de una de ellas.'
  );
}

function orderProblemMessage(session: SessionTiming, earlier: SessionTiming, eventTimeZone: string): string {
  const zone = sessionTimeZone(session, eventTimeZone);
  const ownStart = sessionStart(session, eventTimeZone);
  const earlierStart = sessionStart(earlier, eventTimeZone);
  const eventZoneName = `hora de ${timeZoneLabel(eventTimeZone)}`;
  const at = (instant: number | null, fallback: string) => (instant === null ? fallback : formatTime(new Date(instant), eventTimeZone, 'es'));
  const ownTime =
    zone === eventTimeZone || ownStart === null
      ? `${at(ownStart, session.start)} ${eventZoneName}`
      : `${at(ownStart, session.start)} ${eventZoneName} (${formatTime(new Date(ownStart), zone, 'es')} en hora de ${timeZoneLabel(zone)})`;
  const earlierTitle = earlier.title.trim() === '' ? 'una sesión sin título' : `«${earlier.title.trim()}»`;
  const zoneHint =
    zone === eventTimeZone
      ? ''
      : ` Esta sesión tiene las horas en hora de ${timeZoneLabel(zone)} (${zone}): si en realidad están en ${eventZoneName}, como el resto del programa, vacía el campo «Zona horaria».`;
  return (
    `En la agenda esta sesión va después de ${earlierTitle} (orden ${String(session.order)} frente a ${String(earlier.order)}), pero empieza antes: ` +
    `a las ${ownTime}, y ${earlierTitle} a las ${at(earlierStart, earlier.start)}.${zoneHint} ` +
    'Corrige la hora de inicio, la zona horaria o el número de orden.'
  );
}
