import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarFile } from '../../site/lib/calendar';
import { loadSite } from '../../site/lib/content/load';
import type { Site } from '../../site/lib/content/model';
import { ndjsonSource } from '../../site/lib/content/source';
import type { ElementTree } from '../../site/lib/my-programme-card';
import { myCalendarName, myProgrammeData } from '../../site/lib/my-programme-data';
import { zoneTimeLabel } from '../../site/lib/place-names';
import { rangeIn, rangeText } from '../../site/lib/time-display';
import { calendarOf } from '../../site/scripts/calendar-download';
import { seedDatasetFile } from '../support/ndjson';

const ORIGIN = 'https://seminario.example.org/';
const source = ndjsonSource(seedDatasetFile);

let site: Site;
beforeAll(async () => {
  site = await loadSite('en', source);
});

/** The text of a tree, as the browser's textContent reads it once built. */
function textOf(tree: ElementTree | string): string {
  return typeof tree === 'string'
    ? tree
    : tree
        .slice(2)
        .map((c) => textOf(c as ElementTree | string))
        .join('');
}

/** The card's time lines of the reference zones (`<p data-zone>`), with their text. */
function linesOf(tree: ElementTree): { zone: string; text: string }[] {
  const [, attributes, ...children] = tree;
  const own = attributes['data-zone'] ? [{ zone: attributes['data-zone'], text: textOf(tree) }] : [];
  return [...own, ...children.flatMap((c) => (typeof c === 'string' ? [] : linesOf(c)))];
}

/** Every VEVENT of a calendar text as ical.js reads it. */
function parsedEvents(ics: string): ICAL.Event[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('My programme data (my-programme.json)', () => {
  it('assembles, for any starred subset, the calendar the build writes for that subset, byte for byte', () => {
    const data = myProgrammeData(site, 'en', ORIGIN);
    const picked = [site.sessions[0]!, site.sessions.at(-1)!, site.sessions[3]!].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const mine = data.sessions.filter((s) => picked.some((p) => p._id === s.id));
    expect(mine.map((s) => s.id)).toEqual(picked.map((p) => p._id));
    expect(calendarOf(data, mine)).toBe(calendarFile(picked, site, 'en', ORIGIN, myCalendarName(site, 'en')));
  });

  it('gives a calendar a parser reads back: UTC instants, the event status, every title and description intact', () => {
    // A title that needs every TEXT escape and a fold, to see the pieces survive being joined.
    const tricky = 'Costs, risks; and a back\\slash — “quoted” ñandú, long enough to be folded across more than one line of the file';
    // Tentative whatever the seed says, so STATUS:TENTATIVE is what is checked.
    const edited: Site = {
      ...site,
      event: { ...site.event, status: 'tentative' },
      sessions: site.sessions.map((s, i) => (i === 1 ? { ...s, title: { ...s.title, text: tricky } } : s)),
    };
    const data = myProgrammeData(edited, 'en', ORIGIN);
    const mine = data.sessions.slice(0, 3);
    const ics = calendarOf(data, mine);
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    const events = parsedEvents(ics);
    expect(events.map((e) => e.uid)).toEqual(mine.map((s) => `${s.id}@seminario-taller-css.pifcss`));
    for (const [i, event] of events.entries()) {
      const session = edited.sessions[i]!;
      expect(event.summary).toBe(session.title.text);
      expect(event.startDate.toJSDate().toISOString()).toBe(session.startsAt.toISOString());
      expect(event.endDate.toJSDate().toISOString()).toBe(session.endsAt.toISOString());
      expect(event.startDate.toString()).toMatch(/Z$/);
      expect(event.endDate.toString()).toMatch(/Z$/);
      expect(event.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    }
    expect(events[1]?.summary).toBe(tricky);
    // Confirmed, the same pieces say so.
    const confirmed = myProgrammeData({ ...edited, event: { ...edited.event, status: 'confirmed' } }, 'en', ORIGIN);
    expect(parsedEvents(calendarOf(confirmed, confirmed.sessions.slice(0, 1)))[0]?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(ics).toMatch(/^DTSTART:\d{8}T\d{6}Z\r$/m);
  });

  it("writes each card's times as the built cards do, and lists the days that have sessions", () => {
    const data = myProgrammeData(site, 'en', ORIGIN);
    for (const [i, s] of site.sessions.entries()) {
      const entry = data.sessions[i]!;
      // The card's line of each reference zone, read as text (the reader's own line is empty until the browser fills it).
      const lines = linesOf(entry.card);
      expect(lines.map((l) => l.zone)).toEqual(site.zones);
      site.zones.forEach((zone, z) => {
        const label = zoneTimeLabel(zone, 'en');
        expect(lines[z]?.text).toBe(rangeText(rangeIn(s.startsAt, s.endsAt, s.date, zone, 'en'), label));
      });
    }
    expect(data.days.map((d) => d.date)).toEqual(site.days.filter((d) => d.sessions.length).map((d) => d.date));
  });

  it('lists the sessions in the order they start, whatever order the site gives, since the clash warning relies on it', () => {
    const startOrder = (ids: string[]) => ids.map((id) => site.sessions.find((s) => s._id === id)!.startsAt.getTime());
    const reversed = myProgrammeData({ ...site, sessions: [...site.sessions].reverse() }, 'en', ORIGIN);
    const starts = startOrder(reversed.sessions.map((s) => s.id));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(starts.length).toBe(site.sessions.length);
    // Starts differ across the seed, so reversed input out of order would show.
    expect(new Set(starts).size).toBeGreaterThan(1);
    // And the data file as published: the site's own order is start order already.
    expect(myProgrammeData(site, 'en', ORIGIN).sessions.map((s) => s.id)).toEqual(site.sessions.map((s) => s._id));
  });
});
