import type { RuleIssue } from './types';

/**
 * Link kinds of the content model (`link.kind`). Recordings are not links: a session lists them in
 * its own `recordings` field (a title, a language, a player), so there is one place for them.
 */
export const LINK_KINDS = ['registration', 'join', 'stream', 'material', 'other'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * Kinds that would let anyone into a live session. The site is public, so a session reserved for
 * registered participants must not publish them: organisers send those links by e-mail.
 */
export const LIVE_ACCESS_KINDS: ReadonlySet<string> = new Set<LinkKind>(['join', 'stream']);

/** A plausible e-mail address: something@domain.tld, no spaces or brackets. */
const EMAIL = /^[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[^\s@<>()[\]",;:.]{2,}$/;

/**
 * Whether a link may be rendered as an `href` on the public site: only well-formed `https:` and
 * `mailto:` addresses. Everything else (`http:`, `javascript:`, `data:`, relative paths, text with
 * spaces) is refused, because it is either unsafe or a typing mistake.
 *
 * @example
 * isSafeHref('https://pifcss.org/inscripcion'); // true
 * isSafeHref('mailto:comunicacion@cooperacionsursur.org'); // true
 * isSafeHref('javascript:alert(1)'); // false
 * isSafeHref('http://pifcss.org'); // false
 */
export function isSafeHref(href: string): boolean {
  if (typeof href !== 'string' || href.length === 0) return false;
  // The URL parser silently strips surrounding spaces and control characters; an href that needs
  // that cleaning was mistyped, so it is refused rather than repaired.
  if (/\s/u.test(href) || hasControlCharacter(href)) return false;

  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }

  if (url.protocol === 'https:') {
    // `new URL('https:example.org')` is accepted by the parser; require the `//` an editor sees.
    return /^https:\/\//iu.test(href) && url.hostname.length > 0 && url.username === '' && url.password === '';
  }

  if (url.protocol === 'mailto:') {
    let addresses: string[];
    try {
      addresses = decodeURIComponent(url.pathname).split(',');
    } catch {
      return false;
    }
    return addresses.length > 0 && addresses.every((address) => EMAIL.test(address));
  }

  return false;
}

function hasControlCharacter(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The Spanish explanation of why {@link isSafeHref} refused a URL, with the fix. */
export function unsafeHrefMessage(href: string): string {
  const value = href.trim();
  if (value === '') return 'Falta la dirección del enlace: pega la dirección completa, que empiece por https://.';
  if (/^http:\/\//iu.test(value)) {
    return `La dirección «${value}» empieza por http://, que no es segura. Usa la versión https:// (casi todos los sitios la tienen).`;
  }
  if (/^(javascript|data|vbscript|file):/iu.test(value)) {
    return `La dirección «${value}» no está permitida por seguridad. Escribe una dirección web que empiece por https:// o un correo con mailto:.`;
  }
  if (/^mailto:/iu.test(value)) {
    return `El correo de «${value}» no es válido. Escríbelo así: mailto:nombre@dominio.org (sin espacios).`;
  }
  if (EMAIL.test(value)) {
    return `Para enlazar un correo escribe mailto: delante: mailto:${value}.`;
  }
  return `«${value}» no es una dirección completa. Pega la dirección entera, que empiece por https:// (por ejemplo https://www.cooperacionsursur.org/), o un correo con mailto:.`;
}

/**
 * Checks the links of a session: every URL must pass {@link isSafeHref}, and a session reserved
 * for registered participants must not carry a `join` or `stream` link, which the public site
 * would show to everyone.
 *
 * Paths are relative to the session: `links[1].url`, `links[0].kind`.
 *
 * @example
 * checkSessionLinks('participants', [{ kind: 'join', url: 'https://zoom.us/j/1' }]);
 * // [{ level: 'error', path: 'links[0].kind', message: 'Esta sesión es solo para…' }]
 */
export function checkSessionLinks(access: 'public' | 'participants', links: { kind: string; url: string }[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  links.forEach((link, index) => {
    const url = typeof link.url === 'string' ? link.url : '';
    if (!isSafeHref(url)) {
      issues.push({ level: 'error', path: `links[${index}].url`, message: unsafeHrefMessage(url) });
    }
    if (access === 'participants' && LIVE_ACCESS_KINDS.has(link.kind)) {
      issues.push({
        level: 'error',
        path: `links[${index}].kind`,
        message:
          'Esta sesión es solo para participantes inscritos, pero tiene un enlace para unirse o ver la transmisión, ' +
          'y el sitio es público: cualquiera podría entrar. Quita el enlace (los inscritos lo reciben por correo), ' +
          'cambia su tipo (por ejemplo a «Material») o, si la sesión es abierta, cambia el acceso a «Público».',
      });
    }
  });
  return issues;
}
