import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildRun, removeOutDir, runBuild, tempOutDir } from '../support/build';
import type { ExpectedSession } from '../support/dataset';
import { htmlPages, listFiles, pageDocument } from '../support/dist';
import { type Doc, readNdjson } from '../support/ndjson';
import { isoOffset, offsetLabel, oracleInstant, oracleVersion, oracleWall, sameClock } from '../support/tz-oracle';

/**
 * Times at the edges, over a dataset generated here (nobody wrote it by hand): the seed's programme
 * moved onto Havana's two daylight-saving changes and organised from there (America/Havana, shown
 * also in Peru, Madrid, Lord Howe Island and Kathmandu), with
 * - a session past midnight ("ends the next day") whose end falls in Havana's repeated hour
 *   (31 Oct 2020 23:15 – 1 Nov 00:15, first occurrence),
 * - a session written in Madrid time that straddles the fall-back in Havana
 *   (1 Nov 2020 05:30–06:30 Madrid = 0:30 UTC−4 – 0:30 UTC−5 in Havana: backwards on the clock),
 * - a session written in Guatemala time that straddles the spring-forward in Havana and ends the
 *   next day there (13 Mar 2021 22:30–23:30 Guatemala = 23:30 UTC−5 – 1:30 UTC−4 on the 14th).
 * Every `<time>` with text, every `.ics` event and every schedule.json entry is compared with the
 * oracle (moment-timezone, tests/support/tz-oracle.ts), which never goes through the site's code.
 */

const EVENT_ZONE = 'America/Havana';
const SECONDARY = ['America/Lima', 'Europe/Madrid', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
const DAYS: Record<string, string> = { '2020-10-26': '2020-10-31', '2020-10-28': '2020-11-01', '2020-10-30': '2021-03-13' };
const CHANGES: Record<string, Record<string, unknown>> = {
  'session-mesa-de-reflexion-2': { start: '23:15', end: '00:15', endsNextDay: true },
  'session-objetivos-y-metodologia-del-taller': { start: '05:30', end: '06:30', timeZone: 'Europe/Madrid' },
  'session-pasos-a-seguir-y-cierre': { start: '22:30', end: '23:30', timeZone: 'America/Guatemala' },
};

/** A session's times as this file rewrites them: the dataset oracle's fields, plus the next-day flag it sets. */
type Wall = Pick<ExpectedSession, 'id' | 'slug' | 'date' | 'start' | 'end' | 'zone'> & { endsNextDay: boolean };

function edgesDataset(file: string): Wall[] {
  const walls: Wall[] = [];
  const docs = readNdjson().map((doc) => {
    const copy = structuredClone(doc) as Doc & Record<string, unknown>;
    if (doc._type === 'event') {
      copy.timeZone = EVENT_ZONE;
      copy.secondaryTimeZones = SECONDARY;
      copy.days = (copy.days as { date: string }[]).map((d) => ({ ...d, date: DAYS[d.date] }));
    }
    // An asynchronous activity placed after an event day follows that day to its new date.
    if (doc._type === 'asyncActivity' && typeof copy.afterDay === 'string') copy.afterDay = DAYS[copy.afterDay];
    if (doc._type === 'session' && !doc._id.startsWith('drafts.')) {
      Object.assign(copy, { date: DAYS[copy.date as string] }, CHANGES[doc._id] ?? {});
      walls.push({
        id: doc._id,
        slug: (copy.slug as { current: string }).current,
        date: copy.date as string,
        start: copy.start as string,
        end: copy.end as string,
        zone: (copy.timeZone as string | undefined) || EVENT_ZONE,
        endsNextDay: copy.endsNextDay === true,
      });
    }
    return copy;
  });
  writeFileSync(file, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
  return walls;
}

/** A session's instants by the oracle, from the wall-clock times as written. */
function oracleSession(w: Wall): { start: Date; end: Date } {
  const nextDay = new Date(Date.parse(`${w.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { start: oracleInstant(w.date, w.start, w.zone), end: oracleInstant(w.endsNextDay ? nextDay : w.date, w.end, w.zone) };
}

/**
 * What a range line must say, by the oracle: each clock time, each end's offset when they differ
 * (one shared one otherwise) and a day marker wherever an end is on another day than the session's
 * date (start) or than the start (end). The marker's words are `Intl`'s; its day number is checked.
 */
function expectLine(text: string, start: Date, end: Date, zone: string, sessionDate: string, where: string): number {
  const s = oracleWall(start, zone);
  const e = oracleWall(end, zone);
  const shared = s.offset === e.offset;
  const clock = '(\\d{1,2}:\\d{2})';
  const marker = '([^()]*?\\d[^()]*?)';
  const pattern = shared
    ? new RegExp(
        `^${clock}\\s*–\\s*${clock}(?: \\(${marker}\\))? (.+?) \\((${escapeRegExp(offsetLabel(s.offset))})\\)(?: · ([^(]+))?(?: \\((?:tu hora|your time|seu horário)\\))?$`,
      )
    : new RegExp(
        `^${clock} \\((${escapeRegExp(offsetLabel(s.offset))})\\)\\s*–\\s*${clock} \\((?:${marker}, )?(${escapeRegExp(offsetLabel(e.offset))})\\) (.+?)(?: · ([^(]+))?$`,
      );
  const m = pattern.exec(text);
  expect(m, `${where}: «${text}» (oracle ${JSON.stringify({ s, e })})`).not.toBeNull();
  if (!m) return 0;
  const [startText, endText, endDay, label, startDay] = shared ? [m[1], m[2], m[3], m[4], m[6]] : [m[1], m[3], m[4], m[6], m[7]];
  expect(sameClock(startText ?? '', s), `${where}: start`).toBe(true);
  expect(sameClock(endText ?? '', e), `${where}: end`).toBe(true);
  expect(label, `${where}: a readable zone name, not an IANA id`).not.toMatch(/\//);
  expect(!!startDay, `${where}: start day marker`).toBe(s.date !== sessionDate);
  if (startDay) expect(startDay, `${where}: start day`).toMatch(new RegExp(`\\b${Number(s.date.slice(8))}\\b`));
  expect(!!endDay, `${where}: end day marker`).toBe(e.date !== s.date);
  if (endDay) expect(endDay, `${where}: end day`).toMatch(new RegExp(`\\b${Number(e.date.slice(8))}\\b`));
  return 3 + (shared ? 1 : 2) + (startDay ? 1 : 0) + (endDay ? 1 : 0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('times at the edges, against an independent oracle', () => {
  let run: BuildRun;
  let walls: Wall[];
  let checked = 0;
  beforeAll(async () => {
    const outDir = tempOutDir('edges');
    const dataset = path.join(path.dirname(outDir), 'edges.ndjson');
    walls = edgesDataset(dataset);
    run = await runBuild({ outDir, env: { CONTENT_DATASET_FILE: dataset } });
    if (run.code !== 0) throw new Error(`build failed:\n${run.output}`);
  });
  afterAll(() => {
    console.info(`time edges: ${checked} strings checked against moment-timezone ${oracleVersion}`);
    removeOutDir(run.outDir);
  });

  it('writes every session instant as the oracle reads the wall-clock times, past midnight and across changes', () => {
    const programme = pageDocument('/programa/', run.outDir);
    for (const w of walls) {
      const { start, end } = oracleSession(w);
      const times = [...programme.querySelectorAll(`[data-session="${w.id}"] [data-times] time`)].map((t) => t.getAttribute('datetime'));
      expect(new Set(times), w.id).toEqual(new Set([start.toISOString().replace('.000Z', 'Z'), end.toISOString().replace('.000Z', 'Z')]));
      checked += 2;
    }
  });

  it('labels every time line of every page with the oracle’s times, offsets and days', () => {
    let lines = 0;
    let split = 0;
    for (const page of htmlPages(run.outDir)) {
      const doc = pageDocument(page, run.outDir);
      for (const block of doc.querySelectorAll('[data-times]')) {
        const date = block.getAttribute('data-date') ?? '';
        for (const line of block.querySelectorAll('p[data-zone]')) {
          const [startEl, endEl] = line.querySelectorAll('time');
          const zone = line.getAttribute('data-zone') ?? '';
          const start = new Date(startEl?.getAttribute('datetime') ?? '');
          const end = new Date(endEl?.getAttribute('datetime') ?? '');
          expect(textOf(startEl!), `${page} ${zone}: the <time> holds only the clock time`).toMatch(/^\d{1,2}:\d{2}$/);
          checked += expectLine(textOf(line), start, end, zone, date, `${page} ${zone}`);
          lines++;
          if (oracleWall(start, zone).offset !== oracleWall(end, zone).offset) split++;
        }
      }
    }
    expect(lines).toBeGreaterThan(500);
    // The Madrid-time session straddles Havana's fall-back, the Guatemala-time one its spring-forward.
    expect(split).toBeGreaterThan(0);
    const havana = (id: string) => textOf(pageDocument('/programa/', run.outDir).querySelector(`[data-session="${id}"] p[data-zone="${EVENT_ZONE}"]`)!);
    expect(havana('session-objetivos-y-metodologia-del-taller')).toBe('0:30 (UTC−4) – 0:30 (UTC−5) Hora de Cuba');
    expect(havana('session-mesa-de-reflexion-2')).toBe('23:15 – 0:15 (dom, 1 nov) Hora de Cuba (UTC−4)');
    expect(havana('session-pasos-a-seguir-y-cierre')).toBe('23:30 (UTC−5) – 1:30 (dom, 14 mar, UTC−4) Hora de Cuba');
  });

  it('gives each row of the per-country table its own offsets on a day of change', () => {
    const doc = pageDocument('/programa/', run.outDir);
    let rows = 0;
    for (const row of doc.querySelectorAll('table tbody tr')) {
      const [startEl, endEl] = row.querySelectorAll('time');
      const country = textOf(row.querySelector('th')!);
      const zone = country.startsWith('Cuba') ? EVENT_ZONE : null;
      if (!zone) continue;
      const start = new Date(startEl!.getAttribute('datetime')!);
      const end = new Date(endEl!.getAttribute('datetime')!);
      const s = oracleWall(start, zone);
      const e = oracleWall(end, zone);
      const cells = [...row.querySelectorAll('td')].map(textOf);
      if (s.offset === e.offset) expect(country).toContain(`(${offsetLabel(s.offset)})`);
      else {
        expect(cells[0]).toContain(offsetLabel(s.offset));
        expect(cells[1]).toContain(offsetLabel(e.offset));
      }
      checked += 2;
      rows++;
    }
    expect(rows).toBe(3);
  });

  it('writes .ics events at the oracle’s instants and says each zone’s times and days in the description', () => {
    let events = 0;
    for (const file of listFiles(run.outDir).filter((f) => f.endsWith('.ics'))) {
      const calendar = new ICAL.Component(ICAL.parse(readFileSync(path.join(run.outDir, file), 'utf8')));
      for (const vevent of calendar.getAllSubcomponents('vevent')) {
        const event = new ICAL.Event(vevent);
        const slug = new URL(String(vevent.getFirstPropertyValue('url'))).pathname.split('/').filter(Boolean).at(-1);
        const w = walls.find((x) => x.slug === slug);
        expect(w, `${file}: ${slug}`).toBeDefined();
        if (!w) continue;
        const { start, end } = oracleSession(w);
        expect(event.startDate.toJSDate().toISOString(), `${file} ${slug} DTSTART`).toBe(start.toISOString());
        expect(event.endDate.toJSDate().toISOString(), `${file} ${slug} DTEND`).toBe(end.toISOString());
        // The first line is the session's date in words; then one line per shown zone, written as on the pages.
        const [dateLine = '', ...rest] = event.description.split('\n');
        expect(dateLine, `${file} ${slug} date line`).toMatch(new RegExp(`\\b${oracleWall(start, w.zone).date.slice(0, 4)}\\b`));
        const lines = rest.slice(0, 1 + SECONDARY.length);
        const sessionDate = oracleWall(start, w.zone).date;
        for (const [i, zone] of [EVENT_ZONE, ...SECONDARY].entries()) {
          checked += expectLine(lines[i] ?? '', start, end, zone, sessionDate, `${file} ${slug} ${zone}`);
        }
        events++;
      }
    }
    expect(events).toBeGreaterThan(30);
  });

  it('writes schedule.json with the start’s own offset, the start in Havana time and real durations', () => {
    for (const lang of ['', 'en/', 'pt/']) {
      const schedule = JSON.parse(readFileSync(path.join(run.outDir, `${lang}schedule.json`), 'utf8'));
      const entries = schedule.schedule.conference.days.flatMap((d: { rooms: Record<string, unknown[]> }) => Object.values(d.rooms).flat()) as {
        slug: string;
        date: string;
        start: string;
        duration: string;
      }[];
      expect(entries).toHaveLength(walls.length);
      for (const entry of entries) {
        const w = walls.find((x) => x.slug === entry.slug)!;
        const { start, end } = oracleSession(w);
        const s = oracleWall(start, EVENT_ZONE);
        const hhmm = `${String(s.hours).padStart(2, '0')}:${String(s.minutes).padStart(2, '0')}`;
        expect(entry.date, entry.slug).toBe(`${s.date}T${hhmm}:00${isoOffset(s.offset)}`);
        expect(entry.start, entry.slug).toBe(hhmm);
        const minutes = (end.getTime() - start.getTime()) / 60_000;
        expect(entry.duration, entry.slug).toBe(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
        checked += 3;
      }
    }
  });

  it('says on share cards how many zones the band leaves out, and each end’s offset across a change', () => {
    const doc = pageDocument('/programa/objetivos-y-metodologia-del-taller/', run.outDir);
    const alt = doc.querySelector('meta[property="og:image:alt"]')?.getAttribute('content') ?? '';
    expect(alt).toContain('0:30–0:30 (Hora de Cuba · UTC−4 – UTC−5)');
    expect(alt).toContain('+3 (3 zonas horarias más en la página)');
    const late = pageDocument('/en/programme/mesa-de-reflexion-2/', run.outDir).querySelector('meta[property="og:image:alt"]')?.getAttribute('content') ?? '';
    expect(late).toMatch(/23:15–0?0:15 \(Cuba time · UTC−4 · Sat,? 31 Oct – Sun,? 1 Nov\)/);
    checked += 3;
  });
});

describe('a session whose date is not one of the event days', () => {
  it('is refused, with a message naming the event day its start falls on in the event zone', async () => {
    const outDir = tempOutDir('outside-day');
    const dataset = path.join(path.dirname(outDir), 'outside.ndjson');
    // 00:30 on Thursday 29 Oct in Madrid (UTC+1) is 17:30 on Wednesday 28 Oct in Guatemala, an event day.
    const docs = readNdjson().map((doc) =>
      doc._id === 'session-recapitulacion' ? { ...doc, date: '2020-10-29', start: '00:30', end: '00:40', timeZone: 'Europe/Madrid' } : doc,
    );
    writeFileSync(dataset, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
    try {
      const result = await runBuild({ outDir, env: { CONTENT_DATASET_FILE: dataset } });
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('session-recapitulacion');
      expect(result.output).toContain('El 29/10/2020 (jueves) no es uno de los días del evento');
      expect(result.output).toContain('en hora de Guatemala la sesión empieza el miércoles 28/10/2020 a las 17:30, que sí es un día del evento');
    } finally {
      removeOutDir(outDir);
    }
  });
});
