/**
 * Time: the one module where wall-clock times become instants and instants become displayed times.
 * The Studio's validation and the Astro build both import it, so editors are held to exactly the rule
 * the site applies when it renders.
 *
 * Content stores a session the way the organisers write it: a calendar date (`'2020-10-26'`), a
 * wall-clock time (`'9:00'`) and the IANA zone it is read in (`'America/Guatemala'`). Instants are
 * derived here and never typed by anyone; every conversion follows the IANA time zone database as the
 * JavaScript engine ships it (through `Intl`), daylight saving included.
 *
 * ## The rule for daylight-saving changes
 *
 * 1. **Gap (clocks go forward).** A wall-clock time that never shows on the zone's clocks, because the
 *    clocks jump over it, is REJECTED with the problem `'nonexistent-time'`. The (Spanish) message names
 *    the zone and the date and suggests the first valid time after the gap.
 *    Example: 2020-03-29 02:30 in Europe/Madrid, where the clocks went from 02:00 straight to 03:00, is
 *    rejected and 03:00 is suggested. We reject instead of shifting because a shifted time would publish
 *    a time the organisers never wrote.
 * 2. **Overlap (clocks go back).** A wall-clock time that shows twice resolves to the EARLIER instant,
 *    the first occurrence, i.e. read with the UTC offset in force before the change, and the result says
 *    `ambiguous: true` so the Studio can warn. This is what RFC 5545 (iCalendar) prescribes and what
 *    Temporal does with the `'compatible'` or `'earlier'` disambiguation.
 *    Example: 2020-10-25 02:30 in Europe/Madrid happened at 00:30Z (CEST, UTC+2) and again at 01:30Z
 *    (CET, UTC+1); it resolves to 00:30Z, ambiguous.
 * 3. Every other wall-clock time has exactly one instant, and that is the answer.
 *
 * Changes do not all happen at 02:00 local time, so nothing here assumes an hour or a length: the gap or
 * overlap is found from the zone's own offsets. America/Santiago and America/Asuncion change at
 * midnight (in spring 00:00 becomes 01:00; in autumn 00:00 goes back to 23:00 of the PREVIOUS day, so
 * the repeated hour belongs to the day before), America/Havana goes 00:00 → 01:00 in spring and
 * 01:00 → 00:00 in autumn, and Europe/Madrid, Europe/Andorra and Europe/Lisbon change at 01:00 UTC.
 *
 * ## How it is detected, and why not with date-fns-tz alone
 *
 * For a wall-clock time we take as candidates the instants it would be under the offset in force a day
 * before and a day after (and date-fns-tz's `fromZonedTime` answer), convert each back to wall-clock
 * time, and keep those that give back the input. None left: it is in a gap. Two left: it is in an
 * overlap, and the earlier wins. This holds for any zone with at most one offset change in the two days
 * around the time, which is true of every member country's zone.
 *
 * Reading an instant's wall-clock time and offset goes through `Intl.DateTimeFormat` directly, not
 * through date-fns-tz, because its helpers depend on the machine's own zone or misread instants near a
 * change: `toZonedTime` and `formatInTimeZone` carry the wall-clock time in a `Date`'s local fields,
 * which shift when the machine's zone skips that hour (a Studio opened in Madrid showing Santiago's
 * 2020-03-29 02:30 as 03:30); `getTimezoneOffset(zone, date)` reads `date` as a wall-clock time and
 * gives UTC+2 for Madrid at 2020-10-25T01:30Z, an hour after the change to UTC+1; and `fromZonedTime`
 * picks either occurrence of a repeated time depending on the machine's zone. So its answer is only
 * ever one candidate, checked like the others.
 *
 * Wall-clock times are to the minute; instants are to the second in `toIsoUtc`.
 */

// The subpath, not the package's index: the index also loads its formatting half (date-fns' format
// and locales), ~3 s of CPU in every build that this module never uses.
import { fromZonedTime } from 'date-fns-tz/fromZonedTime';
import { boundedCache } from './bounded-cache';
import { offsetLabel } from './time-text';

/** What can be wrong with a date, time and zone that someone typed. */
export type TimeProblem = 'invalid-date' | 'invalid-time' | 'invalid-zone' | 'nonexistent-time';

/**
 * A wall-clock time resolved to an instant, or the reason it cannot be. `message` is in Spanish, for
 * the editors, and says how to fix the problem.
 */
export type ResolvedWallClock = { ok: true; instant: Date; ambiguous: boolean } | { ok: false; problem: TimeProblem; message: string };

/**
 * Thrown by the functions that cannot return a problem as a value. Its `message` is the same Spanish,
 * editor-facing text `resolveWallClock` gives, so a build failure can be shown to an editor as is.
 *
 * @example
 * try {
 *   wallClockToInstant('2020-03-29', '2:30', 'Europe/Madrid');
 * } catch (error) {
 *   if (error instanceof TimeError) error.problem; // 'nonexistent-time'
 * }
 */
export class TimeError extends Error {
  override name = 'TimeError';
  readonly problem: TimeProblem;

  constructor(problem: TimeProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Whether `zone` names an IANA time zone that this JavaScript engine knows: whatever `Intl` accepts
 * (including `'UTC'` and `'Etc/GMT+6'`), except UTC offsets such as `'-06:00'`, which `Intl` also
 * accepts but which have no daylight-saving rules and so are exactly the fixed-offset mistake the site
 * must not make. The spelling must be exact: `'america/guatemala'` is refused, because the stored name
 * ends up in calendar files and feeds.
 *
 * @example
 * isValidTimeZone('America/Guatemala'); // true
 * isValidTimeZone('Etc/GMT+6'); // true
 * isValidTimeZone('-06:00'); // false
 * isValidTimeZone('UTC-6'); // false
 * isValidTimeZone('Mars/Olympus'); // false
 */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string') return false;
  const known = validZones.get(zone);
  if (known !== undefined) return known;
  const valid = checkTimeZone(zone);
  validZones.set(zone, valid);
  return valid;
}

const validZones = new Map<string, boolean>();

function checkTimeZone(zone: string): boolean {
  // Every IANA name, and every part of one, starts with a capital letter; offsets start with a sign or digit.
  if (!/^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)*$/.test(zone)) return false;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  // Intl matches names case-insensitively; a name it only re-cased (America/guatemala) is misspelt.
  return resolved === zone || resolved.toLowerCase() !== zone.toLowerCase();
}

/**
 * Parses a 24-hour time of day written `H:mm` or `HH:mm`, from `0:00` to `23:59`. Strict on purpose:
 * `'9.00'`, `'9'`, `'24:00'` or `'9:60'` are refused rather than guessed, since a guess here would be
 * published as the time of a session.
 *
 * @example
 * parseTimeOfDay('9:00'); // { hours: 9, minutes: 0 }
 * parseTimeOfDay('09:20'); // { hours: 9, minutes: 20 }
 * parseTimeOfDay('24:00'); // null
 * parseTimeOfDay('9.00'); // null
 */
export function parseTimeOfDay(value: string): { hours: number; minutes: number } | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return { hours, minutes };
}

/**
 * Whether `value` is a calendar date written `YYYY-MM-DD` (years 0001–9999) that exists in the
 * (proleptic Gregorian) calendar: `'2020-02-29'` is valid, `'2020-02-30'` and `'2021-02-29'` are not.
 *
 * @example
 * isValidDate('2020-10-26'); // true
 * isValidDate('2020-02-30'); // false
 * isValidDate('26/10/2020'); // false
 */
export function isValidDate(value: string): boolean {
  return parseDate(value) !== null;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function parseDate(value: string): DateParts | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(utcMs(year, month + 1, 0, 0, 0, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : null;
}

/**
 * Resolves a wall-clock time (a date and a time of day, read in an IANA zone) to the instant it
 * names, following the module's rule: a time in a daylight-saving gap is a `'nonexistent-time'`
 * problem; a time that happens twice resolves to the earlier occurrence with `ambiguous: true`.
 * Problems come back as values, with a Spanish message for the editor, because the Studio shows them.
 *
 * @example
 * resolveWallClock('2020-10-26', '9:00', 'America/Guatemala');
 * // { ok: true, instant: 2020-10-26T15:00:00Z, ambiguous: false }
 * resolveWallClock('2020-10-25', '2:30', 'Europe/Madrid');
 * // { ok: true, instant: 2020-10-25T00:30:00Z, ambiguous: true }
 * resolveWallClock('2020-03-29', '2:30', 'Europe/Madrid');
 * // { ok: false, problem: 'nonexistent-time', message: 'La hora 02:30 del 2020-03-29 no existe en Europe/Madrid: … a partir de las 03:00.' }
 */
export function resolveWallClock(date: string, time: string, zone: string): ResolvedWallClock {
  const day = parseDate(date);
  if (!day) return failure('invalid-date', invalidDateMessage(date));
  const clock = parseTimeOfDay(time);
  if (!clock) return failure('invalid-time', invalidTimeMessage(time));
  if (!isValidTimeZone(zone)) return failure('invalid-zone', invalidZoneMessage(zone));

  // The wall-clock time written as if it were UTC: the instant is this minus the zone's offset.
  const local = utcMs(day.year, day.month, day.day, clock.hours, clock.minutes, 0);
  const offsetBefore = offsetMsAt(local - DAY_MS, zone);
  const offsetAfter = offsetMsAt(local + DAY_MS, zone);
  const suggested = fromZonedTime(`${date}T${pad2(clock.hours)}:${pad2(clock.minutes)}:00`, zone).getTime();

  const occurrences = [...new Set([local - offsetBefore, local - offsetAfter, suggested])]
    .filter((candidate) => Number.isFinite(candidate) && localMsAt(candidate, zone) === local)
    .sort((a, b) => a - b);

  const earliest = occurrences[0];
  if (earliest === undefined) {
    return failure('nonexistent-time', nonexistentTimeMessage(date, clock, zone, local, offsetBefore, offsetAfter));
  }
  return { ok: true, instant: new Date(earliest), ambiguous: occurrences.length > 1 };
}

/**
 * Like `resolveWallClock`, for code that has already validated its input (the build, after the
 * content passed validation): returns the instant, and throws a `TimeError` instead of returning a
 * problem. A repeated time gives the earlier occurrence, silently.
 *
 * @example
 * wallClockToInstant('2020-10-26', '9:00', 'America/Guatemala').toISOString(); // '2020-10-26T15:00:00.000Z'
 * wallClockToInstant('2020-10-26', '9:00', 'America/Lima').toISOString(); // '2020-10-26T14:00:00.000Z'
 * wallClockToInstant('2020-02-30', '9:00', 'America/Guatemala'); // throws TimeError, problem 'invalid-date'
 */
export function wallClockToInstant(date: string, time: string, zone: string): Date {
  const resolved = resolveWallClock(date, time, zone);
  if (!resolved.ok) throw new TimeError(resolved.problem, resolved.message);
  return resolved.instant;
}

/**
 * The wall-clock date (`YYYY-MM-DD`) and time (`HH:mm`, seconds dropped) of an instant in a zone.
 * Feeding the result back to `resolveWallClock` gives the same instant, except for the second
 * occurrence of a repeated time, which gives the first.
 *
 * @example
 * instantToWallClock(new Date('2020-10-26T15:00:00Z'), 'America/Guatemala'); // { date: '2020-10-26', time: '09:00' }
 * instantToWallClock(new Date('2020-10-27T00:00:00Z'), 'Europe/Madrid'); // { date: '2020-10-27', time: '01:00' }
 */
export function instantToWallClock(instant: Date, zone: string): { date: string; time: string } {
  const local = new Date(localMsAt(checkedInstant(instant), checkedZone(zone)));
  return {
    date: formatDateParts(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()),
    time: `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`,
  };
}

/**
 * The zone's offset from UTC at that instant, in minutes east of UTC (negative in the Americas).
 * Offsets in use since 1900 are whole minutes; older local mean times with seconds are rounded.
 *
 * @example
 * utcOffsetMinutes(new Date('2020-10-26T15:00:00Z'), 'America/Guatemala'); // -360
 * utcOffsetMinutes(new Date('2020-10-26T15:00:00Z'), 'America/Santiago'); // -180 (summer time)
 * utcOffsetMinutes(new Date('2020-10-26T15:00:00Z'), 'Europe/Madrid'); // 60
 */
export function utcOffsetMinutes(instant: Date, zone: string): number {
  // `+ 0` turns the -0 of a zero offset into 0.
  return Math.round(offsetMsAt(checkedInstant(instant), checkedZone(zone)) / MINUTE_MS) + 0;
}

/**
 * The zone's offset at that instant written for readers: `UTC`, a sign, hours without a leading zero,
 * and minutes only when there are some. The minus sign is U+2212 (−), the typographic one, not a
 * hyphen; zero is written `UTC+0`.
 *
 * @example
 * formatUtcOffset(new Date('2020-10-26T15:00:00Z'), 'America/Guatemala'); // 'UTC−6'
 * formatUtcOffset(new Date('2020-10-26T15:00:00Z'), 'Asia/Kolkata'); // 'UTC+5:30'
 * formatUtcOffset(new Date('2020-10-26T15:00:00Z'), 'Europe/Lisbon'); // 'UTC+0'
 */
export function formatUtcOffset(instant: Date, zone: string): string {
  return offsetLabel(utcOffsetMinutes(instant, zone));
}

/**
 * The time of day of an instant in a zone, on the 24-hour clock (hour cycle h23: 0:00–23:59, never
 * 24:00 or a.m./p.m.), in the locale's own way as `Intl` (CLDR) writes it. That means, for the site's
 * languages: `es` and `pt` write `H:mm` (`'9:00'`, as the organisers do), `en` writes `HH:mm`
 * (`'09:00'`). We follow the locale rather than force one pattern so that the time reads naturally
 * next to the dates `formatDate` writes.
 *
 * @example
 * formatTime(new Date('2020-10-26T15:00:00Z'), 'America/Guatemala', 'es'); // '9:00'
 * formatTime(new Date('2020-10-26T15:00:00Z'), 'America/Lima', 'pt'); // '10:00'
 * formatTime(new Date('2020-10-26T15:00:00Z'), 'America/Guatemala', 'en'); // '09:00'
 */
export function formatTime(instant: Date, zone: string, locale: string): string {
  const ms = checkedInstant(instant);
  checkedZone(zone);
  return cachedFormat(
    `time|${locale}|${zone}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: zone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }),
  ).format(ms);
}

/**
 * The calendar date of an instant in a zone, in the locale's words as `Intl` (CLDR) writes them:
 * `'long'` is weekday, day, month and year in full (for headings); `'short'` is abbreviated weekday,
 * day and month (for compact lists and the reader's other-zone line).
 *
 * @example
 * const opening = new Date('2020-10-26T15:00:00Z');
 * formatDate(opening, 'America/Guatemala', 'es', 'long'); // 'lunes, 26 de octubre de 2020'
 * formatDate(opening, 'America/Guatemala', 'es', 'short'); // 'lun, 26 oct'
 * formatDate(opening, 'America/Guatemala', 'en', 'long'); // 'Monday, October 26, 2020'
 * formatDate(opening, 'America/Guatemala', 'pt', 'short'); // 'seg., 26 de out.'
 */
export function formatDate(instant: Date, zone: string, locale: string, style: 'long' | 'short'): string {
  const ms = checkedInstant(instant);
  checkedZone(zone);
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
      : { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' };
  return cachedFormat(`date-${style}|${locale}|${zone}`, () => new Intl.DateTimeFormat(locale, options)).format(ms);
}

/**
 * Calendar days from `referenceDate` (`YYYY-MM-DD`) to the instant's wall-clock date in `zone`:
 * `+1` when the instant is already the next day there, `-1` when it is still the day before, `0` on
 * the same day. The programme uses it to say "(+1 day)" next to a time seen from another zone.
 *
 * @example
 * // 2020-10-26 18:00 in Guatemala is 2020-10-27 01:00 in Madrid.
 * dayDifference(new Date('2020-10-27T00:00:00Z'), 'Europe/Madrid', '2020-10-26'); // 1
 * dayDifference(new Date('2020-10-27T00:00:00Z'), 'America/Lima', '2020-10-26'); // 0
 */
export function dayDifference(instant: Date, zone: string, referenceDate: string): number {
  const reference = parseDate(referenceDate);
  if (!reference) throw new TimeError('invalid-date', invalidDateMessage(referenceDate));
  const local = localMsAt(checkedInstant(instant), checkedZone(zone));
  const localMidnight = local - mod(local, DAY_MS);
  const referenceMidnight = utcMs(reference.year, reference.month, reference.day, 0, 0, 0);
  return Math.round((localMidnight - referenceMidnight) / DAY_MS);
}

/**
 * The instant in UTC as ISO 8601 to the second, for `<time datetime>` and feeds. Milliseconds are
 * dropped (truncated), since no time on the site is finer than a minute and the shorter form is what
 * calendar tools and validators expect.
 *
 * @example
 * toIsoUtc(new Date('2020-10-26T15:00:00.000Z')); // '2020-10-26T15:00:00Z'
 */
export function toIsoUtc(instant: Date): string {
  return new Date(checkedInstant(instant)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function failure(problem: TimeProblem, message: string): ResolvedWallClock {
  return { ok: false, problem, message };
}

function checkedInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new TimeError('invalid-date', 'El instante no es una fecha válida; revisa la fecha y la hora de origen.');
  }
  return ms;
}

function checkedZone(zone: string): string {
  if (!isValidTimeZone(zone)) throw new TimeError('invalid-zone', invalidZoneMessage(zone));
  return zone;
}

function invalidDateMessage(value: string): string {
  return `La fecha «${String(value)}» no es válida. Escríbela como AAAA-MM-DD (año-mes-día) con un día que exista en el calendario, por ejemplo 2020-10-26.`;
}

function invalidTimeMessage(value: string): string {
  return `La hora «${String(value)}» no es válida. Escríbela en formato de 24 horas, H:mm o HH:mm, entre 0:00 y 23:59; por ejemplo 9:00 o 14:30.`;
}

function invalidZoneMessage(value: string): string {
  return `La zona horaria «${String(value)}» no existe. Usa un nombre de zona IANA escrito exactamente, como America/Guatemala o America/Lima, y no un desfase como -06:00: el desfase cambia con el horario de verano y la zona lo sabe.`;
}

function nonexistentTimeMessage(
  date: string,
  clock: { hours: number; minutes: number },
  zone: string,
  local: number,
  offsetBefore: number,
  offsetAfter: number,
): string {
  const written = `La hora ${pad2(clock.hours)}:${pad2(clock.minutes)} del ${date} no existe en ${zone}`;
  // A gap means the clocks jumped forward; the offsets a day either side tell by how much. Anything
  // else would be a zone with several changes in two days, where we can only say the time is missing.
  if (offsetAfter <= offsetBefore) return `${written}. Elige otra hora.`;
  const change = transitionInstant(local - DAY_MS, local + DAY_MS, zone, offsetAfter);
  const from = wallClockOfLocalMs(change + offsetBefore);
  const to = wallClockOfLocalMs(change + offsetAfter);
  const fromDate = from.date === date ? '' : ` del ${from.date}`;
  const toDate = to.date === date ? '' : ` del ${to.date}`;
  return `${written}: ese día, por el cambio de horario, los relojes pasaron directamente de las ${from.time}${fromDate} a las ${to.time}${toDate}. Usa una hora a partir de las ${to.time}${toDate}.`;
}

/**
 * The first instant in (start, end] at which the zone's offset is `offsetAfter`, by bisection; the
 * offset at `start` is assumed different and the one at `end` equal, which is how the caller chose them.
 */
function transitionInstant(start: number, end: number, zone: string, offsetAfter: number): number {
  let before = start;
  let after = end;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (offsetMsAt(middle, zone) === offsetAfter) after = middle;
    else before = middle;
  }
  return after;
}

function wallClockOfLocalMs(local: number): { date: string; time: string } {
  const date = new Date(local);
  return {
    date: formatDateParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()),
    time: `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}`,
  };
}

/**
 * The wall-clock time of an instant in a zone, written as if it were a UTC timestamp (so that
 * `getUTCHours()` of it is the local hour). Whole seconds: `Intl` gives no milliseconds.
 * The zone must already be valid.
 */
function localMsAt(instantMs: number, zone: string): number {
  return wallClocks(`${zone} ${instantMs}`, () => {
    const parts = wallClockReader(zone).formatToParts(new Date(instantMs));
    const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? Number.NaN);
    // Some engines wrote midnight as hour 24 even with h23; the modulo keeps them honest.
    return utcMs(field('year'), field('month'), field('day'), field('hour') % 24, field('minute'), field('second'));
  });
}

/**
 * Wall-clock readings already made, by zone and instant: a build reads the same few instants (each
 * session's start and end) in the same zones for every page, card, calendar and language, and
 * `formatToParts` was its costliest call at 10× content. Bounded, so a long-lived process (the dev
 * server) never grows it without end.
 */
const wallClocks = boundedCache<number>(50_000);

/** The zone's offset at an instant, in milliseconds east of UTC. */
function offsetMsAt(instantMs: number, zone: string): number {
  return localMsAt(instantMs, zone) - (instantMs - mod(instantMs, 1000));
}

// Building an Intl.DateTimeFormat costs far more than using one, and the build formats thousands of times.
const formats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(key: string, create: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = create();
    formats.set(key, format);
  }
  return format;
}

function wallClockReader(zone: string): Intl.DateTimeFormat {
  // en-US with Latin digits and h23 gives plain numbers for every field, whatever the machine's locale.
  return cachedFormat(
    `read|${zone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        numberingSystem: 'latn',
        calendar: 'gregory',
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  );
}

/** Milliseconds since the epoch of a UTC date-time; unlike `Date.UTC`, years 0–99 are not moved to 1900–1999. */
function utcMs(year: number, month: number, day: number, hours: number, minutes: number, seconds: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hours, minutes, seconds, 0);
  return date.getTime();
}

function formatDateParts(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** Remainder with the sign of the divisor, so that instants before 1970 round down too. */
function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
