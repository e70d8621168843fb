import { describe, expect, it } from 'vitest';
import { memberCountries } from '../../content-models/countries';
import type { Lang } from '../../content-models/routes';
import { rangeIn, rangeText, type ZonedRange } from '../../site/lib/time-display';
import { offsetLabel, oracleTransitions, oracleVersion, oracleWall, sameClock } from '../support/tz-oracle';

/**
 * Every string the site writes for a time range, checked against an oracle that does not share its
 * code path (moment-timezone's own copy of the IANA database, see tests/support/tz-oracle.ts), at
 * every transition from 2018 to 2035 of the member countries' zones, their aliases and zones that
 * stretch the rules: Australia/Lord_Howe (a 30-minute change), Asia/Kathmandu (+5:45, no change),
 * Pacific/Chatham (+12:45/+13:45) and Pacific/Apia (which skipped 30 December 2011 crossing the
 * date line, and had daylight saving until 2021).
 *
 * Not every transition: a zone's rules repeat, so the same change (same offsets, same month) in
 * another year walks the same code with other numbers. Each zone contributes the first transition of
 * every kind (offset before → after, month) in the period and its last one, which still reaches
 * every zone, every direction of change and every rule change (Brazil, Mexico and Apia dropping
 * daylight saving, Chile moving its dates) at a fraction of the strings.
 *
 * For each sampled transition T, three one-hour sessions: ending an hour before T, straddling it
 * (T−30 min to T+30 min) and starting an hour after it; each read with its date as the organisers
 * would write it in the zone itself and in the event's zone (Guatemala); the straddling one in the
 * three languages. And in every zone, a session across local midnight on the 15th of each month.
 */

const ALIASES = ['America/Buenos_Aires', 'Brazil/East', 'Chile/Continental', 'Cuba', 'Mexico/General', 'Portugal'];
const STRETCHING = ['Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'Pacific/Apia'];
const ZONES = [...memberCountries.map((c) => c.timeZone), ...ALIASES, ...STRETCHING];
const LANGS: readonly Lang[] = ['es', 'en', 'pt'];
const EVENT_ZONE = 'America/Guatemala';
const HOUR = 3_600_000;

const FROM = Date.UTC(2018, 0, 1);
const TO = Date.UTC(2036, 0, 1);

/** Checks one rendered range against the oracle; returns how many strings it compared. */
function checkRange(r: ZonedRange, startsAt: Date, endsAt: Date, referenceDate: string, zone: string, where: string): number {
  const start = oracleWall(startsAt, zone);
  const end = oracleWall(endsAt, zone);
  expect(sameClock(r.start, start), `${where}: start ${r.start}`).toBe(true);
  expect(sameClock(r.end, end), `${where}: end ${r.end}`).toBe(true);
  expect(r.startOffset, `${where}: start offset`).toBe(offsetLabel(start.offset));
  expect(r.endOffset, `${where}: end offset`).toBe(offsetLabel(end.offset));
  expect(r.offset, `${where}: shared offset`).toBe(start.offset === end.offset ? offsetLabel(start.offset) : null);
  // Another calendar day is always said: the start's against the session's date, the end's against the start's.
  expect(r.startDate !== null, `${where}: start day marker (${start.date} vs ${referenceDate})`).toBe(start.date !== referenceDate);
  if (r.startDate) expect(r.startDate, `${where}: start day`).toMatch(new RegExp(`\\b${Number(start.date.slice(8))}\\b`));
  expect(r.endDate !== null, `${where}: end day marker (${end.date} vs ${start.date})`).toBe(end.date !== start.date);
  if (r.endDate) expect(r.endDate, `${where}: end day`).toMatch(new RegExp(`\\b${Number(end.date.slice(8))}\\b`));
  // The one-line form carries each piece: each end's offset when they differ, the shared one otherwise.
  const text = rangeText(r, 'Z');
  if (r.offset) expect(text, where).toContain(`(${r.offset})`);
  else expect(text, where).toMatch(new RegExp(`^${r.start} \\(${escapeRegExp(r.startOffset)}\\) – ${r.end} \\((?:.+, )?${escapeRegExp(r.endOffset)}\\) Z`));
  return 9;
}

/** The transitions worth reading in a zone: the first of each kind (offsets and month), and the last. */
function sampledTransitions(zone: string): Date[] {
  const all = oracleTransitions(zone, FROM, TO);
  const kinds = new Map<string, Date>();
  for (const at of all) {
    const kind = `${oracleWall(new Date(at.getTime() - 1), zone).offset}>${oracleWall(at, zone).offset}@${at.getUTCMonth()}`;
    if (!kinds.has(kind)) kinds.set(kind, at);
  }
  const last = all.at(-1);
  if (last && ![...kinds.values()].includes(last)) kinds.set('last', last);
  return [...kinds.values()];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('time strings against an independent IANA oracle', () => {
  it(`match at each kind of transition 2018–2035 of ${ZONES.length} zones (oracle data ${oracleVersion})`, () => {
    let strings = 0;
    let transitions = 0;
    const changing = new Set<string>();
    for (const zone of ZONES) {
      for (const at of sampledTransitions(zone)) {
        transitions++;
        changing.add(zone);
        const t = at.getTime();
        // Languages differ only in how a time is spelt: all three where it matters most, across the change.
        const sessions = [
          [t - 2 * HOUR, t - HOUR, ['es']],
          [t - HOUR / 2, t + HOUR / 2, LANGS],
          [t + HOUR, t + 2 * HOUR, ['es']],
        ] as const;
        for (const [startMs, endMs, langs] of sessions) {
          const startsAt = new Date(startMs);
          const endsAt = new Date(endMs);
          for (const dateZone of [zone, EVENT_ZONE]) {
            const referenceDate = oracleWall(startsAt, dateZone).date;
            for (const lang of langs) {
              const where = `${zone} ${startsAt.toISOString()}–${endsAt.toISOString()} (date ${referenceDate}, ${lang})`;
              strings += checkRange(rangeIn(startsAt, endsAt, referenceDate, zone, lang), startsAt, endsAt, referenceDate, zone, where);
            }
          }
        }
      }
    }
    // Midnight too, in every zone (Kathmandu and most member zones have no change at all): a session
    // from 23:30 to 00:30 local time on the 15th of each month of 2020, by the oracle's offset.
    for (const zone of ZONES) {
      for (let month = 0; month < 12; month++) {
        const noon = new Date(Date.UTC(2020, month, 15, 12));
        const midnight = Date.UTC(2020, month, 16) - oracleWall(noon, zone).offset * 60_000;
        const startsAt = new Date(midnight - HOUR / 2);
        const endsAt = new Date(midnight + HOUR / 2);
        for (const lang of LANGS) {
          const referenceDate = oracleWall(startsAt, EVENT_ZONE).date;
          strings += checkRange(rangeIn(startsAt, endsAt, referenceDate, zone, lang), startsAt, endsAt, referenceDate, zone, `${zone} midnight ${month + 1}`);
        }
      }
    }
    console.info(
      `time oracle: ${transitions} sampled transitions in ${ZONES.length} zones, ${strings} strings checked against moment-timezone ${oracleVersion}`,
    );
    // Every zone that changes in the period contributed, each with more than one kind of change
    // (Kathmandu and most member zones have no change at all: the midnight sessions cover them).
    for (const zone of ZONES) {
      const all = oracleTransitions(zone, FROM, TO);
      if (all.length > 0) expect(changing.has(zone), zone).toBe(true);
      if (all.length > 1) expect(sampledTransitions(zone).length, zone).toBeGreaterThanOrEqual(2);
    }
    expect(transitions).toBeGreaterThan(40);
    expect(strings).toBeGreaterThan(ZONES.length * 12 * LANGS.length * 9);
  });

  it('match across the Havana fall-back hour, where the range runs backwards on the clock', () => {
    // 1 Nov 2020: at 01:00 CDT (05:00Z) Havana's clocks went back to 00:00 CST.
    const startsAt = new Date('2020-11-01T04:30:00Z');
    const endsAt = new Date('2020-11-01T05:15:00Z');
    const r = rangeIn(startsAt, endsAt, '2020-11-01', 'America/Havana', 'es');
    checkRange(r, startsAt, endsAt, '2020-11-01', 'America/Havana', 'Havana fall-back');
    expect(rangeText(r, 'Hora de Cuba')).toBe('0:30 (UTC−4) – 0:15 (UTC−5) Hora de Cuba');
  });

  it('match on the day Samoa skipped (30 December 2011) and at the 30-minute Lord Howe change', () => {
    // Apia went from 29 Dec 2011 23:59 (UTC−10) straight to 31 Dec 00:00 (UTC+14).
    const startsAt = new Date('2011-12-30T09:30:00Z');
    const endsAt = new Date('2011-12-30T10:30:00Z');
    const apia = rangeIn(startsAt, endsAt, '2011-12-29', 'Pacific/Apia', 'en');
    checkRange(apia, startsAt, endsAt, '2011-12-29', 'Pacific/Apia', 'Apia date line');
    expect(apia.endDate).toMatch(/31/);
    // Lord Howe went back half an hour at 02:00 (UTC+11) on 4 Apr 2021, to 01:30 (UTC+10:30).
    const lordHowe = new Date('2021-04-03T14:45:00Z');
    const r = rangeIn(lordHowe, new Date(lordHowe.getTime() + HOUR / 2), '2021-04-04', 'Australia/Lord_Howe', 'en');
    checkRange(r, lordHowe, new Date(lordHowe.getTime() + HOUR / 2), '2021-04-04', 'Australia/Lord_Howe', 'Lord Howe');
    expect([r.startOffset, r.endOffset]).toEqual(['UTC+11', 'UTC+10:30']);
  });
});
