import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import addFormats from 'ajv-formats';
import { formatInTimeZone } from 'date-fns-tz';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagePath } from '../../content-models/routes';
import en from '../../site/i18n/en.json';
import es from '../../site/i18n/es.json';
import pt from '../../site/i18n/pt.json';
import { type ExpectedSession, expectedDataset, icsUtc, isoUtc } from '../support/dataset';
import { distDir, listFiles, pageDocument, requireDist } from '../support/dist';
import { publishedOfType, readNdjson } from '../support/ndjson';

/**
 * The calendar files and schedule.json of the built site, checked against the dataset read
 * directly (tests/support/dataset.ts converts its wall-clock times with date-fns-tz), and read
 * with independent parsers: ical.js for RFC 5545, ajv with the C3VOC schema for schedule.json.
 */

const dataset = expectedDataset();
const langs = [
  { lang: 'es', prefix: '', messages: es },
  { lang: 'en', prefix: 'en/', messages: en },
  { lang: 'pt', prefix: 'pt/', messages: pt },
] as const;
type LangCase = (typeof langs)[number];

const bySlug = new Map(dataset.sessions.map((s) => [s.slug, s]));
const titles = new Map(publishedOfType(readNdjson(), 'session').map((d) => [d._id, (d.title as { es: string }).es]));

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: Date;
  end: Date;
  rawStart: string;
  rawEnd: string;
  location: string | null;
  /** The session the event's URL points to. */
  session: ExpectedSession;
}

/** An .ics file of dist (path relative to it) read by ical.js. */
function readCalendar(file: string, dir = distDir): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path.join(dir, file), 'utf8')));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const url = String(vevent.getFirstPropertyValue('url'));
    const slug = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '';
    const session = bySlug.get(slug);
    if (!session) throw new Error(`${file}: ${event.uid} links ${url}, which is no session of the dataset`);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      rawStart: String(vevent.getFirstProperty('dtstart')?.toICALString()),
      rawEnd: String(vevent.getFirstProperty('dtend')?.toICALString()),
      location: (vevent.getFirstPropertyValue('location') as string | null) ?? null,
      session,
    };
  });
  return { calendar, events };
}

const icsFiles = (dir = distDir) => listFiles(dir).filter((f) => f.endsWith('.ics'));
const icsOf = ({ prefix }: LangCase, name: string) => `${prefix}ics/${name}`;
const ids = (events: ParsedEvent[]) => events.map((e) => e.session.id).sort();
const sorted = (list: string[]) => [...list].sort();

beforeAll(() => {
  requireDist();
});

describe('calendar files (.ics)', () => {
  it('every one parses with ical.js, with CRLF lines of at most 75 octets and the calendar properties', () => {
    const files = icsFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(path.join(distDir, file), 'utf8');
      expect(text.endsWith('END:VCALENDAR\r\n'), file).toBe(true);
      expect(text.replace(/\r\n/g, ''), `${file}: bare CR or LF`).not.toMatch(/[\r\n]/);
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line), `${file}: ${line}`).toBeLessThanOrEqual(75);
      const { calendar } = readCalendar(file);
      expect(calendar.getFirstPropertyValue('version'), file).toBe('2.0');
      expect(calendar.getFirstPropertyValue('prodid'), file).toMatch(/^-\/\/PIFCSS\/\/.+\/\/(ES|EN|PT)$/);
      expect(calendar.getFirstPropertyValue('x-wr-calname'), file).toBeTruthy();
      expect(calendar.getFirstPropertyValue('x-wr-timezone'), file).toBe(dataset.eventZone);
    }
  });

  it('the same files are published in every language', () => {
    const names = (l: LangCase) =>
      sorted(
        icsFiles()
          .filter((f) => f.startsWith(`${l.prefix}ics/`))
          .map((f) => path.basename(f)),
      );
    const [esNames, enNames, ptNames] = langs.map(names);
    expect(esNames!.length).toBeGreaterThan(0);
    expect(enNames).toEqual(esNames);
    expect(ptNames).toEqual(esNames);
  });

  it('every event starts and ends, in UTC, at the instants of its session in the dataset', () => {
    for (const file of icsFiles()) {
      for (const e of readCalendar(file).events) {
        expect(e.start.toISOString(), `${file} ${e.uid}`).toBe(e.session.startsAt.toISOString());
        expect(e.end.toISOString(), `${file} ${e.uid}`).toBe(e.session.endsAt.toISOString());
        expect(e.rawStart, `${file} ${e.uid}`).toBe(`DTSTART:${icsUtc(e.session.startsAt)}`);
        expect(e.rawEnd, `${file} ${e.uid}`).toBe(`DTEND:${icsUtc(e.session.endsAt)}`);
      }
    }
  });

  it('puts the 9:00 Guatemala opening at 2020-10-26T15:00:00Z', () => {
    const opening = readCalendar('ics/sesion-inauguracion.ics').events;
    expect(opening).toHaveLength(1);
    expect(opening[0]!.start.toISOString()).toBe('2020-10-26T15:00:00.000Z');
    expect(opening[0]!.rawStart).toBe('DTSTART:20201026T150000Z');
  });

  it.each(langs)('the whole-event file ($lang) has every session exactly once', (l) => {
    expect(ids(readCalendar(icsOf(l, 'evento.ics')).events)).toEqual(sorted(dataset.sessions.map((s) => s.id)));
  });

  it.each(langs)("each day's file ($lang) has exactly that day's sessions", (l) => {
    for (const day of dataset.days) {
      const expected = dataset.sessions.filter((s) => s.date === day.date).map((s) => s.id);
      const file = icsOf(l, `dia-${day.date}.ics`);
      if (expected.length === 0) expect(existsSync(path.join(distDir, file)), file).toBe(false);
      else expect(ids(readCalendar(file).events), file).toEqual(sorted(expected));
    }
  });

  it.each(langs)("each speaker's file ($lang) has exactly the sessions that reference them", (l) => {
    for (const speaker of dataset.speakers) {
      const file = icsOf(l, `ponente-${speaker.slug}.ics`);
      if (speaker.sessionIds.length === 0) expect(existsSync(path.join(distDir, file)), file).toBe(false);
      else expect(ids(readCalendar(file).events), file).toEqual(sorted(speaker.sessionIds));
    }
  });

  it.each(langs)("each session's file ($lang) has that session alone", (l) => {
    for (const s of dataset.sessions) expect(ids(readCalendar(icsOf(l, `sesion-${s.slug}.ics`)).events)).toEqual([s.id]);
  });

  it('a session has one UID in every file of every language, and no two sessions share one', () => {
    const uidOf = new Map<string, Set<string>>();
    for (const file of icsFiles()) {
      for (const e of readCalendar(file).events) {
        const set = uidOf.get(e.session.id) ?? new Set();
        set.add(e.uid);
        uidOf.set(e.session.id, set);
      }
    }
    expect(uidOf.size).toBe(dataset.sessions.length);
    for (const [id, uids] of uidOf) expect([...uids], id).toHaveLength(1);
    const all = [...uidOf.values()].map((set) => [...set][0]);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(langs)('the whole-event, day and speaker files ($lang) ask subscribed apps to refresh; session files do not', (l) => {
    const refresh = (file: string) => {
      const { calendar } = readCalendar(file);
      return [calendar.getFirstProperty('refresh-interval')?.toICALString() ?? null, calendar.getFirstProperty('x-published-ttl')?.toICALString() ?? null];
    };
    const subscriptions = icsFiles().filter((f) => f.startsWith(`${l.prefix}ics/`) && !path.basename(f).startsWith('sesion-'));
    expect(subscriptions).toContain(icsOf(l, 'evento.ics'));
    for (const file of subscriptions) expect(refresh(file), file).toEqual(['REFRESH-INTERVAL;VALUE=DURATION:PT6H', 'X-PUBLISHED-TTL:PT6H']);
    for (const s of dataset.sessions) expect(refresh(icsOf(l, `sesion-${s.slug}.ics`)), s.slug).toEqual([null, null]);
  });

  it.each(langs)('participants-only sessions ($lang) say so and carry no location or live link', (l) => {
    const note = l.messages['session.participantsOnlyNote'];
    for (const e of readCalendar(icsOf(l, 'evento.ics')).events) {
      if (e.session.access !== 'participants') continue;
      expect(e.description, e.uid).toContain(note);
      expect(e.location, e.uid).toBeNull();
    }
  });
});

describe('importing the whole-event calendar (dist/ics/evento.ics)', () => {
  it('yields every session of the dataset, titled, at its instant', () => {
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path.join(distDir, 'ics/evento.ics'), 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(dataset.sessions.length);
    const found = events.map((e) => ({ title: e.summary, start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString() }));
    const expected = dataset.sessions.map((s) => ({ title: titles.get(s.id), start: s.startsAt.toISOString(), end: s.endsAt.toISOString() }));
    expect(found).toEqual(expected);
  });
});

describe('a second build of the same content', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'feeds-rebuild-'));
  const second = path.join(out, 'dist');

  beforeAll(() => {
    const result = spawnSync(process.execPath, ['scripts/build.mjs'], { env: { ...process.env, BUILD_OUT_DIR: second }, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`second build failed:\n${result.stdout}\n${result.stderr}`);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes byte-identical calendars and schedule.json files (DTSTAMP comes from the content, not the clock)', () => {
    const feeds = (dir: string) => listFiles(dir).filter((f) => f.endsWith('.ics') || f.endsWith('schedule.json'));
    expect(feeds(second)).toEqual(feeds(distDir));
    for (const file of feeds(distDir)) {
      // If this fails on a developer machine, check that dist/ was built with the same SITE_URL.
      expect(readFileSync(path.join(second, file)).equals(readFileSync(path.join(distDir, file))), file).toBe(true);
    }
  });

  it('gives every session the same UID', () => {
    const uids = (dir: string) => readCalendar('ics/evento.ics', dir).events.map((e) => `${e.session.id} ${e.uid}`);
    expect(uids(second)).toEqual(uids(distDir));
  });
});

describe('schedule.json', () => {
  const read = (l: LangCase) => JSON.parse(readFileSync(path.join(distDir, l.prefix, 'schedule.json'), 'utf8'));
  type Event = { id: number; guid: string; date: string; start: string; duration: string; room: string; slug: string; links: { url: string }[] };
  const events = (l: LangCase) =>
    (read(l).schedule.conference.days as { date: string; rooms: Record<string, Event[]> }[]).flatMap((d) =>
      Object.entries(d.rooms).flatMap(([room, list]) => list.map((e) => ({ ...e, day: d.date, roomKey: room }))),
    );

  it.each(langs)('validates against the C3VOC schema ($lang)', (l) => {
    const validate = c3vocValidator();
    const valid = validate(read(l));
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(langs)("lists every session once, on its day, at its instant, with start as 'HH:MM' in the event zone ($lang)", (l) => {
    const list = events(l);
    expect(sorted(list.map((e) => e.slug))).toEqual(sorted(dataset.sessions.map((s) => s.slug)));
    expect(read(l).schedule.conference.time_zone_name).toBe(dataset.eventZone);
    for (const e of list) {
      const s = bySlug.get(e.slug)!;
      expect(new Date(e.date).toISOString(), e.slug).toBe(s.startsAt.toISOString());
      expect(e.date, e.slug).toBe(formatInTimeZone(s.startsAt, dataset.eventZone, "yyyy-MM-dd'T'HH:mm:ssXXX"));
      expect(e.start, e.slug).toBe(formatInTimeZone(s.startsAt, dataset.eventZone, 'HH:mm'));
      expect(e.day, e.slug).toBe(s.date);
      expect(e.room, e.slug).toBe(e.roomKey);
      const minutes = (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000;
      expect(e.duration, e.slug).toBe(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
    }
    expect(list.find((e) => e.slug === 'inauguracion')).toMatchObject({ start: '09:00', date: '2020-10-26T09:00:00-06:00' });
  });

  it.each(langs)('puts sessions that overlap in different rooms ($lang)', (l) => {
    const room = new Map(events(l).map((e) => [e.slug, e.room]));
    const overlapping = dataset.sessions.flatMap((a, i) =>
      dataset.sessions
        .slice(i + 1)
        .filter((b) => a.startsAt < b.endsAt && b.startsAt < a.endsAt)
        .map((b) => [a, b] as const),
    );
    // The seed's two mesas de reflexión, both 9:30–10:30, are the known case.
    expect(overlapping.map(([a, b]) => [a.slug, b.slug])).toContainEqual(['mesa-de-reflexion-1', 'mesa-de-reflexion-2']);
    for (const [a, b] of overlapping) expect(room.get(a.slug), `${a.slug} / ${b.slug}`).not.toBe(room.get(b.slug));
  });

  it('keeps the same ids, guids and acronym in every language', () => {
    const key = (l: LangCase) =>
      events(l)
        .map((e) => `${e.slug} ${e.id} ${e.guid}`)
        .sort();
    expect(key(langs[1])).toEqual(key(langs[0]));
    expect(key(langs[2])).toEqual(key(langs[0]));
    expect(new Set(langs.map((l) => read(l).schedule.conference.acronym)).size).toBe(1);
  });

  it('gives participants-only sessions none of the join or stream links the dataset holds', () => {
    type Link = { kind: string; url: string };
    const docs = readNdjson();
    const liveUrls = new Set(
      docs
        .flatMap((d) => (d.links as Link[] | undefined) ?? [])
        .filter((link) => link.kind === 'join' || link.kind === 'stream')
        .map((link) => link.url),
    );
    for (const l of langs) {
      for (const e of events(l)) {
        if (bySlug.get(e.slug)!.access === 'participants')
          expect(
            e.links.filter((x) => liveUrls.has(x.url)),
            e.slug,
          ).toEqual([]);
      }
    }
  });
});

describe('pages link their calendars', () => {
  it.each(langs)("every session page ($lang) links its .ics, and its Google and Outlook links carry the session's UTC times", (l) => {
    for (const s of dataset.sessions) {
      const page = pagePath('session', l.lang, s.slug);
      const doc = pageDocument(page);
      const ics = `/${icsOf(l, `sesion-${s.slug}.ics`)}`;
      expect(doc.querySelector(`a[href="${ics}"]`), `${page} → ${ics}`).not.toBeNull();
      expect(existsSync(path.join(distDir, ics)), ics).toBe(true);
      const google = [...doc.querySelectorAll('a[href^="https://calendar.google.com/"]')].map((a) => new URL(a.getAttribute('href')!));
      expect(google, page).toHaveLength(1);
      expect(google[0]!.searchParams.get('dates'), page).toBe(`${icsUtc(s.startsAt)}/${icsUtc(s.endsAt)}`);
      const outlook = [...doc.querySelectorAll('a[href^="https://outlook.live.com/"]')].map((a) => new URL(a.getAttribute('href')!));
      expect(outlook, page).toHaveLength(1);
      expect(outlook[0]!.searchParams.get('startdt'), page).toBe(isoUtc(s.startsAt));
      expect(outlook[0]!.searchParams.get('enddt'), page).toBe(isoUtc(s.endsAt));
    }
  });

  it.each(langs)("every speaker page ($lang) with sessions links the speaker's .ics", (l) => {
    for (const speaker of dataset.speakers.filter((sp) => sp.sessionIds.length > 0)) {
      const page = pagePath('speaker', l.lang, speaker.slug);
      const ics = `/${icsOf(l, `ponente-${speaker.slug}.ics`)}`;
      expect(pageDocument(page).querySelector(`a[href="${ics}"]`), `${page} → ${ics}`).not.toBeNull();
    }
  });
});

/**
 * The C3VOC schema, compiled with ajv for draft-06, with one change: the schema declares an event's
 * `start` as `format: date-time`, but pretalx and frab write "HH:MM" local time there, the apps that
 * read schedule.json expect that, and the product asks for it. So that one field is checked against
 * `^\d{2}:\d{2}$` instead; everything else is the schema as published.
 */
function c3vocValidator() {
  const schema = JSON.parse(readFileSync(path.resolve('tests/fixtures/schemas/c3voc-schedule.schema.json'), 'utf8'));
  schema.definitions.Event.properties.start = { type: 'string', pattern: '^\\d{2}:\\d{2}$' };
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  return ajv.compile(schema);
}
