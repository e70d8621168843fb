import type { Lang } from '../../content-models/locales';
import { intlLocale } from './time-display';

/** A run of consecutive days this long or longer is written as a range ("26–28"); two stay a list. */
const RANGE_FROM = 3;

const atNoon = (date: string) => new Date(`${date}T12:00:00Z`);
const dayNumber = (date: string) => Number(date.slice(8, 10));

/** Consecutive ISO dates as runs: ['2020-10-26', '2020-10-27', '2020-10-30'] → [[26, 27], [30]]. */
function runs(dates: string[]): string[][] {
  const out: string[][] = [];
  for (const date of dates) {
    const last = out.at(-1);
    const previous = last?.at(-1);
    if (last && previous && atNoon(date).getTime() - atNoon(previous).getTime() === 86_400_000) last.push(date);
    else out.push([date]);
  }
  return out;
}

/** Groups sorted items by a key, keeping their order. */
function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

/**
 * The event's days as one phrase, the way an editor would write them: the days of a month listed
 * (a run of three or more as a range), the month and the year said once, in the language's own
 * order and words (Intl's date parts and list format; nothing is spelled by hand but the dash).
 * @example dateList(['2020-10-26', '2020-10-28', '2020-10-30'], 'es') // '26, 28 y 30 de octubre de 2020'
 * @example dateList(['2020-10-26', '2020-10-28', '2020-10-30'], 'en') // '26, 28 and 30 October 2020'
 * @example dateList(['2020-10-30', '2020-11-02'], 'pt') // '30 de outubro e 2 de novembro de 2020'
 */
export function dateList(dates: readonly string[], lang: Lang): string {
  const locale = intlLocale[lang];
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const full = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const sorted = [...new Set(dates)].sort();
  const years = groupBy(sorted, (d) => d.slice(0, 4)).map((inYear) => {
    const months = groupBy(inYear, (d) => d.slice(0, 7)).map((inMonth) => {
      const days = list.format(
        runs(inMonth).flatMap((run) =>
          run.length >= RANGE_FROM ? [`${dayNumber(run[0] ?? '')}–${dayNumber(run.at(-1) ?? '')}`] : run.map((d) => String(dayNumber(d))),
        ),
      );
      // The month's own words around its day ("26 de octubre", "October 26"), the day replaced by the list.
      return dayMonth
        .formatToParts(atNoon(inMonth[0] ?? ''))
        .map((p) => (p.type === 'day' ? days : p.value))
        .join('');
    });
    // The year where the language puts it, with its own joining words (" de 2020", ", 2020", " 2020").
    const parts = full.formatToParts(atNoon(inYear.at(-1) ?? ''));
    const y = parts.findIndex((p) => p.type === 'year');
    const before = parts[y - 1]?.type === 'literal' ? (parts[y - 1]?.value ?? '') : '';
    const year = parts[y]?.value ?? '';
    return y === 0 ? `${year}${parts[1]?.value ?? ' '}${list.format(months)}` : `${list.format(months)}${before}${year}`;
  });
  return list.format(years);
}
