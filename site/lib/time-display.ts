import { dayDifference, formatDate, formatTime, formatUtcOffset, instantToWallClock } from '../../content-models/time';
import { zoneName } from '../../content-models/zone-names';
import type { Lang } from './routes';

/** The `Intl` locale of each site language: British English and Brazilian Portuguese, as the translations are written. */
export const intlLocale: Record<Lang, string> = { es: 'es', en: 'en-GB', pt: 'pt-BR' };

/**
 * What the pages show of a time range in one zone. Built on content-models/time.ts, the one
 * module that does time-zone math; this file only chooses labels and what to spell out. The
 * browser's zone picker builds the reader's line with the same functions, so both agree.
 *
 * Two rules hold wherever a range is written:
 * - Each end carries the UTC offset in force at its own instant. Across a daylight-saving change
 *   (Havana, 1 Nov 2020: 0:30 is UTC−4, 0:15 after the clocks went back is UTC−5) the ends differ,
 *   and `offset` is null; one shared label only when both instants share it.
 * - Another calendar day is always said: the start's date when it is not the session's own date,
 *   the end's date when it is not the start's (a session past midnight, or a zone where it is).
 *   Read back, the start is on `startDate ?? sessionDate` and the end on `endDate ?? that day`.
 */
export interface ZonedRange {
  zone: string;
  label: string;
  start: string;
  end: string;
  startOffset: string;
  endOffset: string;
  /** The offset both ends share, or null when they differ (then each end shows its own). */
  offset: string | null;
  /** Set when the start falls on another calendar day than the session's own date. */
  startDate: string | null;
  /** Set when the end falls on another calendar day than the start in this zone. */
  endDate: string | null;
}

/**
 * The reader-facing name of a zone (see content-models/zone-names.ts): a member country, "country
 * (city)" for its other zones, else the city; aliases such as America/Buenos_Aires included.
 * @example zoneLabel('America/Lima', 'en') // 'Peru'
 * @example zoneLabel('America/Buenos_Aires', 'es') // 'Argentina'
 */
export function zoneLabel(zone: string, lang: Lang): string {
  return zoneName(zone, lang);
}

/**
 * A session's start and end as read in `zone`, with each end's offset and the date spelled out
 * when it is not the session's own date (e.g. an evening session in Guatemala is the next morning
 * in Madrid).
 * @example rangeIn(new Date('2020-11-01T04:30:00Z'), new Date('2020-11-01T05:15:00Z'), '2020-11-01', 'America/Havana', 'es')
 * // { start: '0:30', end: '0:15', startOffset: 'UTC−4', endOffset: 'UTC−5', offset: null, startDate: null, endDate: null, … }
 */
export function rangeIn(startsAt: Date, endsAt: Date, referenceDate: string, zone: string, lang: Lang): ZonedRange {
  const locale = intlLocale[lang];
  const startShift = dayDifference(startsAt, zone, referenceDate);
  const startDay = instantToWallClock(startsAt, zone).date;
  const endDay = instantToWallClock(endsAt, zone).date;
  const startOffset = formatUtcOffset(startsAt, zone);
  const endOffset = formatUtcOffset(endsAt, zone);
  return {
    zone,
    label: zoneLabel(zone, lang),
    start: formatTime(startsAt, zone, locale),
    end: formatTime(endsAt, zone, locale),
    startOffset,
    endOffset,
    offset: startOffset === endOffset ? startOffset : null,
    startDate: startShift !== 0 ? formatDate(startsAt, zone, locale, 'short') : null,
    endDate: endDay !== startDay ? formatDate(endsAt, zone, locale, 'short') : null,
  };
}

/**
 * The pieces of a range line around its two times, so that pages (with `<time>` elements), the
 * browser's reader line and plain-text places all write the same thing:
 * `{start}{afterStart}{separator}{end}{afterEnd} {zone label}{afterLabel}`.
 * @example rangeText(rangeIn(…Havana across the change…), 'Hora de Cuba') // '0:30 (UTC−4) – 0:15 (UTC−5) Hora de Cuba'
 */
export function rangePieces(r: ZonedRange): { afterStart: string; separator: string; afterEnd: string; afterLabel: string } {
  const endNotes = [r.endDate, r.offset ? null : r.endOffset].filter(Boolean);
  return {
    afterStart: r.offset ? '' : ` (${r.startOffset})`,
    // Spaced when an end carries a note, so the dash reads between two whole times.
    separator: r.offset && !r.endDate ? '–' : ' – ',
    afterEnd: endNotes.length ? ` (${endNotes.join(', ')})` : '',
    afterLabel: `${r.offset ? ` (${r.offset})` : ''}${r.startDate ? ` · ${r.startDate}` : ''}`,
  };
}

/**
 * A range as one line of text, e.g. for calendars and share cards.
 * @example rangeText(rangeIn(start, end, '2020-10-26', 'America/Guatemala', 'es'), 'Hora de Guatemala') // '9:00–9:20 Hora de Guatemala (UTC−6)'
 */
export function rangeText(r: ZonedRange, label: string): string {
  const p = rangePieces(r);
  return `${r.start}${p.afterStart}${p.separator}${r.end}${p.afterEnd} ${label}${p.afterLabel}`;
}

/**
 * A calendar day of the event in words, independent of any zone (a date is a date).
 * @example dayLabel('2020-10-26', 'en') // 'Monday 26 October 2020'
 */
export function dayLabel(date: string, lang: Lang, style: 'long' | 'short' = 'long'): string {
  return formatDate(new Date(`${date}T12:00:00Z`), 'UTC', intlLocale[lang], style);
}

/** The zones shown beside every time: the event's reference zone first, then its secondary zones. */
export function displayZones(event: { timeZone: string; secondaryTimeZones: string[] }): string[] {
  return [...new Set([event.timeZone, ...event.secondaryTimeZones])];
}
