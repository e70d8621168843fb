import { boundedCache } from '../../content-models/bounded-cache';
import { memberCountries } from '../../content-models/countries';
import { type Lang, locale, mapLangs } from '../../content-models/locales';
import { dayDifference, formatDate, formatTime, formatUtcOffset, instantToWallClock } from '../../content-models/time';
import type { ZonedRange } from '../../content-models/time-text';
import { type ZoneNamer, zoneNamer } from '../../content-models/zone-names';
import { conjunctionList } from './intl-memo';

/** The `Intl` locale of each site language (content-models/locales.ts). */
export const intlLocale: Record<Lang, string> = mapLangs((lang) => locale(lang).intl);

export type { ZonedRange } from '../../content-models/time-text';
export { rangePieces, rangeText } from '../../content-models/time-text';

/** Zone naming per site language, over countries.ts (content-models/zone-names.ts has the rules). */
export const zoneNamers: Record<Lang, ZoneNamer> = mapLangs(namerFor);

function namerFor(lang: Lang): ZoneNamer {
  return zoneNamer(
    memberCountries.map((c) => ({ code: c.code, timeZone: c.timeZone, name: c.name[lang] })),
    lang,
  );
}

/**
 * The reader-facing name of a zone: a member country, "country (city)" for its other zones, else
 * the city; aliases such as America/Buenos_Aires included. Never an IANA id.
 * @example zoneLabel('America/Lima', 'en') // 'Peru'
 * @example zoneLabel('America/Buenos_Aires', 'es') // 'Argentina'
 */
export function zoneLabel(zone: string, lang: Lang): string {
  return zoneNamers[lang].name(zone);
}

/**
 * What the pages show of a time range in one zone (see content-models/time-text.ts for the rules
 * of how it is written). Built on content-models/time.ts, the one module that does time-zone math;
 * this file only chooses labels and what to spell out.
 *
 * A session's start and end as read in `zone`, with each end's offset and the date spelled out
 * when it is not the session's own date (e.g. an evening session in Guatemala is the next morning
 * in Madrid).
 * @example rangeIn(new Date('2020-11-01T04:30:00Z'), new Date('2020-11-01T05:15:00Z'), '2020-11-01', 'America/Havana', 'es')
 * // { start: '0:30', end: '0:15', startOffset: 'UTC−4', endOffset: 'UTC−5', offset: null, startDate: null, endDate: null, … }
 */
export function rangeIn(startsAt: Date, endsAt: Date, referenceDate: string, zone: string, lang: Lang): ZonedRange {
  // A session's range in a zone is shown on its page, the programme, speakers' pages, its card and
  // its calendars: worked out once (frozen, as every caller shares it).
  const key = `${startsAt.getTime()}|${endsAt.getTime()}|${referenceDate}|${zone}|${lang}`;
  return ranges(key, () => Object.freeze(computeRange(startsAt, endsAt, referenceDate, zone, lang)));
}
const ranges = boundedCache<ZonedRange>(50_000);

function computeRange(startsAt: Date, endsAt: Date, referenceDate: string, zone: string, lang: Lang): ZonedRange {
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
  return conjunctionList(lang).format(zones.map((z) => zoneLabel(z, lang)));
}

/**
 * A day's short label split into its weekday and its date, so a narrow day tab can put them on two
 * lines of its own in every language instead of wrapping wherever the words happen to fall.
 * @example dayTabParts('2020-10-26', 'pt') // { weekday: 'seg.', date: '26 de out.' }
 */
export function dayTabParts(date: string, lang: Lang): { weekday: string; date: string } {
  const parts = new Intl.DateTimeFormat(intlLocale[lang], { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).formatToParts(
    new Date(`${date}T12:00:00Z`),
  );
  const at = parts.findIndex((p) => p.type === 'weekday');
  const rest = parts.filter((_, i) => i !== at && !(i === at + 1 && parts[i]?.type === 'literal'));
  return {
    weekday: parts[at]?.value ?? '',
    date: rest
      .map((p) => p.value)
      .join('')
      .trim(),
  };
}
