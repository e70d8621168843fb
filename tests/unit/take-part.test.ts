import { beforeAll, describe, expect, it } from 'vitest';
import { calendarFile, sessionPlainText } from '../../site/lib/calendar';
import { clashes } from '../../site/lib/clashes';
import { sessionShownLinks } from '../../site/lib/content/links';
import { loadSite } from '../../site/lib/content/load';
import type { Session, Site } from '../../site/lib/content/model';
import { ndjsonSource } from '../../site/lib/content/source';
import { takePartInDay, takePartInSession, takePartOnCard } from '../../site/lib/take-part';
import { seedDatasetFile } from '../support/ndjson';

const ORIGIN = 'https://seminario.example.org/';
let site: Site;
beforeAll(async () => {
  site = await loadSite('es', ndjsonSource(seedDatasetFile));
});

const registration = { _key: 'r', kind: 'registration' as const, url: 'https://example.org/inscripcion', label: null };
const joinText = { text: 'El enlace se enviará el 23 de octubre.', lang: 'es' as const };
const day = (date: string) => site.days.find((d) => d.date === date)!;
const session = (id: string) => site.sessions.find((s) => s._id === id)!;
/** A session with other links of its own (and event links), shown as derive.ts would. */
const withLinks = (s: Session, links: Session['links'], eventLinks: Session['links'] = []): Session => ({
  ...s,
  links,
  shownLinks: sessionShownLinks({ ...s, links }, s.dayAccess, eventLinks),
});

describe('how to take part in a day', () => {
  it('promises the link on a public day and the e-mail on a participants-only day when nothing is written', () => {
    expect(site.days.map((d) => [d.access, takePartInDay(site, d)])).toEqual([
      ['public', { kind: 'default', key: 'takePart.linkComing' }],
      ['participants', { kind: 'default', key: 'takePart.byEmail' }],
      ['participants', { kind: 'default', key: 'takePart.byEmail' }],
    ]);
  });

  it('uses the organisers\u2019 text for the day when there is one', () => {
    const withText = { ...site, days: site.days.map((d) => ({ ...d, joinInfo: joinText })) };
    for (const d of withText.days) expect(takePartInDay(withText, d)).toEqual({ kind: 'text', text: joinText });
  });

  it('offers the event\u2019s registration link on public days only', () => {
    const withLink = { ...site, publicLinks: [registration] };
    expect(takePartInDay(withLink, day('2020-10-26'))).toEqual({ kind: 'links', links: [registration] });
    expect(takePartInDay(withLink, day('2020-10-28'))).toEqual({ kind: 'default', key: 'takePart.byEmail' });
  });
});

describe('how to take part in a session', () => {
  it('follows its day when it has no link of its own', () => {
    expect(takePartInSession(site, session('session-inauguracion'))).toEqual({ kind: 'default', key: 'takePart.linkComing' });
    expect(takePartInSession(site, session('session-espacio-interactivo-1'))).toEqual({ kind: 'default', key: 'takePart.byEmail' });
    const withText = { ...site, days: site.days.map((d) => ({ ...d, joinInfo: joinText })) };
    expect(takePartInSession(withText, session('session-espacio-interactivo-1'))).toEqual({ kind: 'text', text: joinText });
  });

  it('links its language channels when they are its way in, and its join link before them', () => {
    const channels = [{ _key: 'c', language: 'pt', url: 'https://example.org/canal-pt', label: null }];
    const followed = { ...session('session-inauguracion'), channels };
    expect(takePartInSession(site, followed)).toEqual({ kind: 'channels', channels });
    const join = { _key: 'j', kind: 'join' as const, url: 'https://example.org/sala', label: null };
    expect(takePartInSession(site, { ...withLinks(followed, [join]), channels })).toEqual({ kind: 'links', links: [join] });
  });

  it('shows a public session\u2019s own join link, but never one on a participants-only session', () => {
    const join = { _key: 'j', kind: 'join' as const, url: 'https://example.org/sala', label: null };
    const open = withLinks(session('session-inauguracion'), [join]);
    expect(takePartInSession(site, open)).toEqual({ kind: 'links', links: [join] });
    const closed = withLinks(session('session-espacio-interactivo-1'), [join]);
    expect(takePartInSession(site, closed)).toEqual({ kind: 'default', key: 'takePart.byEmail' });
  });
});

describe('the programme status in calendars', () => {
  it('is TENTATIVE while the event is tentative (the seed) and CONFIRMED once an editor says so', () => {
    expect(site.event.status).toBe('tentative');
    const tentative = calendarFile(site.sessions, site, 'es', ORIGIN, 'x');
    expect(tentative.match(/^STATUS:.*$/gm)).toEqual(site.sessions.map(() => 'STATUS:TENTATIVE'));
    const confirmed = calendarFile(site.sessions, { ...site, event: { ...site.event, status: 'confirmed' } }, 'es', ORIGIN, 'x');
    expect(confirmed).not.toContain('STATUS:TENTATIVE');
    expect(confirmed.match(/^STATUS:CONFIRMED$/gm)).toHaveLength(site.sessions.length);
  });

  it('starts each description with the session\u2019s date', () => {
    expect(sessionPlainText(session('session-inauguracion'), site, 'es', ORIGIN).split('\n')[0]).toBe('lunes, 26 de octubre de 2020');
    expect(sessionPlainText(session('session-espacio-interactivo-4'), site, 'en', ORIGIN).split('\n')[0]).toMatch(/^Friday,? 30 October 2020$/);
  });
});

describe('clashes between starred sessions', () => {
  it('pairs every two sessions that overlap, and no two that only touch', () => {
    const at = (id: string, start: number, end: number) => ({ id, start, end });
    expect(clashes([at('a', 0, 10), at('b', 10, 20)])).toEqual([]);
    expect(clashes([at('a', 0, 10), at('b', 5, 15), at('c', 9, 12), at('d', 30, 40)])).toEqual([
      { first: 'a', second: 'b' },
      { first: 'a', second: 'c' },
      { first: 'b', second: 'c' },
    ]);
  });

  it('names each pair in the order the sessions are given (My programme gives them in the order they start), and finds it in any order', () => {
    const at = (id: string, start: number, end: number) => ({ id, start, end });
    expect(clashes([at('b', 5, 15), at('a', 0, 10)])).toEqual([{ first: 'b', second: 'a' }]);
    // A short session given before a long one around it, and one after both that touches neither.
    expect(clashes([at('short', 4, 6), at('long', 0, 10), at('later', 10, 12)])).toEqual([{ first: 'short', second: 'long' }]);
  });

  it('finds the two Mesas de reflexión of the seed, written for the same slot', () => {
    const mesas = ['session-mesa-de-reflexion-1', 'session-mesa-de-reflexion-2', 'session-inauguracion'].map((id) => {
      const s = session(id);
      return { id, start: s.startsAt.getTime(), end: s.endsAt.getTime() };
    });
    expect(clashes(mesas)).toEqual([{ first: 'session-mesa-de-reflexion-1', second: 'session-mesa-de-reflexion-2' }]);
  });
});

describe('a session card in the programme', () => {
  it('adds nothing when the day\u2019s line says it all, and the session\u2019s own join link when it has one', async () => {
    expect(site.sessions.map((s) => takePartOnCard(s))).toEqual(site.sessions.map(() => null));
    const join = { _key: 'j', kind: 'join' as const, url: 'https://example.org/sala-mesa-1', label: null };
    expect(takePartOnCard(withLinks(session('session-mesa-de-reflexion-1'), [join]))).toEqual({ kind: 'links', links: [join] });
    expect(takePartOnCard(withLinks(session('session-espacio-interactivo-1'), [join]))).toBeNull();
    // The event's registration link is the day's, not the card's.
    expect(takePartOnCard(withLinks(session('session-mesa-de-reflexion-1'), [], [registration]))).toBeNull();
  });
});
