import type { RuleIssue } from './types';

/** Who may attend a session or a day (`session.access`, `eventDay.access`). */
export type Access = 'public' | 'participants';

/** Link kinds that let whoever holds them into a live session. */
export const LIVE_LINK_KINDS: ReadonlySet<string> = new Set(['join', 'stream']);

/**
 * Meeting and streaming services: an address on one of these in the text of a participants-only
 * session is almost certainly the way in, whatever the editor called it. One list, read by the
 * Studio rule and by the Portable Text renderer. `path` narrows a host that also serves ordinary
 * pages (a YouTube video is fine; a YouTube live stream is not).
 */
export const MEETING_SERVICES: readonly { host: string; path?: string }[] = [
  { host: 'zoom.us' },
  { host: 'zoom.com' },
  { host: 'meet.google.com' },
  { host: 'teams.microsoft.com' },
  { host: 'teams.live.com' },
  { host: 'meet.jit.si' },
  { host: 'webex.com' },
  { host: 'whereby.com' },
  { host: 'gotomeeting.com' },
  { host: 'youtube.com', path: '/live' },
  { host: 'youtu.be', path: '/live' },
  { host: 'vimeo.com', path: '/event' },
  { host: 'facebook.com', path: '/live' },
];

/**
 * Whether an address belongs to a meeting or streaming service of {@link MEETING_SERVICES}
 * (the host itself or any subdomain, e.g. `us02web.zoom.us`).
 * @example isMeetingServiceUrl('https://us02web.zoom.us/j/123') // true
 * @example isMeetingServiceUrl('https://www.youtube.com/watch?v=x') // false
 */
export function isMeetingServiceUrl(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase().replace(/\.$/u, '');
  const path = url.pathname.toLowerCase();
  return MEETING_SERVICES.some((service) => (host === service.host || host.endsWith(`.${service.host}`)) && (!service.path || path.startsWith(service.path)));
}

/** Addresses compared as the browser would open them: case-insensitive scheme and host, no trailing slash. */
function normaliseUrl(href: string): string {
  try {
    const url = new URL(href.trim());
    return `${url.protocol}//${url.host.toLowerCase()}${url.pathname.replace(/\/+$/u, '')}${url.search}`;
  } catch {
    return href.trim();
  }
}

/**
 * Whether a session may show join or stream links: only when the session and its day are both
 * open to the public. The site's link selection and the Studio rule below both ask this.
 * @example mayShowLiveLinks('public', 'participants') // false
 */
export function mayShowLiveLinks(sessionAccess: unknown, dayAccess: unknown): boolean {
  return sessionAccess === 'public' && dayAccess === 'public';
}

/**
 * Whether a link inside the text of a session must not be a link on the public site: the session
 * (or its day) is for registered participants, and the address is one of the event's or sessions'
 * join/stream links, or lives on a meeting or streaming service.
 * @example isPrivateTextLink('https://zoom.us/j/1', { mayShowLive: false, liveUrls: [] }) // true
 */
export function isPrivateTextLink(href: string, { mayShowLive, liveUrls }: { mayShowLive: boolean; liveUrls: readonly string[] }): boolean {
  if (mayShowLive || typeof href !== 'string') return false;
  const target = normaliseUrl(href);
  return isMeetingServiceUrl(href) || liveUrls.some((url) => normaliseUrl(url) === target);
}

/** How a day is named after «del» in messages: «día 28 de octubre de 2020 («Día 2»)». */
function dayName(day: { date: string; title?: string | null }): string {
  const [year, month, date] = day.date.split('-').map(Number);
  const months = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
  const when = year && month && date ? `${date} de ${months[month - 1]} de ${year}` : day.date;
  return day.title ? `día ${when} («${day.title}»)` : `día ${when}`;
}

/**
 * A public session on a participants-only day cannot carry join or stream links either: the day
 * decides who gets in. Paths are relative to the session: `links[0].kind`. The session's own
 * access is {@link checkSessionLinks}'s rule.
 * @example
 * checkDayLinks('public', { date: '2020-10-28', access: 'participants' }, [{ kind: 'join' }]);
 * // [{ level: 'error', path: 'links[0].kind', message: 'La sesión es del día 28 de octubre de 2020, que es solo…' }]
 */
export function checkDayLinks(
  sessionAccess: unknown,
  day: { date: string; access?: unknown; title?: string | null } | undefined,
  links: readonly { kind?: unknown }[],
): RuleIssue[] {
  if (sessionAccess !== 'public' || !day || day.access !== 'participants') return [];
  return links.flatMap((link, index) =>
    typeof link.kind === 'string' && LIVE_LINK_KINDS.has(link.kind)
      ? [
          {
            level: 'error' as const,
            path: `links[${index}].kind`,
            message:
              `La sesión es del ${dayName(day)}, que es solo para participantes inscritos, así que el sitio no puede mostrar ` +
              'enlaces para unirse ni de transmisión: quita el enlace (los inscritos lo reciben por correo) o, si ese día es abierto, ' +
              'cambia su acceso a «Público» en «Evento → Días».',
          },
        ]
      : [],
  );
}

/** A Portable Text block as far as its links go. */
interface LinkedBlock {
  markDefs?: unknown;
}

/**
 * In a session that may not show live links (see {@link mayShowLiveLinks}), a link in its text
 * (any Portable Text, any language) whose address is one of `liveUrls` or on a meeting service is
 * an error: the site would publish the way in. The renderer shows such links as plain text anyway.
 * `text` maps a field path (`description.es`) to its blocks; issues point at the block
 * (`description.es[2]`).
 * @example
 * checkPrivateTextLinks(false, { 'description.es': [{ markDefs: [{ _type: 'link', href: 'https://meet.google.com/x' }] }] }, []);
 * // [{ level: 'error', path: 'description.es[0]', … }]
 */
export function checkPrivateTextLinks(mayShowLive: boolean, text: Record<string, unknown>, liveUrls: readonly string[]): RuleIssue[] {
  if (mayShowLive) return [];
  const issues: RuleIssue[] = [];
  for (const [path, blocks] of Object.entries(text)) {
    if (!Array.isArray(blocks)) continue;
    blocks.forEach((block, index) => {
      const defs = (block as LinkedBlock | null)?.markDefs;
      if (!Array.isArray(defs)) return;
      for (const def of defs) {
        const href = (def as { _type?: unknown; href?: unknown } | null)?._type === 'link' ? (def as { href?: unknown }).href : undefined;
        if (typeof href !== 'string' || !isPrivateTextLink(href, { mayShowLive, liveUrls })) continue;
        issues.push({
          level: 'error',
          path: `${path}[${index}]`,
          message:
            `El texto enlaza «${href}», que es un enlace para unirse o ver la transmisión, y esta sesión (o su día) es solo para ` +
            'participantes inscritos: el sitio es público y cualquiera podría entrar. Quita el enlace (los inscritos lo reciben por correo); ' +
            'el sitio lo mostraría como texto sin enlace.',
        });
      }
    });
  }
  return issues;
}
