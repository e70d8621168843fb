/**
 * Short labels for document previews ("Lun 26 · 9:00–9:20 (Guatemala)"). Previews only see the
 * previewed document, so a session without its own zone is labelled with the event's usual zone.
 */
import { timeZoneLabel } from '../../validation/sessionTiming';
import { FALLBACK_EVENT_TIME_ZONE } from './constants';

const dayFormat = new Intl.DateTimeFormat('es', { weekday: 'short', day: 'numeric', timeZone: 'UTC' });

/** Noon UTC of a `YYYY-MM-DD` date (read at noon, it falls on the same calendar day everywhere), or undefined. */
function noonOf(date: string | undefined): Date | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/u.test(date)) return undefined;
  const noon = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(noon.getTime()) ? undefined : noon;
}

/**
 * "Lun 26" for `2020-10-26`: the calendar date as written, with no time zone conversion (a date
 * read at noon UTC falls on the same calendar day).
 */
export function dayLabel(date: string | undefined): string | undefined {
  const noon = noonOf(date);
  if (!noon) return undefined;
  const parts = dayFormat.formatToParts(noon);
  const weekday = parts.find((part) => part.type === 'weekday')?.value.replace('.', '') ?? '';
  const day = parts.find((part) => part.type === 'day')?.value ?? '';
  return `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)} ${day}`.trim();
}

const longDayFormat = new Intl.DateTimeFormat('es', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "28 de octubre" for `2020-10-28` (an activity's dates may fall outside the event's week). */
function longDay(date: string | undefined): string | undefined {
  const noon = noonOf(date);
  return noon && longDayFormat.format(noon);
}

/**
 * When an asynchronous activity runs, as an editor reads it in a list: "2 de noviembre – 6 de
 * noviembre", or "Sin fechas · tras el 28 de octubre" while it has only a place in the programme.
 */
export function activityWhen(activity: { startDate?: string; endDate?: string; afterDay?: string }): string {
  const start = longDay(activity.startDate);
  if (start) {
    const end = longDay(activity.endDate);
    return end && end !== start ? `${start} – ${end}` : start;
  }
  const after = longDay(activity.afterDay);
  return after ? `Sin fechas · tras el ${after}` : 'Sin fechas';
}

/** "9:00" for "09:00", as the organisers write times. */
function shortTime(time: string | undefined): string {
  return time ? time.replace(/^0(\d):/u, '$1:') : '…';
}

/**
 * "Lun 26 · 9:00–9:20 (Guatemala)": the day, the times as entered and the zone they are in; a
 * session that ends the next day says so ("23:15–0:15 del día siguiente").
 */
export function sessionWhen(session: { date?: string; start?: string; end?: string; timeZone?: string; endsNextDay?: boolean }): string {
  const zone = session.timeZone?.trim() || FALLBACK_EVENT_TIME_ZONE;
  const day = dayLabel(session.date) ?? 'Sin fecha';
  if (!session.start && !session.end) return `${day} · sin hora`;
  const nextDay = session.endsNextDay === true ? ' del día siguiente' : '';
  return `${day} · ${shortTime(session.start)}–${shortTime(session.end)}${nextDay} (${timeZoneLabel(zone)})`;
}
