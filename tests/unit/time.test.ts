import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type CountryCode, countryByCode, memberCountries } from '../../content-models/countries';
import {
  dayDifference,
  formatDate,
  formatTime,
  formatUtcOffset,
  instantToWallClock,
  isValidDate,
  isValidTimeZone,
  parseTimeOfDay,
  resolveWallClock,
  TimeError,
  toIsoUtc,
  utcOffsetMinutes,
  wallClockToInstant,
} from '../../content-models/time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MINUS = '\u2212';

const memberZones = [...new Set(memberCountries.map((country) => country.timeZone))];

// ---------------------------------------------------------------------------------------------------
// Oracles, deliberately built another way than the module (other Intl options, no shared code), so the
// properties compare two readings of the time zone database rather than the module with itself.

const oracleFormats = new Map<string, { wallClock: Intl.DateTimeFormat; offset: Intl.DateTimeFormat }>();

function oracleFor(zone: string) {
  let formats = oracleFormats.get(zone);
  if (!formats) {
    formats = {
      // sv-SE writes 'YYYY-MM-DD HH:mm', which is easy to compare.
      wallClock: new Intl.DateTimeFormat('sv-SE', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
      offset: new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }),
    };
    oracleFormats.set(zone, formats);
  }
  return formats;
}

/** 'YYYY-MM-DD HH:mm' of an instant in a zone. */
function wallClockAt(ms: number, zone: string): string {
  return oracleFor(zone).wallClock.format(new Date(ms));
}

/** Offset in minutes east of UTC, read from the 'GMT-06:00' style name. */
function offsetAt(ms: number, zone: string): number {
  const name = oracleFor(zone)
    .offset.formatToParts(new Date(ms))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!match) throw new Error(`Unexpected offset name ${name} for ${zone}`);
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

interface Transition {
  zone: string;
  at: number;
  before: number;
  after: number;
}

/** Every offset change of every member zone from 2020 to 2030, found by a daily scan and bisection. */
function memberTransitions(): Transition[] {
  const transitions: Transition[] = [];
  const start = Date.UTC(2019, 11, 1);
  const end = Date.UTC(2031, 1, 1);
  for (const zone of memberZones) {
    for (let day = start; day < end; day += DAY) {
      const before = offsetAt(day, zone);
      const after = offsetAt(day + DAY, zone);
      if (before === after) continue;
      let low = day;
      let high = day + DAY;
      while (high - low > MINUTE) {
        const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
        if (offsetAt(middle, zone) === after) high = middle;
        else low = middle;
      }
      transitions.push({ zone, at: high, before, after });
    }
  }
  return transitions;
}

const transitions = memberTransitions();

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoTime = (ms: number) => new Date(ms).toISOString().slice(11, 16);

// Instants to the minute from 2020 to 2030: half anywhere, half within three hours of an offset change,
// where the gaps and overlaps are (uniform instants alone would almost never land in one).
const anyInstant = fc.record({
  zone: fc.constantFrom(...memberZones),
  ms: fc.integer({ min: Date.UTC(2020, 0, 1) / MINUTE, max: Date.UTC(2031, 0, 1) / MINUTE - 1 }).map((minutes) => minutes * MINUTE),
});
const instantNearChange = fc
  .record({ change: fc.constantFrom(...transitions), minutes: fc.integer({ min: -180, max: 180 }) })
  .map(({ change, minutes }) => ({ zone: change.zone, ms: change.at + minutes * MINUTE }));
const memberInstant = fc.oneof(anyInstant, instantNearChange);

// ---------------------------------------------------------------------------------------------------

describe('the offset changes the properties rely on', () => {
  test('are found for the member zones that keep daylight saving in 2020–2030', () => {
    const zonesThatChange = new Set(transitions.map((change) => change.zone));
    for (const zone of ['Europe/Madrid', 'Europe/Andorra', 'Europe/Lisbon', 'America/Santiago', 'America/Havana']) {
      expect(zonesThatChange.has(zone), zone).toBe(true);
    }
    // Madrid's spring change of 2020: 02:00 CET (01:00Z) became 03:00 CEST.
    expect(transitions).toContainEqual({ zone: 'Europe/Madrid', at: Date.UTC(2020, 2, 29, 1), before: 60, after: 120 });
  });

  test('are all one hour, which is what lets the oracle look for a second occurrence an hour away', () => {
    for (const change of transitions) expect(Math.abs(change.after - change.before), change.zone).toBe(60);
  });
});

describe('resolveWallClock', () => {
  test('gives back the instant a wall-clock time was read from, or the earlier one when that time happens twice', () => {
    let ambiguousSeen = 0;
    fc.assert(
      fc.property(memberInstant, ({ zone, ms }) => {
        const { date, time } = instantToWallClock(new Date(ms), zone);
        const shown = wallClockAt(ms, zone);
        expect(`${date} ${time}`).toBe(shown);
        // Offset changes in member zones are one hour, so a repeated time's other occurrence is an hour away.
        const isSecondOccurrence = wallClockAt(ms - HOUR, zone) === shown;
        const isFirstOccurrence = wallClockAt(ms + HOUR, zone) === shown;
        if (isFirstOccurrence || isSecondOccurrence) ambiguousSeen += 1;
        expect(resolveWallClock(date, time, zone)).toEqual({
          ok: true,
          instant: new Date(isSecondOccurrence ? ms - HOUR : ms),
          ambiguous: isFirstOccurrence || isSecondOccurrence,
        });
      }),
      { numRuns: 3000 },
    );
    expect(ambiguousSeen).toBeGreaterThan(0);
  });

  test('gives an instant showing exactly the wall-clock time asked for, or says the time is in a gap, and it is', () => {
    // Wall-clock times to the minute from 2020 to 2030, half within three hours of an offset change
    // (measured on the clock in force before it), written H:mm or HH:mm.
    const anyWallClock = fc.record({
      zone: fc.constantFrom(...memberZones),
      local: fc.integer({ min: Date.UTC(2020, 0, 1) / MINUTE, max: Date.UTC(2031, 0, 1) / MINUTE - 1 }).map((minutes) => minutes * MINUTE),
    });
    const wallClockNearChange = fc
      .record({ change: fc.constantFrom(...transitions), minutes: fc.integer({ min: -180, max: 180 }) })
      .map(({ change, minutes }) => ({
        zone: change.zone,
        local: change.at + change.before * MINUTE + minutes * MINUTE,
      }));
    const outcomes = { exact: 0, ambiguous: 0, gap: 0 };

    fc.assert(
      fc.property(fc.oneof(anyWallClock, wallClockNearChange), fc.boolean(), ({ zone, local }, unpadded) => {
        const date = isoDate(local);
        const time = unpadded ? isoTime(local).replace(/^0(\d)/, '$1') : isoTime(local);
        const asked = `${date} ${isoTime(local)}`;
        const result = resolveWallClock(date, time, zone);

        if (result.ok) {
          const ms = result.instant.getTime();
          expect(wallClockAt(ms, zone)).toBe(asked);
          // The earlier occurrence is returned: the only other one can be an hour later, never earlier.
          expect(wallClockAt(ms - HOUR, zone)).not.toBe(asked);
          expect(wallClockAt(ms + HOUR, zone) === asked).toBe(result.ambiguous);
          outcomes[result.ambiguous ? 'ambiguous' : 'exact'] += 1;
          return;
        }

        expect(result.problem).toBe('nonexistent-time');
        // Any instant showing this time would be it minus the offset in force before or after the change;
        // neither shows it, and the clocks went forward (the offset grew), so it really is a gap.
        const offsetBefore = offsetAt(local - DAY, zone);
        const offsetAfter = offsetAt(local + DAY, zone);
        expect(offsetAfter).toBeGreaterThan(offsetBefore);
        expect(wallClockAt(local - offsetBefore * MINUTE, zone)).not.toBe(asked);
        expect(wallClockAt(local - offsetAfter * MINUTE, zone)).not.toBe(asked);
        expect(result.message).toContain(zone);
        expect(result.message).toContain(date);
        outcomes.gap += 1;
      }),
      { numRuns: 3000 },
    );
    expect(outcomes.exact).toBeGreaterThan(0);
    expect(outcomes.ambiguous).toBeGreaterThan(0);
    expect(outcomes.gap).toBeGreaterThan(0);
  });

  // Overlaps: the clocks go back, so a wall-clock time happens twice and the earlier occurrence wins.
  test.each([
    // Madrid, Sunday 25 Oct 2020: at 03:00 CEST (01:00Z) the clocks went back to 02:00 CET, so 02:30 was
    // at 00:30Z (UTC+2) and again at 01:30Z (UTC+1).
    ['Europe/Madrid', '2020-10-25', '2:30', '2020-10-25T00:30:00Z'],
    // Andorra follows the EU rule, like Madrid.
    ['Europe/Andorra', '2020-10-25', '2:30', '2020-10-25T00:30:00Z'],
    // Lisbon, same instant: at 02:00 WEST (01:00Z) back to 01:00 WET, so 01:30 was at 00:30Z and 01:30Z.
    ['Europe/Lisbon', '2020-10-25', '1:30', '2020-10-25T00:30:00Z'],
    // Havana, Sunday 1 Nov 2020: at 01:00 CDT (05:00Z) back to 00:00 CST, so 00:30 was at 04:30Z (UTC−4)
    // and 05:30Z (UTC−5). The event week was still on summer time.
    ['America/Havana', '2020-11-01', '0:30', '2020-11-01T04:30:00Z'],
    // Santiago, Sunday 4 Apr 2021: at 00:00 −03 (03:00Z) back to 23:00 −04 of SATURDAY 3 Apr, so the repeated
    // hour belongs to the previous date: 23:30 on 3 Apr was at 02:30Z and 03:30Z on 4 Apr.
    ['America/Santiago', '2021-04-03', '23:30', '2021-04-04T02:30:00Z'],
    // Asunción, Sunday 22 Mar 2020: at 00:00 −03 (03:00Z) back to 23:00 −04 of Saturday 21 Mar.
    ['America/Asuncion', '2020-03-21', '23:30', '2020-03-22T02:30:00Z'],
    // Mexico City, Sunday 25 Oct 2020 (its last change: Mexico dropped daylight saving in 2022): at 02:00 CDT
    // (07:00Z) back to 01:00 CST, so 01:30 was at 06:30Z (UTC−5) and 07:30Z (UTC−6).
    ['America/Mexico_City', '2020-10-25', '1:30', '2020-10-25T06:30:00Z'],
  ])('resolves %s %s %s, which happened twice, to the first occurrence, %s, and flags it', (zone, date, time, iso) => {
    expect(resolveWallClock(date, time, zone)).toEqual({ ok: true, instant: new Date(iso), ambiguous: true });
  });

  test.each([
    // Just outside the Madrid overlap: 01:59 and 03:00 happened once.
    ['Europe/Madrid', '2020-10-25', '1:59', '2020-10-24T23:59:00Z'],
    ['Europe/Madrid', '2020-10-25', '3:00', '2020-10-25T02:00:00Z'],
    // Right after the repeated hour: Santiago's 00:00 on 4 Apr 2021 (00:00 −03 was never shown, the clocks
    // went back to 23:00 first) and Havana's 01:00 on 1 Nov 2020 (likewise) each happened once.
    ['America/Santiago', '2021-04-04', '0:00', '2021-04-04T04:00:00Z'],
    ['America/Havana', '2020-11-01', '1:00', '2020-11-01T06:00:00Z'],
  ])('resolves %s %s %s, next to an overlap but outside it, to %s without a flag', (zone, date, time, iso) => {
    expect(resolveWallClock(date, time, zone)).toEqual({ ok: true, instant: new Date(iso), ambiguous: false });
  });

  // Gaps: the clocks go forward, so a wall-clock time never happens and is rejected.
  test.each([
    // Madrid, Sunday 29 Mar 2020: at 02:00 CET (01:00Z) the clocks went to 03:00 CEST.
    ['Europe/Madrid', '2020-03-29', '2:30', '02:00', '03:00'],
    // Santiago, Sunday 6 Sep 2020: at 00:00 −04 (04:00Z) the clocks went to 01:00 −03.
    ['America/Santiago', '2020-09-06', '0:30', '00:00', '01:00'],
    // Asunción, Sunday 4 Oct 2020: at 00:00 −04 (04:00Z) the clocks went to 01:00 −03, three weeks before the event.
    ['America/Asuncion', '2020-10-04', '0:30', '00:00', '01:00'],
    // Havana, Sunday 8 Mar 2020: at 00:00 CST (05:00Z) the clocks went to 01:00 CDT.
    ['America/Havana', '2020-03-08', '0:30', '00:00', '01:00'],
    // Lisbon, Sunday 29 Mar 2020: at 01:00 WET (01:00Z) the clocks went to 02:00 WEST.
    ['Europe/Lisbon', '2020-03-29', '1:00', '01:00', '02:00'],
  ])('rejects %s %s %s, which never happened, and suggests the time after the gap', (zone, date, time, from, to) => {
    const result = resolveWallClock(date, time, zone);
    expect(result).toMatchObject({ ok: false, problem: 'nonexistent-time' });
    if (result.ok) return;
    expect(result.message).toContain(zone);
    expect(result.message).toContain(date);
    expect(result.message).toContain(`de las ${from} a las ${to}`);
    expect(result.message).toContain(`Usa una hora a partir de las ${to}.`);
  });

  test('names the next date when a gap swallows the rest of the day', () => {
    // Samoa skipped Friday 30 Dec 2011 entirely, moving across the date line.
    const result = resolveWallClock('2011-12-30', '12:00', 'Pacific/Apia');
    expect(result).toMatchObject({ ok: false, problem: 'nonexistent-time' });
    if (!result.ok) expect(result.message).toContain('a partir de las 00:00 del 2011-12-31');
  });

  test.each([
    ['2020-02-30', '9:00', 'America/Guatemala', 'invalid-date', '2020-02-30'],
    ['26/10/2020', '9:00', 'America/Guatemala', 'invalid-date', '26/10/2020'],
    ['2020-10-26', '9.00', 'America/Guatemala', 'invalid-time', '9.00'],
    ['2020-10-26', '24:00', 'America/Guatemala', 'invalid-time', '24:00'],
    ['2020-10-26', '9:00', 'Mars/Olympus', 'invalid-zone', 'Mars/Olympus'],
    ['2020-10-26', '9:00', '-06:00', 'invalid-zone', '-06:00'],
    ['2020-10-26', '9:00', '', 'invalid-zone', '«»'],
  ])('reports %s %s %s as %s, quoting the value in Spanish', (date, time, zone, problem, quoted) => {
    const result = resolveWallClock(date, time, zone);
    expect(result).toMatchObject({ ok: false, problem });
    if (!result.ok) {
      expect(result.message).toContain(quoted);
      expect(result.message).toMatch(/^La (fecha|hora|zona horaria) /);
    }
  });

  test('checks the date first, then the time, then the zone, so the first thing to fix is named', () => {
    expect(resolveWallClock('2020-02-30', '24:00', 'Mars/Olympus')).toMatchObject({ problem: 'invalid-date' });
    expect(resolveWallClock('2020-10-26', '24:00', 'Mars/Olympus')).toMatchObject({ problem: 'invalid-time' });
  });
});

describe('wallClockToInstant', () => {
  test('gives the instant of a valid wall-clock time', () => {
    expect(wallClockToInstant('2020-10-26', '9:00', 'America/Guatemala')).toEqual(new Date('2020-10-26T15:00:00Z'));
    expect(wallClockToInstant('2020-10-26', '09:00', 'America/Lima')).toEqual(new Date('2020-10-26T14:00:00Z'));
  });

  test('gives the earlier occurrence of a repeated time', () => {
    expect(wallClockToInstant('2020-10-25', '2:30', 'Europe/Madrid')).toEqual(new Date('2020-10-25T00:30:00Z'));
  });

  test.each([
    ['2020-02-30', '9:00', 'America/Guatemala', 'invalid-date'],
    ['2020-10-26', '9:60', 'America/Guatemala', 'invalid-time'],
    ['2020-10-26', '9:00', 'UTC-6', 'invalid-zone'],
    ['2020-03-29', '2:30', 'Europe/Madrid', 'nonexistent-time'],
  ] as const)('throws a TimeError for %s %s %s with the problem %s', (date, time, zone, problem) => {
    expect(() => wallClockToInstant(date, time, zone)).toThrow(TimeError);
    try {
      wallClockToInstant(date, time, zone);
    } catch (error) {
      expect(error).toBeInstanceOf(TimeError);
      expect((error as TimeError).problem).toBe(problem);
      expect((error as TimeError).name).toBe('TimeError');
    }
  });
});

describe('the event week in the 21 member countries', () => {
  // The oracle, written by hand from the IANA facts for 26–30 Oct 2020 (nothing changed between those days):
  // Chile (since 6 Sep) and Paraguay (since 4 Oct) on summer time, UTC−3; Cuba still on summer time, UTC−4,
  // until 1 Nov; Spain and Andorra back to UTC+1, Portugal to UTC+0 and Mexico City to UTC−6 on 25 Oct;
  // Brazil without daylight saving since 2019, UTC−3; Argentina and Uruguay UTC−3 all year.
  // Columns: country, its offset, the local time of 9:00 in Guatemala (15:00Z), of 11:30 (17:30Z, the
  // last session's end) and of 18:00 (00:00Z the next day) with its local date's shift.
  const eventWeek: ReadonlyArray<readonly [CountryCode, number, string, string, string, number]> = [
    ['AD', 60, 'UTC+1', '16:00', '18:30', 1],
    ['AR', -180, `UTC${MINUS}3`, '12:00', '14:30', 0],
    ['BO', -240, `UTC${MINUS}4`, '11:00', '13:30', 0],
    ['BR', -180, `UTC${MINUS}3`, '12:00', '14:30', 0],
    ['CL', -180, `UTC${MINUS}3`, '12:00', '14:30', 0],
    ['CO', -300, `UTC${MINUS}5`, '10:00', '12:30', 0],
    ['CR', -360, `UTC${MINUS}6`, '09:00', '11:30', 0],
    ['CU', -240, `UTC${MINUS}4`, '11:00', '13:30', 0],
    ['EC', -300, `UTC${MINUS}5`, '10:00', '12:30', 0],
    ['SV', -360, `UTC${MINUS}6`, '09:00', '11:30', 0],
    ['ES', 60, 'UTC+1', '16:00', '18:30', 1],
    ['GT', -360, `UTC${MINUS}6`, '09:00', '11:30', 0],
    ['HN', -360, `UTC${MINUS}6`, '09:00', '11:30', 0],
    ['MX', -360, `UTC${MINUS}6`, '09:00', '11:30', 0],
    ['NI', -360, `UTC${MINUS}6`, '09:00', '11:30', 0],
    ['PA', -300, `UTC${MINUS}5`, '10:00', '12:30', 0],
    ['PY', -180, `UTC${MINUS}3`, '12:00', '14:30', 0],
    ['PE', -300, `UTC${MINUS}5`, '10:00', '12:30', 0],
    ['PT', 0, 'UTC+0', '15:00', '17:30', 1],
    ['DO', -240, `UTC${MINUS}4`, '11:00', '13:30', 0],
    ['UY', -180, `UTC${MINUS}3`, '12:00', '14:30', 0],
  ];

  test('covers every member country', () => {
    expect(eventWeek.map(([code]) => code).sort()).toEqual(memberCountries.map((country) => country.code).sort());
  });

  const days = ['2020-10-26', '2020-10-28', '2020-10-30'];
  const cases = days.flatMap((day) => eventWeek.map((row) => [day, ...row] as const));

  test.each(cases)('on %s in %s (offset %i min, %s) shows 9:00 Guatemala time as %s and 11:30 as %s', (day, code, offset, label, at9, at1130, shift) => {
    const { timeZone } = countryByCode(code);
    const opening = wallClockToInstant(day, '9:00', 'America/Guatemala');
    expect(toIsoUtc(opening)).toBe(`${day}T15:00:00Z`);
    expect(instantToWallClock(opening, timeZone)).toEqual({ date: day, time: at9 });
    expect(utcOffsetMinutes(opening, timeZone)).toBe(offset);
    expect(formatUtcOffset(opening, timeZone)).toBe(label);

    const closing = wallClockToInstant(day, '11:30', 'America/Guatemala');
    expect(instantToWallClock(closing, timeZone)).toEqual({ date: day, time: at1130 });

    const evening = wallClockToInstant(day, '18:00', 'America/Guatemala');
    expect(dayDifference(evening, timeZone, day)).toBe(shift);
  });

  // Why a fixed-offset table is wrong: a week earlier the same countries were on other offsets.
  test.each([
    ['ES', 120],
    ['AD', 120],
    ['PT', 60],
    ['MX', -300],
    ['CU', -240],
    ['CL', -180],
    ['GT', -360],
  ] as const)('shows %s on UTC offset %i minutes a week before the event, on 19 Oct 2020', (code, offset) => {
    expect(utcOffsetMinutes(new Date('2020-10-19T15:00:00Z'), countryByCode(code).timeZone)).toBe(offset);
  });

  test('shows Cuba back on UTC−5 the Monday after the event, once its summer time ended on 1 Nov 2020', () => {
    expect(formatUtcOffset(new Date('2020-11-02T15:00:00Z'), 'America/Havana')).toBe(`UTC${MINUS}5`);
  });
});

describe('instantToWallClock', () => {
  test('writes the date as YYYY-MM-DD and the time as HH:mm, dropping seconds', () => {
    expect(instantToWallClock(new Date('2020-10-26T15:05:59.999Z'), 'America/Guatemala')).toEqual({
      date: '2020-10-26',
      time: '09:05',
    });
  });

  test('writes midnight as 00:00, never 24:00', () => {
    expect(instantToWallClock(new Date('2020-10-27T06:00:00Z'), 'America/Guatemala')).toEqual({
      date: '2020-10-27',
      time: '00:00',
    });
  });

  test('tells the two occurrences of a repeated time apart only by instant, not by wall clock', () => {
    const first = instantToWallClock(new Date('2020-10-25T00:30:00Z'), 'Europe/Madrid');
    const second = instantToWallClock(new Date('2020-10-25T01:30:00Z'), 'Europe/Madrid');
    expect(first).toEqual({ date: '2020-10-25', time: '02:30' });
    expect(second).toEqual(first);
  });
});

describe('utcOffsetMinutes', () => {
  test('reads the offset in force at the instant, also in the hour after a change', () => {
    // Madrid's clocks went back at 01:00Z on 25 Oct 2020: UTC+2 up to then, UTC+1 from then.
    expect(utcOffsetMinutes(new Date('2020-10-25T00:59:00Z'), 'Europe/Madrid')).toBe(120);
    expect(utcOffsetMinutes(new Date('2020-10-25T01:00:00Z'), 'Europe/Madrid')).toBe(60);
    expect(utcOffsetMinutes(new Date('2020-10-25T01:30:00Z'), 'Europe/Madrid')).toBe(60);
  });

  test('gives 0, not -0, for UTC', () => {
    expect(Object.is(utcOffsetMinutes(new Date('2020-10-26T15:00:00Z'), 'Europe/Lisbon'), 0)).toBe(true);
  });
});

describe('formatUtcOffset', () => {
  const opening = new Date('2020-10-26T15:00:00Z');

  test.each([
    ['America/Guatemala', `UTC${MINUS}6`],
    ['America/Lima', `UTC${MINUS}5`],
    ['America/Santiago', `UTC${MINUS}3`],
    ['Europe/Madrid', 'UTC+1'],
    ['Europe/Lisbon', 'UTC+0'],
    ['UTC', 'UTC+0'],
    ['Asia/Kolkata', 'UTC+5:30'],
    ['Asia/Kathmandu', 'UTC+5:45'],
    // Newfoundland was on daylight time, −2:30, until 1 Nov 2020.
    ['America/St_Johns', `UTC${MINUS}2:30`],
  ])('writes the offset of %s on the opening day as %s', (zone, expected) => {
    expect(formatUtcOffset(opening, zone)).toBe(expected);
  });

  test('uses the minus sign U+2212, not a hyphen', () => {
    const label = formatUtcOffset(opening, 'America/Guatemala');
    expect(label).not.toContain('-');
    expect(label.codePointAt(3)).toBe(0x2212);
  });
});

describe('formatTime', () => {
  // The seed's opening session: 9:00–9:20 Guatemala time on Monday 26 Oct 2020, i.e. 10:00–10:20 in Lima.
  const start = wallClockToInstant('2020-10-26', '9:00', 'America/Guatemala');
  const end = wallClockToInstant('2020-10-26', '9:20', 'America/Guatemala');

  test.each([
    ['es', 'America/Guatemala', '9:00', '9:20'],
    ['es', 'America/Lima', '10:00', '10:20'],
    ['pt', 'America/Guatemala', '9:00', '9:20'],
    ['pt', 'America/Lima', '10:00', '10:20'],
    ['en', 'America/Guatemala', '09:00', '09:20'],
    ['en', 'America/Lima', '10:00', '10:20'],
  ])('writes the opening session in %s for %s as %s–%s', (locale, zone, from, to) => {
    expect(formatTime(start, zone, locale)).toBe(from);
    expect(formatTime(end, zone, locale)).toBe(to);
  });

  test.each([
    ['es', '0:05'],
    ['pt', '0:05'],
    ['en', '00:05'],
  ])('writes five past midnight in %s as %s, on the 24-hour clock', (locale, expected) => {
    expect(formatTime(new Date('2020-10-27T06:05:00Z'), 'America/Guatemala', locale)).toBe(expected);
  });

  test('writes the afternoon without a.m. or p.m.', () => {
    expect(formatTime(new Date('2020-10-26T21:30:00Z'), 'America/Guatemala', 'en')).toBe('15:30');
  });
});

describe('formatDate', () => {
  const opening = new Date('2020-10-26T15:00:00Z');

  test.each([
    ['es', 'long', 'lunes, 26 de octubre de 2020'],
    ['en', 'long', 'Monday, October 26, 2020'],
    ['pt', 'long', 'segunda-feira, 26 de outubro de 2020'],
    ['es', 'short', 'lun, 26 oct'],
    ['en', 'short', 'Mon, Oct 26'],
    ['pt', 'short', 'seg., 26 de out.'],
  ] as const)('writes the opening day in %s, %s, as %j', (locale, style, expected) => {
    expect(formatDate(opening, 'America/Guatemala', locale, style)).toBe(expected);
  });

  test('writes the date of the zone asked for, which can be the next day', () => {
    // 2020-10-26 18:00 in Guatemala is 2020-10-27 01:00 in Madrid.
    const evening = wallClockToInstant('2020-10-26', '18:00', 'America/Guatemala');
    expect(formatDate(evening, 'Europe/Madrid', 'es', 'long')).toBe('martes, 27 de octubre de 2020');
    expect(formatDate(evening, 'America/Guatemala', 'es', 'long')).toBe('lunes, 26 de octubre de 2020');
  });
});

describe('dayDifference', () => {
  const evening = wallClockToInstant('2020-10-26', '18:00', 'America/Guatemala'); // 2020-10-27T00:00Z
  const opening = wallClockToInstant('2020-10-26', '9:00', 'America/Guatemala');

  test.each([
    // 18:00 in Guatemala is 01:00 on Tuesday 27 Oct in Madrid (UTC+1 since 25 Oct).
    [evening, 'Europe/Madrid', 1],
    [evening, 'Europe/Lisbon', 1],
    [evening, 'America/Guatemala', 0],
    [evening, 'America/Lima', 0],
    [evening, 'America/Sao_Paulo', 0],
    [opening, 'Europe/Madrid', 0],
    [opening, 'America/Santiago', 0],
  ])('counts the days between 2020-10-26 and %s seen in %s as %i', (instant, zone, expected) => {
    expect(dayDifference(instant, zone, '2020-10-26')).toBe(expected);
  });

  test('is negative when the instant is still the day before in that zone', () => {
    // 00:30 on 26 Oct in Madrid is 17:30 on 25 Oct in Guatemala.
    const madridAfterMidnight = wallClockToInstant('2020-10-26', '0:30', 'Europe/Madrid');
    expect(dayDifference(madridAfterMidnight, 'America/Guatemala', '2020-10-26')).toBe(-1);
  });

  test('counts across months and years', () => {
    expect(dayDifference(new Date('2021-01-01T12:00:00Z'), 'UTC', '2020-12-31')).toBe(1);
    expect(dayDifference(new Date('2020-03-01T12:00:00Z'), 'UTC', '2020-02-28')).toBe(2);
  });

  test('throws a TimeError for a malformed reference date', () => {
    expect(() => dayDifference(evening, 'Europe/Madrid', '26/10/2020')).toThrow(TimeError);
  });
});

describe('toIsoUtc', () => {
  test.each([
    ['2020-10-26T15:00:00.000Z', '2020-10-26T15:00:00Z'],
    ['2020-10-26T15:20:00Z', '2020-10-26T15:20:00Z'],
    ['2020-10-26T15:00:59.999Z', '2020-10-26T15:00:59Z'],
  ])('writes %s as %s, without milliseconds', (input, expected) => {
    expect(toIsoUtc(new Date(input))).toBe(expected);
  });
});

describe('isValidDate', () => {
  test.each(['2020-10-26', '2020-02-29', '2000-02-29', '2021-12-31', '0001-01-01', '9999-12-31'])('accepts %s', (value) => {
    expect(isValidDate(value)).toBe(true);
  });

  test.each([
    '2020-02-30',
    '2021-02-29',
    '1900-02-29',
    '2020-04-31',
    '2020-13-01',
    '2020-00-10',
    '2020-10-00',
    '0000-01-01',
    '26/10/2020',
    '2020-10-26T09:00',
    '2020-1-26',
    '20-10-26',
    ' 2020-10-26',
    '',
  ])('refuses %j', (value) => {
    expect(isValidDate(value)).toBe(false);
  });
});

describe('parseTimeOfDay', () => {
  test.each([
    ['9:00', 9, 0],
    ['09:00', 9, 0],
    ['0:00', 0, 0],
    ['00:00', 0, 0],
    ['23:59', 23, 59],
    ['11:30', 11, 30],
  ])('reads %s as %i h %i min', (value, hours, minutes) => {
    expect(parseTimeOfDay(value)).toEqual({ hours, minutes });
  });

  test.each(['9.00', '24:00', '9:60', '9', '9:0', '009:00', '9:00 am', '9h00', ' 9:00', '-1:00', ''])('refuses %j', (value) => {
    expect(parseTimeOfDay(value)).toBeNull();
  });
});

describe('isValidTimeZone', () => {
  test.each(['America/Guatemala', 'America/Lima', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+6', ...memberZones])('accepts %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  test.each(['Mars/Olympus', '-06:00', '+01:00', 'UTC-6', 'GMT+1', '', 'america/guatemala', 'America/guatemala', ' America/Lima'])('refuses %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('functions that take an instant', () => {
  const invalidInstant = new Date(Number.NaN);
  const opening = new Date('2020-10-26T15:00:00Z');

  test.each([
    ['instantToWallClock', () => instantToWallClock(opening, 'Mars/Olympus')],
    ['utcOffsetMinutes', () => utcOffsetMinutes(opening, '-06:00')],
    ['formatUtcOffset', () => formatUtcOffset(opening, '')],
    ['formatTime', () => formatTime(opening, 'Mars/Olympus', 'es')],
    ['formatDate', () => formatDate(opening, 'UTC-6', 'es', 'short')],
    ['dayDifference', () => dayDifference(opening, 'Mars/Olympus', '2020-10-26')],
  ])('%s throws a TimeError with problem invalid-zone for a bad zone', (_name, call) => {
    expect(call).toThrow(expect.objectContaining({ name: 'TimeError', problem: 'invalid-zone' }));
  });

  test.each([
    ['instantToWallClock', () => instantToWallClock(invalidInstant, 'America/Guatemala')],
    ['utcOffsetMinutes', () => utcOffsetMinutes(invalidInstant, 'America/Guatemala')],
    ['formatTime', () => formatTime(invalidInstant, 'America/Guatemala', 'es')],
    ['formatDate', () => formatDate(invalidInstant, 'America/Guatemala', 'es', 'long')],
    ['toIsoUtc', () => toIsoUtc(invalidInstant)],
  ])('%s throws a TimeError with problem invalid-date for an invalid Date', (_name, call) => {
    expect(call).toThrow(expect.objectContaining({ name: 'TimeError', problem: 'invalid-date' }));
  });
});
