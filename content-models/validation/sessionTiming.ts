import { memberCountries } from '../countries';
import { formatTime, formatUtcOffset, instantToWallClock, isValidDate, isValidTimeZone, parseTimeOfDay, resolveWallClock } from '../time';
import { listInSpanish, pickerDate, weekday } from './spanish';
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
  /** The end is on the day after `date` (a session past midnight). Off unless the editor says so. */
  endsNextDay?: boolean | null;
}

/** A session's start and end as instants. */
export interface SessionInterval {
  start: Date;
  end: Date;
}

/**
 * The longest session that "ends the next day" may be. A session past midnight runs a few hours;
 * one of 12 hours or more is a wrong box ticked on a 09:00–10:00 session, or a 12-hour typo.
 */
const MAX_NEXT_DAY_HOURS = 12;
const MAX_NEXT_DAY_MS = MAX_NEXT_DAY_HOURS * 3_600_000;

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
 * The calendar date the session's end time is read on: its own date, or the next day when the
 * editor marked "ends the next day" (23:15–00:15). Calendar arithmetic, not 24 hours: the next day
 * may have 23 or 25 hours in the session's zone.
 *
 * @example
 * sessionEndDate({ date: '2020-10-31', endsNextDay: true }); // '2020-11-01'
 * sessionEndDate({ date: '2020-10-31' }); // '2020-10-31'
 */
export function sessionEndDate(session: Pick<SessionTiming, 'date' | 'endsNextDay'>): string {
  if (session.endsNextDay !== true || !isValidDate(session.date)) return session.date;
  const next = new Date(Date.parse(`${session.date}T00:00:00Z`) + 86_400_000);
  return next.toISOString().slice(0, 10);
}

/**
 * The session's start and end instants, or `null` when its date, times or zone cannot be resolved
 * (those problems are {@link checkSessionTiming}'s to report).
 */
export function sessionInterval(session: SessionTiming, eventTimeZone: string): SessionInterval | null {
  const zone = sessionTimeZone(session, eventTimeZone);
  const start = resolveWallClock(session.date, session.start, zone);
  const end = resolveWallClock(sessionEndDate(session), session.end, zone);
  if (!start.ok || !end.ok) return null;
  return { start: start.instant, end: end.instant };
}

/**
 * Checks one session's own timing: a valid date, start and end times, a real IANA zone (the
 * session's or, when it has none, the event's), no time inside a daylight-saving gap, and an end
 * after the start, on the same day unless `endsNextDay` says the end is on the next day. A time
 * that happens twice (clocks going back) is a warning: the site reads it as the first occurrence.
 * Without `endsNextDay` an end before the start stays an error, since it is far more often a
 * 12-hour typo (2:30 for 14:30) than a session past midnight; the message says how to mark one.
 *
 * Paths: `date`, `start`, `end`, `timeZone`, `endsNextDay`.
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

  const nextDay = session.endsNextDay === true;
  const start = startOk ? resolveTime(date, session.start, zone, 'start', issues) : null;
  const end = endOk ? resolveTime(sessionEndDate(session), session.end, zone, 'end', issues) : null;

  if (start && end && !nextDay && end.getTime() <= start.getTime()) {
    const same = end.getTime() === start.getTime();
    issues.push({
      level: 'error',
      path: 'end',
      message: same
        ? `La sesión termina a la misma hora en que empieza (${session.start}). Escribe la hora de fin, que debe ser posterior a la de inicio.`
        : `La sesión termina (${session.end}) antes de empezar (${session.start}). Revisa la hora de fin: debe ser posterior a la de inicio y del mismo día, en formato de 24 horas (por ejemplo 14:30, no 2:30). Si de verdad termina pasada la medianoche, marca «Termina al día siguiente».`,
    });
  }
  if (start && end && nextDay && end.getTime() - start.getTime() > MAX_NEXT_DAY_MS) {
    issues.push({
      level: 'error',
      path: 'endsNextDay',
      message: `Marcaste «Termina al día siguiente», pero entonces la sesión duraría de las ${session.start} del ${pickerDate(date)} a las ${session.end} del ${pickerDate(sessionEndDate(session))}: más de ${MAX_NEXT_DAY_HOURS} horas. Si termina el mismo día, desmarca la casilla; si no, revisa las horas.`,
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
 * Refuses a session whose date is not one of the event's days: the programme is built by day, so
 * the session would have no place in it (the build refuses it too, with this message). The date is
 * read in the session's own zone, as the organisers wrote it; when the session's start, read in the
 * event's zone, falls on one of the event's days, the message names that day and suggests writing
 * the times in the event's zone, the usual cause (00:30 in Madrid is still the previous evening in
 * Guatemala). Nothing is said when the event has no days yet, or the date is not a valid one (the
 * date's own rule says that).
 *
 * Path: `date`.
 *
 * @example
 * checkSessionDay({ _id: 'a', title: 'Cierre', date: '2020-10-27', start: '00:30', end: '01:00', timeZone: 'Europe/Madrid' }, ['2020-10-26'], 'America/Guatemala');
 * // [{ level: 'error', path: 'date', message: 'El 27/10/2020 (martes) no es uno de los días del evento (26/10/2020). En hora de Guatemala la sesión empieza el lunes 26/10/2020 a las 17:30, …' }]
 */
export function checkSessionDay(session: SessionTiming, eventDays: readonly string[], eventTimeZone: string): RuleIssue[] {
  const date = session.date;
  if (eventDays.length === 0 || !isValidDate(date) || eventDays.includes(date)) return [];
  const days = listInSpanish(eventDays.filter(isValidDate).map(pickerDate));
  const written = `El ${pickerDate(date)} (${weekday(date)}) no es uno de los días del evento (${days}).`;
  const addDay = 'añade el día en «Evento → Días» si el programa cambió';
  const zone = sessionTimeZone(session, eventTimeZone);
  const start = isValidTimeZone(zone) && isValidTimeZone(eventTimeZone) ? resolveWallClock(date, session.start, zone) : null;
  const inEventZone = start?.ok ? { date: instantToWallClock(start.instant, eventTimeZone).date, time: formatTime(start.instant, eventTimeZone, 'es') } : null;
  if (inEventZone && inEventZone.date !== date && eventDays.includes(inEventZone.date)) {
    const eventZoneName = `hora de ${timeZoneLabel(eventTimeZone)}`;
    return [
      {
        level: 'error',
        path: 'date',
        message:
          `${written} Las horas están en hora de ${timeZoneLabel(zone)}; en ${eventZoneName} la sesión empieza el ${weekday(inEventZone.date)} ${pickerDate(inEventZone.date)} ` +
          `a las ${inEventZone.time}, que sí es un día del evento. Escribe la fecha y las horas en ${eventZoneName} ` +
          `(y vacía «Zona horaria»), o ${addDay}.`,
      },
    ];
  }
  return [{ level: 'error', path: 'date', message: `${written} Elige uno de esos días, o ${addDay}.` }];
}
