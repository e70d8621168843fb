import { memberCountries } from '../../content-models/countries';
import { type Lang, locale, mapLangs } from '../../content-models/locales';
import { dayDifference, formatDate, formatTime, formatUtcOffset, instantToWallClock } from '../../content-models/time';

/** The `Intl` locale of each site language (content-models/locales.ts). */
export const intlLocale: Record<Lang, string> = mapLangs((lang) => locale(lang).intl);

/**
 * What the pages show of a time range in one zone. Built on content-models/time.ts, the one
 * module that does time-zone math; this file only chooses labels and what to spell out.
 */
export interface ZonedRange {
  zone: string;
  label: string;
  offset: string;
  start: string;
  end: string;
  /** Set when the start falls on another calendar day than the session's own date. */
  startDate: string | null;
  /** Set when the end falls on another calendar day than the start in this zone. */
  endDate: string | null;
}

const zoneToCountry = new Map(memberCountries.map((c) => [c.timeZone as string, c]));

/**
 * The reader-facing name of a zone: the member country whose capital uses it, else the IANA city.
 * @example zoneLabel('America/Lima', 'en') // 'Peru'
 */
export function zoneLabel(zone: string, lang: Lang): string {
  const country = zoneToCountry.get(zone);
  if (country) return country.name[lang];
  const city = zone.split('/').pop() ?? zone;
  return city.replaceAll('_', ' ');
}

/**
 * A session's start and end as read in `zone`, with the date spelled out when it is not the
 * session's own date (e.g. an evening session in Guatemala is the next morning in Madrid).
 */
export function rangeIn(startsAt: Date, endsAt: Date, referenceDate: string, zone: string, lang: Lang): ZonedRange {
  const startShift = dayDifference(startsAt, zone, referenceDate);
  const startDay = instantToWallClock(startsAt, zone).date;
  const endDay = instantToWallClock(endsAt, zone).date;
  return {
    zone,
    label: zoneLabel(zone, lang),
    offset: formatUtcOffset(startsAt, zone),
    start: formatTime(startsAt, zone, intlLocale[lang]),
    end: formatTime(endsAt, zone, intlLocale[lang]),
    startDate: startShift !== 0 ? formatDate(startsAt, zone, intlLocale[lang], 'short') : null,
    endDate: endDay !== startDay ? formatDate(endsAt, zone, intlLocale[lang], 'short') : null,
  };
}

/**
 * A calendar day of the event in words, independent of any zone (a date is a date).
 * @example dayLabel('2020-10-26', 'en') // 'Monday 26 October 2020'
 */
export function dayLabel(date: string, lang: Lang, style: 'long' | 'short' = 'long'): string {
  return formatDate(new Date(`${date}T12:00:00Z`), 'UTC', intlLocale[lang], style);
}

/**
 * Zones by name, as a list in the page's language.
 * @example zoneList(['America/Guatemala', 'America/Lima'], 'es') // 'Guatemala y Perú'
 */
export function zoneList(zones: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(intlLocale[lang], { type: 'conjunction' }).format(zones.map((z) => zoneLabel(z, lang)));
}
