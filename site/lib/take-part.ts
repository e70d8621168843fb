import type { Day, Localised, RawLink, Session, Site } from './content/model';

/**
 * "How do I take part?", answered for every day and every session: the registration, join or
 * stream links when there are some; otherwise the organisers' own words for the day; otherwise
 * what is true by default: on a public day the link will be published on the site, on a
 * participants-only day registered participants receive it by e-mail.
 */
export type TakePart =
  | { kind: 'links'; links: RawLink[] }
  | { kind: 'text'; text: Localised }
  // A session followed through its language channels (issue 20): they are the way in.
  | { kind: 'channels'; channels: Session['channels'] }
  | { kind: 'default'; key: 'takePart.linkComing' | 'takePart.byEmail' };

const ACCESS_KINDS: ReadonlySet<RawLink['kind']> = new Set(['registration', 'join', 'stream']);

function fallback(day: Day | undefined, access: 'public' | 'participants'): TakePart {
  if (day?.joinInfo) return { kind: 'text', text: day.joinInfo };
  return { kind: 'default', key: access === 'public' ? 'takePart.linkComing' : 'takePart.byEmail' };
}

/**
 * How to take part in a day: the event's public links on a public day, else the day's text.
 * @example takePartInDay(site, participantsDay) // { kind: 'default', key: 'takePart.byEmail' }
 */
export function takePartInDay(site: Site, day: Day): TakePart {
  const links = day.access === 'public' ? site.publicLinks : [];
  return links.length ? { kind: 'links', links } : fallback(day, day.access);
}

/**
 * How to take part in a session: the access links it may show (content/links.ts: never a join or
 * stream link on a participants-only session), else its language channels, else the day's text.
 */
export function takePartInSession(site: Site, session: Session): TakePart {
  const links = session.shownLinks.filter((l) => ACCESS_KINDS.has(l.kind));
  if (links.length) return { kind: 'links', links };
  // derive.ts keeps channels only where the session may show them, like join links.
  if (session.channels.length) return { kind: 'channels', channels: session.channels };
  const day = site.days.find((d) => d.date === session.date);
  // The day's own words speak for the day's audience; a session open to others gets the default.
  return fallback(day?.access === session.access ? day : undefined, session.access);
}

/**
 * What a session's card in a day's list adds to its day's line: the session's own access links,
 * when it has some it may show; null when the day's line already says it all.
 */
export function takePartOnCard(session: Session): TakePart | null {
  const own = new Set(session.links.map((l) => l.url));
  const links = session.shownLinks.filter((l) => ACCESS_KINDS.has(l.kind) && own.has(l.url));
  return links.length ? { kind: 'links', links } : null;
}
