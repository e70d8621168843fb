import ical, { type ICalCalendar, type ICalEvent, ICalEventClass, ICalEventStatus } from 'ical-generator';
import { locale } from '../../content-models/locales';
import { filePath, type Lang, pagePath } from '../../content-models/routes';
import { toIsoUtc } from '../../content-models/time';
import { t } from '../i18n';
import type { Session, Site } from './content/model';
import { institutionAfterPosition, placeholderSaysToBeConfirmed } from './copy';
import { channelEntries, languageLine } from './language-line';
import { fileFacts, type Material } from './materials';
import { zoneTimeLabel } from './place-names';
import { recordingTitle } from './recordings';
import { dayLabel, rangeIn, rangeText } from './time-display';

/**
 * Calendar files (RFC 5545) and "add to calendar" links, all made at build time.
 *
 * - Times are UTC instants (`DTSTART:20201026T150000Z`), so every calendar app places them right
 *   whatever its own zone, and no VTIMEZONE has to be shipped. The event's zone is named twice: in
 *   `X-WR-TIMEZONE` (the de-facto calendar property Apple and Google read to label a subscribed
 *   calendar; with `Z` times it changes no instant) and, for people, in each DESCRIPTION, which
 *   starts with the times in Guatemala and Peru, written as on the pages (time-display.ts).
 * - A session's VEVENT is the same in every file of a language (session, day, speaker, whole event),
 *   and its UID comes from the document id alone, so it is the same in every file and language:
 *   importing a second file updates the entry instead of duplicating it.
 * - DTSTAMP and LAST-MODIFIED come from the document's `_updatedAt`, never the clock, so two builds
 *   of the same content are byte-identical.
 * - A participants-only session says so in its description and carries no join or stream link
 *   (see `content/links.ts`): the files are public, and the access link is sent to registered
 *   participants by e-mail.
 * - Subscription files (the whole event, each day, each speaker) carry `REFRESH-INTERVAL` and
 *   `X-PUBLISHED-TTL`, so a subscribed calendar picks up programme changes the same day.
 *
 * ical-generator writes the files. What it lacks is kept here, each piece tested in
 * tests/unit/calendar.test.ts: it writes the calendar name unescaped (escaped before it is handed
 * over); it passes control characters through, which TEXT forbids (removed); it folds between a
 * backslash and the character it escapes (refolded, see `foldLines`); and it writes calendar-level
 * custom properties after the events, where RFC 5545's grammar has none (see `calendarPieces`).
 */

const UID_DOMAIN = 'seminario-taller-css.pifcss';

/** @example sessionUid({ _id: 'session-apertura' }) // 'session-apertura@seminario-taller-css.pifcss' */
export function sessionUid(session: Pick<Session, '_id'>): string {
  return `${session._id.replace(/[^A-Za-z0-9._-]/g, '_')}@${UID_DOMAIN}`;
}

/** Where a calendar file is published. */
export const calendarFiles = {
  event: (lang: Lang) => filePath(lang, 'ics/evento.ics'),
  day: (lang: Lang, date: string) => filePath(lang, `ics/dia-${date}.ics`),
  session: (lang: Lang, slug: string) => filePath(lang, `ics/sesion-${slug}.ics`),
  speaker: (lang: Lang, slug: string) => filePath(lang, `ics/ponente-${slug}.ics`),
};

/**
 * One line per participant, as on the session page: role, name, institution, topic; placeholders
 * say they are to be confirmed.
 * @example participantLines(opening, 'es')[0] // 'Bienvenida: Rita Mishaan, SEGEPLAN — Palabras de bienvenida'
 */
export function participantLines(session: Session, lang: Lang): string[] {
  return session.participants.map((p) => {
    const institution = p.speaker ? institutionAfterPosition(null, p.speaker.institution) : null;
    const label = p.placeholder?.text ?? '';
    const who = p.speaker
      ? [p.speaker.name, institution].filter(Boolean).join(', ')
      : placeholderSaysToBeConfirmed(p.placeholder, lang)
        ? label
        : `${label} (${t(lang, 'session.toBeConfirmed')})`;
    return `${t(lang, `role.${p.role}`)}: ${who}${p.topic ? ` — ${p.topic.text}` : ''}`;
  });
}

/**
 * Plain-text summary of a session for calendars and web links: its date, its times in the event's zones
 * (named, with their UTC offsets), type and access, the participants-only note, objective, guiding
 * questions, participants, shareable links and the page's address.
 */
export function sessionPlainText(session: Session, site: Site, lang: Lang, origin: string): string {
  // The same line as on the pages: each end with its own offset across a change, every other day said.
  const times = site.zones
    .map((zone) => {
      const r = rangeIn(session.startsAt, session.endsAt, session.date, zone, lang);
      return rangeText(r, zoneTimeLabel(zone, lang));
    })
    .join('\n');
  const languages = languageLine(session, lang);
  // The date first: a calendar app shows the description on its own, away from its day.
  const parts = [
    `${dayLabel(session.date, lang)}\n${times}`,
    `${t(lang, `kind.${session.kind}`)} · ${t(lang, `access.${session.access}`)}${languages ? `\n${t(lang, 'session.language')}: ${languages}` : ''}`,
  ];
  if (session.access === 'participants') parts.push(t(lang, 'session.participantsOnlyNote'));
  if (session.objective) parts.push(`${t(lang, 'session.objective')}: ${session.objective.text}`);
  if (session.questions.length) parts.push(`${t(lang, 'session.questions')}:\n${session.questions.map((q, i) => `${i + 1}. ${q.text}`).join('\n')}`);
  const people = participantLines(session, lang);
  if (people.length) parts.push(`${t(lang, 'session.participants')}:\n${people.join('\n')}`);
  // The session's links, its channels per language, then Q&A and feedback (issue #20: a calendar
  // entry is read around the session's time), each as "title: address".
  const links = [
    ...session.shownLinks.map((l) => ({ title: l.label?.text ?? t(lang, `link.${l.kind}`), url: l.url })),
    ...channelEntries(session, lang),
    ...(session.qaUrl ? [{ title: t(lang, 'phase.qa'), url: session.qaUrl }] : []),
    ...(session.feedbackUrl ? [{ title: t(lang, 'phase.feedback'), url: session.feedbackUrl }] : []),
  ];
  if (links.length) parts.push(`${t(lang, 'session.links')}:\n${links.map((l) => `${l.title}: ${l.url}`).join('\n')}`);
  if (session.recordings.length)
    parts.push(`${t(lang, 'phase.recordings')}:\n${session.recordings.map((r) => `${recordingTitle(r, lang)}: ${r.url}`).join('\n')}`);
  // Issue #20: materials, with their type and size, at their public address.
  const files = session.materials.map((m) => `${m.title.text}${materialFacts(m, lang)}: ${new URL(m.href, origin).href}`);
  if (files.length) parts.push(`${t(lang, 'session.materials')}:\n${files.join('\n')}`);
  parts.push(sessionUrl(session, lang, origin));
  return parts.join('\n\n');
}

function materialFacts(m: Material, lang: Lang): string {
  const facts = fileFacts(m, locale(lang).intl);
  return facts ? ` (${facts})` : '';
}

function sessionUrl(session: Session, lang: Lang, origin: string): string {
  return new URL(pagePath('session', lang, session.slug), origin).href;
}

/**
 * Google Calendar and Outlook web links for one session: UTC start and end, the same text as the
 * calendar files, and the live link as location when the session is public and has one. Google is
 * also told the event's zone (`ctz`), which it shows in the event; it changes no instant.
 */
export function webCalendarLinks(session: Session, site: Site, lang: Lang, origin: string): { google: string; outlook: string } {
  const compact = (d: Date) => toIsoUtc(d).replace(/[-:]/g, '');
  const details = sessionPlainText(session, site, lang, origin);
  const location = session.liveUrl;
  const google = new URL('https://calendar.google.com/calendar/render');
  google.search = new URLSearchParams({
    action: 'TEMPLATE',
    text: session.title.text,
    dates: `${compact(session.startsAt)}/${compact(session.endsAt)}`,
    details,
    ctz: site.event.timeZone,
    ...(location ? { location } : {}),
  }).toString();
  const outlook = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  outlook.search = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: session.title.text,
    startdt: toIsoUtc(session.startsAt),
    enddt: toIsoUtc(session.endsAt),
    body: details,
    ...(location ? { location } : {}),
  }).toString();
  return { google: google.href, outlook: outlook.href };
}

/** How often a subscribed calendar app should fetch a subscription file again. */
const SUBSCRIPTION_REFRESH_SECONDS = 6 * 60 * 60;

/** How a calendar file is published. */
export interface CalendarOptions {
  /** A file people subscribe to (whole event, day, speaker): it tells apps how often to refresh it. */
  subscription?: boolean;
}

/**
 * Text as RFC 5545 TEXT may hold it: line breaks as `\n` only and no other control characters,
 * which the grammar forbids and ical-generator passes through.
 */
function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/(?![\n\t])\p{Cc}/gu, '');
}

/** RFC 5545 §3.3.11 TEXT escaping, for the calendar name, which ical-generator writes as given. */
export function escapeText(value: string): string {
  return cleanText(value)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

function toEvent(calendar: ICalCalendar, session: Session, site: Site, lang: Lang, origin: string): ICalEvent {
  const updated = session._updatedAt ? Date.parse(session._updatedAt) : Number.NaN;
  return calendar.createEvent({
    id: sessionUid(session),
    // Dates and no time zone: ical-generator writes them as UTC instants (`…Z`).
    start: session.startsAt,
    end: session.endsAt,
    summary: cleanText(session.title.text),
    description: cleanText(sessionPlainText(session, site, lang, origin)),
    url: sessionUrl(session, lang, origin),
    categories: [{ name: cleanText(t(lang, `kind.${session.kind}`)) }],
    // The organisers' agenda is provisional until an editor marks it confirmed (RFC 5545 §3.8.1.11).
    status: site.event.status === 'confirmed' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
    class: ICalEventClass.PUBLIC,
    // DTSTAMP from the content, not the clock, so two builds of the same content are identical.
    stamp: Number.isNaN(updated) ? session.startsAt : new Date(updated),
    lastModified: Number.isNaN(updated) ? null : new Date(updated),
    location: session.liveUrl,
  });
}

/**
 * A calendar as its opening lines (up to the first event), one VEVENT block per session, and the
 * closing line, each already folded: joined in order they are the file. The calendar's own lines
 * are written before any event is added, because ical-generator puts custom calendar properties
 * (X-WR-TIMEZONE) after the events.
 */
function calendarPieces(sessions: Session[], site: Site, lang: Lang, origin: string, name: string, options: CalendarOptions) {
  const calendar = ical({
    prodId: { company: 'PIFCSS', product: 'Seminario-Taller CSS', language: lang.toUpperCase() },
    name: escapeText(name),
    ttl: options.subscription ? SUBSCRIPTION_REFRESH_SECONDS : null,
    // With `Z` times this labels the calendar and changes no instant (unlike the `timezone` option,
    // which writes local times with TZID).
    x: [['X-WR-TIMEZONE', site.event.timeZone]],
  });
  const head = unfoldLines(calendar.toString());
  const tail = head.pop();
  if (tail !== 'END:VCALENDAR') throw new Error(`Could not write the calendar "${name}": it does not end with END:VCALENDAR`);
  return {
    head: foldLines(head),
    events: sessions.map((s) => foldLines(unfoldLines(toEvent(calendar, s, site, lang, origin).toString()))),
    tail: foldLines([tail]),
  };
}

/**
 * An .ics file with the given sessions, in time order as given. `name` becomes X-WR-CALNAME.
 * With no sessions the file is a calendar with no events, which parsers accept though RFC 5545's
 * grammar wants one component; feeds.ts only publishes such a file for the whole event, whose link
 * is in every page's footer.
 */
export function calendarFile(sessions: Session[], site: Site, lang: Lang, origin: string, name: string, options: CalendarOptions = {}): string {
  const { head, events, tail } = calendarPieces(sessions, site, lang, origin, name, options);
  return head + events.join('') + tail;
}

/**
 * A calendar split into the text before the first event, each session's VEVENT block (by session
 * id) and the closing text, so the browser can assemble a file of any subset of sessions ("my
 * programme") that is byte-for-byte what `calendarFile` would write for that subset.
 */
export function calendarParts(
  sessions: Session[],
  site: Site,
  lang: Lang,
  origin: string,
  name: string,
): { head: string; events: Map<string, string>; tail: string } {
  const { head, events, tail } = calendarPieces(sessions, site, lang, origin, name, {});
  return { head, events: new Map(sessions.map((s, i) => [s._id, events[i]!])), tail };
}

/** Content lines of an iCalendar text, with folded lines joined (RFC 5545 §3.1). */
function unfoldLines(ics: string): string[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

const MAX_OCTETS = 75;

/**
 * Writes content lines with CRLF, folding each at 75 octets of UTF-8 (continuation lines start
 * with one space, which counts), never inside a character nor between a backslash and the
 * character it escapes: RFC 5545 allows that split, and ical-generator makes it, but naive readers
 * trip on it.
 */
export function foldLines(lines: string[]): string {
  return lines.map(foldLine).join('\r\n').concat('\r\n');
}

function foldLine(line: string): string {
  // Most lines fit: one native count instead of a walk through their characters.
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const pieces: string[] = [];
  let [start, octets, limit] = [0, 0, MAX_OCTETS];
  for (let i = 0; i < line.length; ) {
    // One unit that must not be split: a character (a surrogate pair is one), or a backslash and the character it escapes.
    let end = i;
    let size = 0;
    do {
      const code = line.codePointAt(end) as number;
      size += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      end += code > 0xffff ? 2 : 1;
    } while (end - 1 === i && line[i] === '\\' && end < line.length);
    if (octets + size > limit) {
      pieces.push(line.slice(start, i));
      [start, octets, limit] = [i, 0, MAX_OCTETS - 1];
    }
    octets += size;
    i = end;
  }
  pieces.push(line.slice(start));
  return pieces.join('\r\n ');
}
