import { type EventAttributes, createEvents } from 'ics';
import { toIsoUtc } from '../../content-models/time';
import { t } from '../i18n';
import type { Session, Site } from './content/load';
import { type Lang, filePath, pagePath } from './routes';
import { displayZones, rangeIn } from './time-display';

/**
 * Calendar files (RFC 5545) and "add to calendar" links, all made at build time. Times are UTC
 * instants (DTSTART:…Z), so every calendar app places them right whatever its own zone; the
 * description names the organisers' zones in words. UIDs come from the document id alone, so the
 * same session has the same UID in every file and language, and re-importing updates it.
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

/** Plain-text summary of a session for calendars: times in the event's zones, access, objective, questions, page. */
export function sessionPlainText(session: Session, site: Site, lang: Lang, origin: string): string {
  const times = displayZones(site.event)
    .map((zone) => {
      const r = rangeIn(session.startsAt, session.endsAt, session.date, zone, lang);
      return `${t(lang, 'time.zoneLabel', { zone: r.label })}: ${r.start}–${r.end}${r.startDate ? ` (${r.startDate})` : ''}`;
    })
    .join('\n');
  const parts = [times, `${t(lang, `kind.${session.kind}`)} · ${t(lang, `access.${session.access}`)}`];
  if (session.access === 'participants') parts.push(t(lang, 'session.participantsOnlyNote'));
  if (session.objective) parts.push(`${t(lang, 'session.objective')}: ${session.objective.text}`);
  if (session.questions.length) parts.push(`${t(lang, 'session.questions')}:\n${session.questions.map((q, i) => `${i + 1}. ${q.text}`).join('\n')}`);
  parts.push(new URL(pagePath('session', lang, session.slug), origin).href);
  return parts.join('\n\n');
}

function toEvent(session: Session, site: Site, lang: Lang, origin: string): EventAttributes {
  const stamp = session._updatedAt ? Date.parse(session._updatedAt) : Number.NaN;
  const event: EventAttributes & { timestamp?: number } = {
    uid: sessionUid(session),
    start: session.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: session.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: session.title.text,
    description: sessionPlainText(session, site, lang, origin),
    url: new URL(pagePath('session', lang, session.slug), origin).href,
    categories: [t(lang, `kind.${session.kind}`)],
    status: 'CONFIRMED',
    classification: 'PUBLIC',
    productId: '-//PIFCSS//Seminario-Taller CSS//ES',
    // DTSTAMP from the content, not the clock, so two builds of the same content are identical.
    timestamp: Number.isNaN(stamp) ? session.startsAt.getTime() : stamp,
  };
  return event;
}

/** An .ics file with the given sessions (an empty calendar is still a valid file). */
export function calendarFile(sessions: Session[], site: Site, lang: Lang, origin: string, name: string): string {
  const events = sessions.map((s) => toEvent(s, site, lang, origin));
  if (events.length === 0) {
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//PIFCSS//Seminario-Taller CSS//ES', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${escapeText(name)}`, 'END:VCALENDAR', ''].join('\r\n');
  }
  const { error, value } = createEvents(events, { productId: '-//PIFCSS//Seminario-Taller CSS//ES', calName: name });
  if (error || !value) throw new Error(`Could not write the calendar "${name}": ${error?.message ?? 'no output'}`);
  return value;
}

function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** Google Calendar and Outlook web links for one session. */
export function webCalendarLinks(session: Session, site: Site, lang: Lang, origin: string): { google: string; outlook: string } {
  const compact = (d: Date) => toIsoUtc(d).replace(/[-:]/g, '');
  const details = sessionPlainText(session, site, lang, origin);
  const google = new URL('https://calendar.google.com/calendar/render');
  google.search = new URLSearchParams({
    action: 'TEMPLATE',
    text: session.title.text,
    dates: `${compact(session.startsAt)}/${compact(session.endsAt)}`,
    details,
    ctz: site.event.timeZone,
  }).toString();
  const outlook = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  outlook.search = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: session.title.text,
    startdt: toIsoUtc(session.startsAt),
    enddt: toIsoUtc(session.endsAt),
    body: details,
  }).toString();
  return { google: google.href, outlook: outlook.href };
}
