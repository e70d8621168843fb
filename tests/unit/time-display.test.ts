import { describe, expect, it } from 'vitest';
import { eventZones } from '../../site/lib/content/derive';
import { dayLabel, dayTabParts, rangeIn, zoneLabel, zoneList } from '../../site/lib/time-display';

describe('zoneLabel', () => {
  it('names a member capital zone by its country, in the page language', () => {
    expect(zoneLabel('America/Lima', 'es')).toBe('Perú');
    expect(zoneLabel('Europe/Madrid', 'en')).toBe('Spain');
    expect(zoneLabel('America/Sao_Paulo', 'pt')).toBe('Brasil');
  });

  it('falls back to the IANA city for other zones', () => {
    expect(zoneLabel('America/New_York', 'en')).toBe('New York');
  });
});

describe('rangeIn', () => {
  const start = new Date('2020-10-26T15:00:00Z');
  const end = new Date('2020-10-26T15:20:00Z');

  it('gives the same session in Guatemala and Peru with their offsets', () => {
    expect(rangeIn(start, end, '2020-10-26', 'America/Guatemala', 'es')).toMatchObject({
      start: '9:00',
      end: '9:20',
      offset: 'UTC−6',
      startDate: null,
      endDate: null,
    });
    expect(rangeIn(start, end, '2020-10-26', 'America/Lima', 'es')).toMatchObject({ start: '10:00', end: '10:20', offset: 'UTC−5', label: 'Perú' });
  });

  it('spells out the date when the time falls on another calendar day in that zone', () => {
    // 18:00 in Guatemala on 26 Oct 2020 is 01:00 on 27 Oct in Madrid (UTC+1 since 25 Oct).
    const evening = new Date('2020-10-27T00:00:00Z');
    const r = rangeIn(evening, new Date('2020-10-27T01:00:00Z'), '2020-10-26', 'Europe/Madrid', 'es');
    expect(r.start).toBe('1:00');
    expect(r.startDate).toMatch(/27/);
    // A range that crosses midnight in the reader's zone shows the end date too.
    const late = rangeIn(new Date('2020-10-26T22:30:00Z'), new Date('2020-10-26T23:30:00Z'), '2020-10-26', 'Europe/Madrid', 'en');
    expect(late.start).toBe('23:30');
    expect(late.endDate).toMatch(/27/);
  });
});

describe('dayLabel, eventZones and zoneList', () => {
  it('writes a date in words in each language', () => {
    expect(dayLabel('2020-10-26', 'es')).toBe('lunes, 26 de octubre de 2020');
    expect(dayLabel('2020-10-26', 'en')).toMatch(/^Monday,? 26 October 2020$/);
    expect(dayLabel('2020-10-30', 'pt')).toBe('sexta-feira, 30 de outubro de 2020');
  });

  it('puts the reference zone first and drops duplicates', () => {
    expect(eventZones({ timeZone: 'America/Guatemala', secondaryTimeZones: ['America/Lima', 'America/Guatemala'] })).toEqual([
      'America/Guatemala',
      'America/Lima',
    ]);
  });

  it('names the zones as a list in the page language', () => {
    expect(zoneList(['America/Guatemala', 'America/Lima'], 'es')).toBe('Guatemala y Perú');
    expect(zoneList(['America/Guatemala', 'America/Lima'], 'pt')).toBe('Guatemala e Peru');
  });
});

describe('dayTabParts', () => {
  it.each([
    ['es', 'lun'],
    ['en', 'Mon'],
    ['pt', 'seg.'],
  ] as const)('in %s splits the short day label into its weekday and the rest', (lang, weekday) => {
    const parts = dayTabParts('2020-10-26', lang);
    expect(parts.weekday).toBe(weekday);
    expect(parts.date).toMatch(/^26\b/);
    expect(parts.date).not.toContain(weekday);
    expect(`${parts.weekday} ${parts.date}`.replace(/[,\s]+/g, ' ')).toBe(dayLabel('2020-10-26', lang, 'short').replace(/[,\s]+/g, ' '));
  });
});
