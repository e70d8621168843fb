import { type Lang, pagePath } from '../../content-models/routes';
import { toIsoUtc } from '../../content-models/time';
import { t } from '../i18n';
import { calendarParts } from './calendar';
import type { Site } from './content/model';
import { institutionAfterPosition, placeholderSaysToBeConfirmed } from './copy';
import { languageLine } from './language-line';
import { type ElementTree, type MineCardText, mineCardTree, mineDayTree, type TimeLine } from './my-programme-card';
import { shareKeys } from './share-keys';
import { takePartOnCard } from './take-part';
import { dayLabel, rangeIn, rangePieces } from './time-display';

/**
 * `<prefix>my-programme.json`: what the My programme page needs to show any set of starred
 * sessions and write their calendar, in one small cacheable file per language, so the page itself
 * carries no copy of the programme and its HTML stays the same size however long the programme
 * grows. Every text is final (times in the event's zones as the cards write them, labels in the
 * page's language, each card as a tree of elements and text, each VEVENT exactly as the published
 * calendars have it), so the browser only builds elements and joins calendar pieces: no date library and no calendar
 * writer ship to the reader.
 */

/** A session as My programme needs it: what it is filed and compared by, its card, its calendar entry. */
export interface MineSession {
  id: string;
  date: string;
  /** UTC instants, as the cards' `data-start`/`data-end` and `<time datetime>`. */
  start: string;
  end: string;
  /** As the clash warning quotes it: the card's, without a closing full stop, which would end up inside the quotation marks. */
  title: string;
  /** The card, built in the browser without parsing markup (my-programme-card.ts). */
  card: ElementTree;
  /** The session's VEVENT block, folded, CRLF line ends. */
  ics: string;
  /** Its short key in a shared link (lib/share-keys.ts). */
  key: string;
}

export interface MineData {
  /** Each day with sessions, and its section (heading and empty list) for the starred cards. */
  days: { date: string; section: ElementTree }[];
  ics: { head: string; tail: string };
  /**
   * In the order they start: the browser keeps it (a starred subset is filtered, not sorted), and
   * the clash warning names each pair in it, the earlier first, with no sort shipped (clashes.ts).
   */
  sessions: MineSession[];
}

/** The calendar's name, as the download and X-WR-CALNAME give it. */
export function myCalendarName(site: Site, lang: Lang): string {
  return `${site.name} · ${t(lang, 'myProgramme.calendarName')}`;
}

/** Everything My programme shows, for one language. */
export function myProgrammeData(site: Site, lang: Lang, origin: string): MineData {
  const ics = calendarParts(site.sessions, site, lang, origin, myCalendarName(site, lang));
  const keys = shareKeys(site.sessions.map((s) => s._id));
  // The site's own order already (content/derive.ts); sorted here too, as this file promises it.
  const byStart = [...site.sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return {
    days: site.days.filter((d) => d.sessions.length > 0).map((d) => ({ date: d.date, section: mineDayTree(d.date, dayLabel(d.date, lang)) })),
    ics: { head: ics.head, tail: ics.tail },
    sessions: byStart.map((s): MineSession => {
      const languages = languageLine(s, lang);
      const takePart = takePartOnCard(s);
      const text: MineCardText = {
        id: s._id,
        date: s.date,
        start: toIsoUtc(s.startsAt),
        end: toIsoUtc(s.endsAt),
        url: pagePath('session', lang, s.slug),
        title: s.title.text,
        ...(s.title.lang !== lang ? { titleLang: s.title.lang } : {}),
        kind: s.kind,
        kindLabel: t(lang, `kind.${s.kind}`),
        access: s.access,
        accessLabel: t(lang, `access.${s.access}`),
        ...(languages ? { languages } : {}),
        times: site.zones.map((zone): TimeLine => {
          const r = rangeIn(s.startsAt, s.endsAt, s.date, zone, lang);
          const p = rangePieces(r);
          return [r.start, p.afterStart, p.separator, r.end, p.afterEnd, p.afterLabel];
        }),
        people: s.participants.map((p) => {
          const speaker = p.speaker;
          const role = `${t(lang, `role.${p.role}`)}:`;
          const topic = p.topic ? { topic: p.topic.text } : {};
          if (!speaker) {
            const label = p.placeholder?.text ?? '';
            return { role, name: placeholderSaysToBeConfirmed(p.placeholder, lang) ? label : `${label} (${t(lang, 'session.toBeConfirmed')})`, ...topic };
          }
          const rest = [speaker.position?.text, institutionAfterPosition(speaker.position?.text, speaker.institution)].filter(Boolean).join(', ');
          return { role, name: speaker.name, href: pagePath('speaker', lang, speaker.slug), ...(rest ? { rest: `, ${rest}` } : {}), ...topic };
        }),
        ...(takePart?.kind === 'links' ? { links: takePart.links.map((l) => [l.label?.text ?? t(lang, `link.${l.kind}`), l.url] as [string, string]) } : {}),
      };
      const { id, date, start, end, title } = text;
      return {
        id,
        date,
        start,
        end,
        title: title.trim().replace(/\.$/, ''),
        card: mineCardTree(text, site.zones, lang),
        ics: ics.events.get(s._id) ?? '',
        key: keys.get(s._id) ?? s._id,
      };
    }),
  };
}
