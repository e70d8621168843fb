/**
 * Which links the public site may show: one policy for the home page, session pages, calendars and
 * schedule.json, applied once in derive.ts.
 */

import type { RawSession } from '../../../content-models/result';
import { isSafeHref, LIVE_ACCESS_KINDS } from '../../../content-models/validation/links';
import { mayShowLiveLinks } from '../../../content-models/validation/privateLinks';
import type { RawLink } from './model';

/** Event links a public day offers: how to register, join and watch. */
const EVENT_LINK_KINDS: ReadonlySet<RawLink['kind']> = new Set(['registration', 'join', 'stream']);

/** The event's registration, join and stream links (safe ones only). */
export function eventPublicLinks(eventLinks: readonly RawLink[]): RawLink[] {
  return eventLinks.filter((l) => EVENT_LINK_KINDS.has(l.kind) && isSafeHref(l.url));
}

/**
 * The links a session may show: its own safe links, then the event's registration and live links
 * when the session and its day are open to the public. A participants-only session never shows a
 * join or stream link (validation already refuses them there; this is the second lock): its access
 * link is sent to registered participants by e-mail. A URL listed twice is kept once.
 */
export function sessionShownLinks(
  session: { access: 'public' | 'participants'; links: readonly RawLink[] },
  dayAccess: 'public' | 'participants',
  eventLinks: readonly RawLink[],
): RawLink[] {
  // The Studio's rule (content-models/validation/privateLinks.ts): live links need both public.
  const live = mayShowLiveLinks(session.access, dayAccess);
  const own = session.links.filter((l) => live || !LIVE_ACCESS_KINDS.has(l.kind));
  const fromEvent = live ? eventPublicLinks(eventLinks) : [];
  const seen = new Set<string>();
  return [...own, ...fromEvent].filter((l) => {
    if (!isSafeHref(l.url) || seen.has(l.url)) return false;
    seen.add(l.url);
    return true;
  });
}

/**
 * The language channels a session may show (issue 20): like join links, only when the session and
 * its day are public (validation already refuses the others; this is the second lock), https only.
 */
export function sessionShownChannels(session: Pick<RawSession, 'access' | 'channels'>, dayAccess: 'public' | 'participants'): RawSession['channels'] {
  if (!mayShowLiveLinks(session.access, dayAccess)) return [];
  return session.channels.filter((c) => isSafeHref(c.url) && c.url.startsWith('https:'));
}

/** Where to join live among shown links: a join link, else a stream, else null. */
export function liveUrlOf(links: readonly RawLink[]): string | null {
  const live = links.filter((l) => LIVE_ACCESS_KINDS.has(l.kind));
  return (live.find((l) => l.kind === 'join') ?? live[0])?.url ?? null;
}

/**
 * The private-link rule for a session's text, for the Portable Text renderer: whether it may show
 * live links, and every join or stream address of the event and its sessions (in the text of a
 * private session, a link to one of these is a way in: `isPrivateTextLink`).
 */
export function privateTextLinkRule(
  session: { access: 'public' | 'participants'; dayAccess: 'public' | 'participants' },
  site: { event: { links: readonly RawLink[] }; sessions: readonly { links: readonly RawLink[] }[] },
): { mayShowLive: boolean; liveUrls: string[] } {
  const liveUrls = [...site.event.links, ...site.sessions.flatMap((s) => s.links)].filter((l) => LIVE_ACCESS_KINDS.has(l.kind)).map((l) => l.url);
  return { mayShowLive: mayShowLiveLinks(session.access, session.dayAccess), liveUrls };
}
