import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../site/i18n';
import { calendarFile, calendarParts, escapeText, sessionPlainText, sessionUid, webCalendarLinks } from '../../site/lib/calendar';
import { liveUrlOf, sessionShownLinks } from '../../site/lib/content/links';
import { loadSite } from '../../site/lib/content/load';
import type { Session, Site } from '../../site/lib/content/model';
import { ndjsonSource } from '../../site/lib/content/source';
import { type ExpectedDataset, expectedDataset, icsUtc, isoUtc } from '../support/dataset';
import { seedDatasetFile } from '../support/ndjson';

const ORIGIN = 'https://seminario.example.org/';
// The embedded dataset through groq-js, named explicitly so a developer's Sanity settings cannot leak in.
const source = ndjsonSource(seedDatasetFile);

let site: Site;
let dataset: ExpectedDataset;

beforeAll(async () => {
  site = await loadSite('es', source);
  dataset = expectedDataset();
});

function session(id: string): Session {
  const found = site.sessions.find((s) => s._id === id);
  if (!found) throw new Error(`no session ${id} in the dataset`);
  return found;
}

/** The session's VEVENT as ical.js reads it from a one-session file. */
function parsedEvent(ics: string): ICAL.Event {
  const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return new ICAL.Event(vevent);
}

/** Content lines with folding undone (RFC 5545 §3.1). */
function unfolded(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

describe('sessionUid', () => {
  it('comes from the document id alone, so every language gives the same UID', async () => {
    const [en, pt] = await Promise.all([loadSite('en', source), loadSite('pt', source)]);
    for (const s of site.sessions) {
      expect(sessionUid(s)).toBe(`${s._id}@seminario-taller-css.pifcss`);
      expect(sessionUid(en.sessions.find((x) => x._id === s._id)!)).toBe(sessionUid(s));
      expect(sessionUid(pt.sessions.find((x) => x._id === s._id)!)).toBe(sessionUid(s));
    }
  });

  it('replaces characters that have no place in a UID', () => {
    expect(sessionUid({ _id: 'drafts.mesa 1/b;c' })).toBe('drafts.mesa_1_b_c@seminario-taller-css.pifcss');
  });

  it('is what the file writes, and the file is the same on every call', () => {
    const opening = session('session-inauguracion');
    const ics = calendarFile([opening], site, 'es', ORIGIN, 'Inauguración');
    expect(parsedEvent(ics).uid).toBe(sessionUid(opening));
    expect(calendarFile([opening], site, 'es', ORIGIN, 'Inauguración')).toBe(ics);
  });
});

describe('calendarFile', () => {
  it('writes a calendar with CRLF lines of at most 75 octets and the required properties', () => {
    const ics = calendarFile(site.sessions, site, 'es', ORIGIN, 'Seminario-Taller CSS');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(utf8(line), line).toBeLessThanOrEqual(75);
    const lines = unfolded(ics);
    expect(lines).toContain('PRODID:-//PIFCSS//Seminario-Taller CSS//ES');
    expect(lines).toContain('X-WR-CALNAME:Seminario-Taller CSS');
    expect(lines).toContain('X-WR-TIMEZONE:America/Guatemala');
    // Calendar properties come before the first event.
    expect(lines.indexOf('X-WR-TIMEZONE:America/Guatemala')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(site.sessions.length);
  });

  it('writes every session at its instant in UTC, as the dataset gives it', () => {
    const lines = unfolded(calendarFile(site.sessions, site, 'es', ORIGIN, 'Seminario-Taller CSS'));
    for (const expected of dataset.sessions) {
      const at = lines.indexOf(`UID:${expected.id}@seminario-taller-css.pifcss`);
      expect(at, expected.id).toBeGreaterThan(0);
      const event = lines.slice(at, lines.indexOf('END:VEVENT', at));
      expect(event, expected.id).toContain(`DTSTART:${icsUtc(expected.startsAt)}`);
      expect(event, expected.id).toContain(`DTEND:${icsUtc(expected.endsAt)}`);
    }
    expect(lines).toContain('DTSTART:20201026T150000Z');
  });

  it('takes DTSTAMP and LAST-MODIFIED from the document, not the clock', () => {
    const lines = unfolded(calendarFile([session('session-inauguracion')], site, 'es', ORIGIN, 'x'));
    expect(lines).toContain('DTSTAMP:20201001T120000Z');
    expect(lines).toContain('LAST-MODIFIED:20201001T120000Z');
  });

  it('escapes commas, semicolons, backslashes and line breaks in titles, and a parser reads them back', () => {
    const title = 'Mesa 1, parte A; coordinación\nsegunda línea \\ fin\r\ntercera';
    const tricky: Session = { ...session('session-mesa-de-reflexion-1'), title: { text: title, lang: 'es' } };
    const ics = calendarFile([tricky], site, 'es', ORIGIN, title);
    const lines = unfolded(ics);
    expect(lines).toContain('SUMMARY:Mesa 1\\, parte A\\; coordinación\\nsegunda línea \\\\ fin\\ntercera');
    expect(lines).toContain('X-WR-CALNAME:Mesa 1\\, parte A\\; coordinación\\nsegunda línea \\\\ fin\\ntercera');
    const read = 'Mesa 1, parte A; coordinación\nsegunda línea \\ fin\ntercera';
    expect(parsedEvent(ics).summary).toBe(read);
    // RFC 5545 §3.8.8.2 makes TEXT the default value type of X- properties; ical.js leaves unknown
    // ones raw unless told, so it is told here for the one this file writes.
    const design = ICAL.design.icalendar.property as Record<string, { defaultType: string }>;
    design['x-wr-calname'] ??= { defaultType: 'text' };
    expect(new ICAL.Component(ICAL.parse(ics)).getFirstPropertyValue('x-wr-calname')).toBe(read);
  });

  it('escapes commas and semicolons in descriptions, and a parser reads the description back whole', () => {
    const mesa = session('session-mesa-de-reflexion-1');
    const ics = calendarFile([mesa], site, 'es', ORIGIN, 'x');
    expect(parsedEvent(ics).description).toBe(sessionPlainText(mesa, site, 'es', ORIGIN));
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds by octets, never inside a character or an escape, and unfolding gives the text back', () => {
    const title = `${'ñ'.repeat(40)}${'€'.repeat(30)}😀,;${'a'.repeat(71)}\\,`;
    const ics = calendarFile([{ ...session('session-inauguracion'), title: { text: title, lang: 'es' } }], site, 'es', ORIGIN, 'x');
    for (const line of ics.split('\r\n')) {
      expect(utf8(line)).toBeLessThanOrEqual(75);
      expect(line, 'a line ends inside an escape').not.toMatch(/(^|[^\\])(\\\\)*\\$/);
    }
    // Every physical line is whole UTF-8 on its own: re-encoding it loses nothing.
    const bytes = Buffer.from(ics, 'utf8');
    expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
    expect(parsedEvent(ics).summary).toBe(title);
  });

  it('removes the control characters RFC 5545 TEXT forbids, keeping line breaks and tabs', () => {
    const title = 'Mesa\u0007 uno\u000b\u001b[31m\tfin\u0000\u007f\nsegunda';
    const ics = calendarFile([{ ...session('session-inauguracion'), title: { text: title, lang: 'es' } }], site, 'es', ORIGIN, `x\u0007y`);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/(?!\t)\p{Cc}/u);
    expect(parsedEvent(ics).summary).toBe('Mesa uno[31m\tfin\nsegunda');
    expect(unfolded(ics)).toContain('X-WR-CALNAME:xy');
  });

  it('tells calendar apps how often to refresh a subscription file, and says nothing of it in a one-off file', () => {
    const subscribed = unfolded(calendarFile(site.sessions, site, 'es', ORIGIN, 'x', { subscription: true }));
    expect(subscribed).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT6H');
    expect(subscribed).toContain('X-PUBLISHED-TTL:PT6H');
    expect(subscribed.indexOf('X-PUBLISHED-TTL:PT6H')).toBeLessThan(subscribed.indexOf('BEGIN:VEVENT'));
    const once = unfolded(calendarFile(site.sessions, site, 'es', ORIGIN, 'x'));
    expect(once.filter((l) => /^(REFRESH-INTERVAL|X-PUBLISHED-TTL)\b/.test(l))).toEqual([]);
  });

  it('has parts that, joined for any subset of sessions, are the file of that subset', () => {
    const parts = calendarParts(site.sessions, site, 'es', ORIGIN, 'Mi programa');
    const subset = site.sessions.filter((_, i) => i % 2 === 1);
    expect(subset.length).toBeGreaterThan(1);
    const joined = parts.head + subset.map((s) => parts.events.get(s._id)).join('') + parts.tail;
    expect(joined).toBe(calendarFile(subset, site, 'es', ORIGIN, 'Mi programa'));
    expect(parts.head + parts.tail).toBe(calendarFile([], site, 'es', ORIGIN, 'Mi programa'));
  });

  it('names the event zones in the description, with the times in Guatemala and Peru', () => {
    const text = sessionPlainText(session('session-inauguracion'), site, 'es', ORIGIN);
    expect(text).toMatch(/^lunes, 26 de octubre de 2020\n9:00–9:20 Hora de Guatemala \(UTC−6\)\n10:00–10:20 Hora de Perú \(UTC−5\)\n/);
    expect(text).toContain('Bienvenida: Rita Mishaan, SEGEPLAN — Palabras de bienvenida');
    expect(text.endsWith(`${ORIGIN}programa/inauguracion/`)).toBe(true);
  });

  it('marks placeholders as to be confirmed', () => {
    expect(sessionPlainText(session('session-mesa-de-reflexion-1'), site, 'es', ORIGIN)).toMatch(/Panelista: .+ \(por confirmar\)/);
  });

  it('writes an event-less calendar that still parses', () => {
    const ics = calendarFile([], site, 'es', ORIGIN, 'Vacío');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//PIFCSS//Seminario-Taller CSS//ES');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('America/Guatemala');
  });
});

describe('participants-only sessions', () => {
  const join = 'https://meet.example.org/taller-privado';
  const stream = 'https://stream.example.org/taller-privado';
  const material = 'https://pifcss.example.org/material.pdf';
  // The content's links go through the same link policy as the build's (derive.ts).
  const withLinks = (s: Session): Session => {
    const links: Session['links'] = [
      { kind: 'join', url: join, label: null },
      { kind: 'stream', url: stream, label: null },
      { kind: 'material', url: material, label: null },
    ];
    const shownLinks = sessionShownLinks({ access: s.access, links }, s.dayAccess, site.event.links);
    return { ...s, links, shownLinks, liveUrl: liveUrlOf(shownLinks) };
  };

  it('say so in the description of every one of them', () => {
    const participants = site.sessions.filter((s) => s.access === 'participants');
    expect(participants.length).toBe(dataset.sessions.filter((s) => s.access === 'participants').length);
    for (const s of participants) {
      const description = parsedEvent(calendarFile([s], site, 'es', ORIGIN, 'x')).description;
      expect(description, s._id).toContain(t('es', 'session.participantsOnlyNote'));
      expect(description, s._id).toContain(t('es', 'access.participants'));
    }
  });

  it('never carry a join or stream link, in the file or the web links, even when the content has one', () => {
    const workshop = withLinks(session('session-espacio-interactivo-1'));
    const ics = calendarFile([workshop], site, 'es', ORIGIN, 'x');
    const web = webCalendarLinks(workshop, site, 'es', ORIGIN);
    for (const text of [ics, unfolded(ics).join('\n'), decodeURIComponent(web.google), decodeURIComponent(web.outlook)]) {
      expect(text).not.toContain('meet.example.org');
      expect(text).not.toContain('stream.example.org');
    }
    expect(unfolded(ics).some((l) => l.startsWith('LOCATION'))).toBe(false);
    expect(parsedEvent(ics).description).toContain(material);
  });

  it('while a public session shows its join link in the description and as location', () => {
    const mesa = withLinks(session('session-mesa-de-reflexion-1'));
    const event = parsedEvent(calendarFile([mesa], site, 'es', ORIGIN, 'x'));
    expect(event.location).toBe(join);
    expect(event.description).toContain(`${t('es', 'link.join')}: ${join}`);
    expect(new URL(webCalendarLinks(mesa, site, 'es', ORIGIN).google).searchParams.get('location')).toBe(join);
  });
});

describe('webCalendarLinks', () => {
  it("give Google and Outlook every session's UTC start and end from the dataset", () => {
    for (const expected of dataset.sessions) {
      const { google, outlook } = webCalendarLinks(session(expected.id), site, 'es', ORIGIN);
      const g = new URL(google);
      expect(g.origin + g.pathname).toBe('https://calendar.google.com/calendar/render');
      expect(g.searchParams.get('action')).toBe('TEMPLATE');
      expect(g.searchParams.get('dates'), expected.id).toBe(`${icsUtc(expected.startsAt)}/${icsUtc(expected.endsAt)}`);
      expect(g.searchParams.get('ctz')).toBe('America/Guatemala');
      const o = new URL(outlook);
      expect(o.searchParams.get('startdt'), expected.id).toBe(isoUtc(expected.startsAt));
      expect(o.searchParams.get('enddt'), expected.id).toBe(isoUtc(expected.endsAt));
    }
  });

  it('put the opening at 15:00–15:20 UTC with its title and the same text as the calendar file', () => {
    const opening = session('session-inauguracion');
    const { google, outlook } = webCalendarLinks(opening, site, 'es', ORIGIN);
    const g = new URL(google).searchParams;
    expect(g.get('dates')).toBe('20201026T150000Z/20201026T152000Z');
    expect(g.get('text')).toBe('Inauguración del encuentro');
    expect(g.get('details')).toBe(sessionPlainText(opening, site, 'es', ORIGIN));
    expect(new URL(outlook).searchParams.get('subject')).toBe('Inauguración del encuentro');
  });
});
