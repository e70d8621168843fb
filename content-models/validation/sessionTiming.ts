import { memberCountries } from '../countries';
import { formatDate, formatTime, formatUtcOffset, isValidDate, isValidTimeZone, parseTimeOfDay, resolveWallClock } from '../time';
import type { RuleIssue } from './types';

/**
 * What the timing rules need of a session: the content model's fields, with the Spanish title as a
 * plain string so messages can name the session. `_id` may be a draft id (`drafts.X`).
 */
export interface SessionTiming {
  _id: string;
  title: string;
  date: string;
  start: string;
  end: string;
  /** The zone `start` and `end` are written in; empty means the event's zone. */
  timeZone?: string | null;
  /** The agenda order the organisers wrote; breaks ties between sessions that start together. */
  order?: number | null;
}

/** A session's start and end as instants. */
export interface SessionInterval {
  start: Date;
  end: Date;
}

/** `HH:mm`, the form the content model asks for: two-digit hours sort correctly as text in the Studio. */
const TWO_DIGIT_TIME = /^\d{2}:\d{2}$/u;

/**
 * The id a document is published under: `drafts.X` and `versions.<release>.X` are both versions of `X`.
 *
 * @example
 * publishedId('drafts.session-opening'); // 'session-opening'
 */
export function publishedId(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length);
  const version = /^versions\.[^.]+\.(.+)$/u.exec(id);
  return version?.[1] ?? id;
}

/**
 * Keeps one version per document: the draft where there is one (it is what the editor is working
 * on), the published document otherwise. Order is preserved.
 */
export function latestVersions<T extends { _id: string }>(documents: readonly T[]): T[] {
  const chosen = new Map<string, T>();
  for (const document of documents) {
    const id = publishedId(document._id);
    const current = chosen.get(id);
    if (!current || (document._id.startsWith('drafts.') && !current._id.startsWith('drafts.'))) chosen.set(id, document);
  }
  return documents.filter((document) => chosen.get(publishedId(document._id)) === document);
}

/** The zone a session's times are written in. */
export function sessionTimeZone(session: Pick<SessionTiming, 'timeZone'>, eventTimeZone: string): string {
  const own = typeof session.timeZone === 'string' ? session.timeZone.trim() : '';
  return own === '' ? eventTimeZone : own;
}

/**
 * How an editor names a zone: the member country that uses it ("Guatemala", "Perú"), or the IANA
 * name when no member country does.
 *
 * @example
 * timeZoneLabel('America/Lima'); // 'Perú'
 * timeZoneLabel('Europe/Paris'); // 'Europe/Paris'
 */
export function timeZoneLabel(zone: string): string {
  return memberCountries.find((country) => country.timeZone === zone)?.name.es ?? zone;
}

/**
 * The session's start and end instants, or `null` when its date, times or zone cannot be resolved
 * (those problems are {@link checkSessionTiming}'s to report).
 */
export function sessionInterval(session: SessionTiming, eventTimeZone: string): SessionInterval | null {
  const zone = sessionTimeZone(session, eventTimeZone);
  const start = resolveWallClock(session.date, session.start, zone);
  const end = resolveWallClock(session.date, session.end, zone);
  if (!start.ok || !end.ok) return null;
  return { start: start.instant, end: end.instant };
}

/**
 * Checks one session's own timing: a valid date, start and end times, a real IANA zone (the
 * session's or, when it has none, the event's), no time inside a daylight-saving gap, and an end
 * after the start. A time that happens twice (clocks going back) is a warning: the site reads it as
 * the first occurrence.
 *
 * Paths: `date`, `start`, `end`, `timeZone`.
 *
 * @example
 * checkSessionTiming({ _id: 'a', title: 'Apertura', date: '2020-10-26', start: '09:00', end: '09:20' }, 'America/Guatemala'); // []
 * checkSessionTiming({ _id: 'a', title: 'Apertura', date: '2020-10-26', start: '09:20', end: '09:00' }, 'America/Guatemala');
 * // [{ level: 'error', path: 'end', message: 'La sesión termina (09:00) antes de empezar (09:20)…' }]
 */
export function checkSessionTiming(session: SessionTiming, eventTimeZone: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const date = typeof session.date === 'string' ? session.date : '';
  const dateOk = isValidDate(date);
  if (date === '') {
    issues.push({ level: 'error', path: 'date', message: 'Falta la fecha de la sesión: elige uno de los días del evento.' });
  } else if (!dateOk) {
    issues.push({
      level: 'error',
      path: 'date',
      message: `La fecha «${date}» no es válida. Escríbela como AAAA-MM-DD (año-mes-día), por ejemplo 2020-10-26, o elígela en el calendario.`,
    });
  }

  const startOk = checkTimeOfDay(session.start, 'start', 'inicio', issues);
  const endOk = checkTimeOfDay(session.end, 'end', 'fin', issues);

  const ownZone = typeof session.timeZone === 'string' ? session.timeZone.trim() : '';
  const zone = sessionTimeZone(session, eventTimeZone);
  const zoneOk = isValidTimeZone(zone);
  if (!zoneOk) {
    issues.push({
      level: 'error',
      path: 'timeZone',
      message:
        ownZone === ''
          ? `La zona horaria del evento («${eventTimeZone}») no es válida, y esta sesión la usa. Corrígela en «Evento» (por ejemplo America/Guatemala) o elige aquí la zona en que están escritas las horas.`
          : `La zona horaria «${ownZone}» no existe. Elige una de la lista (por ejemplo America/Guatemala o America/Lima) o escribe un nombre de zona IANA exacto, con mayúsculas; no un desfase como -06:00. Si las horas están en hora de Guatemala, deja el campo vacío.`,
    });
  }

  if (!dateOk || !zoneOk) return issues;

  const start = startOk ? resolveTime(date, session.start, zone, 'start', issues) : null;
  const end = endOk ? resolveTime(date, session.end, zone, 'end', issues) : null;

  if (start && end && end.getTime() <= start.getTime()) {
    const same = end.getTime() === start.getTime();
    issues.push({
      level: 'error',
      path: 'end',
      message: same
        ? `La sesión termina a la misma hora en que empieza (${session.start}). Escribe la hora de fin, que debe ser posterior a la de inicio.`
        : `La sesión termina (${session.end}) antes de empezar (${session.start}). Revisa la hora de fin: debe ser posterior a la de inicio y del mismo día, en formato de 24 horas (por ejemplo 14:30, no 2:30).`,
    });
  }
  return issues;
}

function checkTimeOfDay(value: unknown, path: 'start' | 'end', name: string, issues: RuleIssue[]): boolean {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') {
    issues.push({ level: 'error', path, message: `Falta la hora de ${name}: escríbela en formato de 24 horas, por ejemplo 09:00 o 14:30.` });
    return false;
  }
  if (parseTimeOfDay(String(value)) === null) {
    issues.push({
      level: 'error',
      path,
      message: `La hora de ${name} «${String(value)}» no es válida. Escríbela en formato de 24 horas con dos puntos, entre 00:00 y 23:59: por ejemplo 09:00 o 14:30 (no 9.00 ni 2:30 pm).`,
    });
    return false;
  }
  if (!TWO_DIGIT_TIME.test(String(value))) {
    issues.push({
      level: 'warning',
      path,
      message: `Escribe la hora de ${name} con dos cifras (0${String(value)} en vez de ${String(value)}), para que el Studio ordene bien las sesiones del día.`,
    });
  }
  return true;
}

function resolveTime(date: string, time: string, zone: string, path: 'start' | 'end', issues: RuleIssue[]): Date | null {
  const resolved = resolveWallClock(date, time, zone);
  if (!resolved.ok) {
    issues.push({ level: 'error', path, message: resolved.message });
    return null;
  }
  if (resolved.ambiguous) {
    issues.push({
      level: 'warning',
      path,
      message:
        `La hora ${time} del ${date} ocurre dos veces en ${zone}, porque ese día se atrasan los relojes. ` +
        `El sitio usará la primera vez (${formatUtcOffset(resolved.instant, zone)}). Si la sesión es en la segunda, ` +
        'escribe las horas en otra zona horaria que no cambie ese día, por ejemplo la del evento.',
    });
  }
  return resolved.instant;
}

/**
 * Refuses a session dated outside the event's days: the programme is built day by day, so such a
 * session would appear nowhere (the build refuses it too). Nothing is said when the event has no
 * days yet.
 *
 * Path: `date`.
 */
export function checkSessionDate(date: string, eventDays: readonly string[]): RuleIssue[] {
  if (eventDays.length === 0 || !isValidDate(date) || eventDays.includes(date)) return [];
  const days = eventDays.filter(isValidDate).map(pickerDate);
  return [
    {
      level: 'error',
      path: 'date',
      message: `El ${pickerDate(date)} (${weekday(date)}) no es uno de los días del evento (${listInSpanish(days)}). Elige uno de esos días, o añade el día en «Evento → Días» si el programa cambió.`,
    },
  ];
}

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

/** 26/10/2020, as the Studio's date picker shows dates. */
function pickerDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day ?? ''}/${month ?? ''}/${year ?? ''}`;
}

function listInSpanish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`;
}

/** "martes" for 2020-10-27: the long date's weekday, read at noon UTC so it is the same calendar day. */
function weekday(date: string): string {
  const noon = resolveWallClock(date, '12:00', 'UTC');
  return noon.ok ? (formatDate(noon.instant, 'UTC', 'es', 'long').split(',')[0] ?? '') : '';
}
