import { describe, expect, it } from 'vitest';
import { dateList } from '../../site/lib/date-list';

// The home page's "Dates" line: the event's days said once, as an editor would write them.
describe('dateList', () => {
  it.each([
    ['es', '26, 28 y 30 de octubre de 2020'],
    ['en', '26, 28 and 30 October 2020'],
    ['pt', '26, 28 e 30 de outubro de 2020'],
  ] as const)('in %s lists the days of one month with the month and year once', (lang, expected) => {
    expect(dateList(['2020-10-26', '2020-10-28', '2020-10-30'], lang)).toBe(expected);
  });

  it.each([
    ['es', '26–28 y 30 de octubre de 2020'],
    ['en', '26–28 and 30 October 2020'],
    ['pt', '26–28 e 30 de outubro de 2020'],
  ] as const)('in %s writes three or more consecutive days as a range', (lang, expected) => {
    expect(dateList(['2020-10-26', '2020-10-27', '2020-10-28', '2020-10-30'], lang)).toBe(expected);
  });

  it('keeps two consecutive days as a list, not a range', () => {
    expect(dateList(['2020-10-26', '2020-10-27'], 'es')).toBe('26 y 27 de octubre de 2020');
  });

  it.each([
    ['es', '30 de octubre y 2 de noviembre de 2020'],
    ['en', '30 October and 2 November 2020'],
    ['pt', '30 de outubro e 2 de novembro de 2020'],
  ] as const)('in %s names each month across a month end, the year once', (lang, expected) => {
    expect(dateList(['2020-10-30', '2020-11-02'], lang)).toBe(expected);
  });

  it('names each year across a year end, and a range crossing the month end stays two months', () => {
    expect(dateList(['2020-12-30', '2021-01-04', '2021-01-05'], 'es')).toBe('30 de diciembre de 2020 y 4 y 5 de enero de 2021');
    expect(dateList(['2020-10-30', '2020-10-31', '2020-11-01'], 'en')).toBe('30 and 31 October and 1 November 2020');
  });

  it('takes the days in any order and once each; a single day is a plain date', () => {
    expect(dateList(['2020-10-30', '2020-10-26', '2020-10-30'], 'pt')).toBe('26 e 30 de outubro de 2020');
    expect(dateList(['2020-10-26'], 'en')).toBe('26 October 2020');
  });
});
