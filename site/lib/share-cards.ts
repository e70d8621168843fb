import { type Lang, pagePath } from '../../content-models/routes';
import { formatDate } from '../../content-models/time';
import { t } from '../i18n';
import type { Session, Site, Speaker } from './content/model';
import { initials } from './initials';
import { allPages, type PageEntry } from './pages';
import { zoneTimeLabel } from './place-names';
import { SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH, type ShareCard, type ShareCardFact } from './share-card';
import { dayLabel, intlLocale, rangeIn } from './time-display';

/**
 * Which share cards exist and what each says. The home page, every session and every speaker has
 * its own card in each language; the other pages (programme, speakers, concept note) share their
 * language's home card. The text comes from the same content and interface strings as the pages,
 * so a card never says something its page does not.
 */

/** The pages that have a card of their own. */
export type CardEntry = Extract<PageEntry, { kind: 'session' | 'speaker' }> | { kind: 'home'; lang: Lang; path: string };

function hasOwnCard(entry: PageEntry): entry is CardEntry {
  return entry.kind === 'home' || entry.kind === 'session' || entry.kind === 'speaker';
}

/** The home page of the entry's language, whose card the pages without their own use. */
function homeEntry(lang: Lang): CardEntry {
  return { kind: 'home', lang, path: pagePath('home', lang) };
}

/**
 * Where a page's card is published: `/og/<lang>/` followed by the page's path without its language
 * prefix, `index` for the home page. Pages without a card of their own get the home card's path.
 * @example shareCardPath({ kind: 'session', lang: 'en', path: '/en/programme/mesa-de-reflexion-1/', … }) // '/og/en/programme/mesa-de-reflexion-1.png'
 */
export function shareCardPath(entry: PageEntry): string {
  const own = hasOwnCard(entry) ? entry : homeEntry(entry.lang);
  const rest = own.path.slice(pagePath('home', own.lang).length).replace(/\/$/, '');
  return `/og/${own.lang}/${rest || 'index'}.png`;
}

/** What the layout needs to announce a page's card: its path, size and a text alternative. */
export interface ShareImage {
  path: string;
  width: number;
  height: number;
  alt: string;
}

/** The card announced by a page's Open Graph tags. */
export function shareImage(entry: PageEntry, site: Site): ShareImage {
  const own = hasOwnCard(entry) ? entry : homeEntry(entry.lang);
  return { path: shareCardPath(own), width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT, alt: shareCardAlt(shareCard(own, site)) };
}

/** Every card of the site in every language, for the endpoint that renders them. */
export async function allShareCards(): Promise<{ path: string; card: ShareCard }[]> {
  const pages = await allPages();
  return pages.flatMap(({ entry, site }) => (hasOwnCard(entry) ? [{ path: shareCardPath(entry), card: shareCard(entry, site) }] : []));
}

/** What a page's card shows, in the page's language. */
export function shareCard(entry: CardEntry, site: Site): ShareCard {
  const { lang } = entry;
  const { event } = site;
  const base = { brand: event.shortName?.text ?? event.name.text, organizer: event.organizer?.acronym ?? event.organizer?.name.text ?? null };
  switch (entry.kind) {
    case 'home':
      return {
        ...base,
        eyebrow: event.kicker?.text ?? (event.modality ? t(lang, `modality.${event.modality}`) : null),
        title: event.name.text,
        facts: dayFacts(site, lang),
      };
    case 'session':
      return { ...base, ...sessionCard(entry.session, site, lang) };
    case 'speaker':
      return { ...base, ...speakerCard(entry.speaker, site, lang) };
  }
}

function sessionCard(session: Session, site: Site, lang: Lang): Omit<ShareCard, 'brand'> {
  const zones = site.zones;
  // The band holds three facts: past that, two zones and a count of the others, never a silent cut.
  const shown = zones.length > MAX_FACTS ? zones.slice(0, MAX_FACTS - 1) : zones;
  const facts = shown.map((zone) => timeFact(session, zone, lang, false));
  if (shown.length < zones.length) {
    const more = zones.length - shown.length;
    facts.push({ value: `+${more}`, label: t(lang, 'share.moreZones', { count: more }) });
  }
  return {
    eyebrow: `${t(lang, `kind.${session.kind}`)} · ${t(lang, `access.${session.access}`)}`,
    title: session.title.text,
    lines: [dayLabel(session.date, lang)],
    facts,
  };
}

const MAX_FACTS = 3;

/**
 * A session's time in one zone as a card fact: the times as the value; the zone, its offset (each
 * end's when they differ) and, when either end is on another day than the session's, both days.
 */
function timeFact(session: Session, zone: string, lang: Lang, withDay: boolean): ShareCardFact {
  const r = rangeIn(session.startsAt, session.endsAt, session.date, zone, lang);
  const days = r.startDate || r.endDate ? `${r.startDate ?? shortDay(session.date, lang)}${r.endDate ? ` – ${r.endDate}` : ''}` : null;
  const label = [withDay && !days ? shortDay(session.date, lang) : null, zoneTimeLabel(zone, lang), r.offset ?? `${r.startOffset} – ${r.endOffset}`, days]
    .filter(Boolean)
    .join(' · ');
  return { value: `${r.start}–${r.end}`, label };
}

function speakerCard(speaker: Speaker, site: Site, lang: Lang): Omit<ShareCard, 'brand'> {
  const institution = speaker.institution;
  const facts = speaker.sessions.map(({ session }): ShareCardFact => timeFact(session, site.event.timeZone, lang, true));
  return {
    // One person: the singular («Ponente»), not the speakers page's title («Ponentes»).
    eyebrow: t(lang, 'speakers.one'),
    title: speaker.name,
    monogram: initials(speaker.name),
    lines: [speaker.position?.text, institution && (institution.acronym ? `${institution.name.text} (${institution.acronym})` : institution.name.text)].filter(
      (line): line is string => !!line,
    ),
    // Someone not yet in any session still gets the event's days.
    facts: facts.length ? facts : dayFacts(site, lang),
  };
}

/** Each day of the event and who may attend it. */
function dayFacts(site: Site, lang: Lang): ShareCardFact[] {
  return site.days.map((day) => ({ value: shortDay(day.date, lang), label: t(lang, `access.${day.access}`) }));
}

/** @example shortDay('2020-10-26', 'es') // 'lun, 26 oct' */
function shortDay(date: string, lang: Lang): string {
  return formatDate(new Date(`${date}T12:00:00Z`), 'UTC', intlLocale[lang], 'short');
}

/**
 * The card's text in reading order, for `og:image:alt`: what a screen reader user of a link
 * preview should hear instead of the picture.
 */
export function shareCardAlt(card: ShareCard): string {
  const parts = [card.eyebrow, card.title, ...(card.lines ?? []), ...card.facts.slice(0, 3).map((f) => `${f.value} (${f.label})`)];
  return parts
    .filter((part): part is string => !!part)
    .map((part) => part.trim().replace(/[.:;,]$/, ''))
    .join('. ');
}
