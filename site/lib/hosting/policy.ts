/**
 * What every host must send with the built site, in one place: the Content-Security-Policy and its
 * sources, the other security headers, caching, content types and the per-language 404 pages.
 * `_headers` and `_redirects` (Cloudflare Pages, Netlify), the `<meta>` policy in every page, the
 * nginx snippets (deploy/nginx/) and the local server of `npm start` and the tests are all written
 * from here, so a new source (a video host in frame-src) is one edit that reaches every host.
 *
 * Plain, erasable TypeScript with `.ts` imports only: scripts/build.mjs runs it on Node 24 without
 * a compiler.
 */
// The one locales table (content-models/locales.ts): a language added there gets its prefix,
// 404 page, embed policy and content types on every host.
import { defaultLang, type Lang, langPrefix, languages } from '../../../content-models/locales.ts';
import { VIDEO_HOSTS } from './video-hosts.ts';

/** Sources per directive, in the order the header lists them. `frame-ancestors` is set per page (embed or not). */
export const POLICY_SOURCES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // 'unsafe-inline' only for browsers without hash support: the build adds the inline styles'
  // hashes, and a browser that knows hashes then ignores 'unsafe-inline'.
  'style-src': ["'self'", "'unsafe-inline'"],
  // Speaker photos come from Sanity's image CDN; data: is the SVG avatar fallback.
  'img-src': ["'self'", 'https://cdn.sanity.io', 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // Recordings' players (video-hosts.ts), framed only after the reader asks to play one.
  'frame-src': VIDEO_HOSTS.map((host) => `https://${host}`),
  'frame-ancestors': ["'self'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
};

/** Directives a `<meta>` policy cannot carry: browsers ignore them there, and Chromium logs an error for each. */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ['frame-ancestors', 'report-uri', 'sandbox'];

export interface PolicyOptions {
  /** sha256 sources of the inline styles the build produced (`'sha256-…'`), added to style-src. */
  styleHashes?: readonly string[];
  /** Who may frame the page: the site itself, or anyone (the embeddable programme). */
  framedBy?: 'self' | 'anyone';
  /** `meta` leaves out what a `<meta http-equiv>` policy ignores. */
  delivery?: 'header' | 'meta';
}

/**
 * The Content-Security-Policy as one header value.
 * @example contentSecurityPolicy({ framedBy: 'anyone' }) // "default-src 'self'; … frame-ancestors *; …"
 */
export function contentSecurityPolicy({ styleHashes = [], framedBy = 'self', delivery = 'header' }: PolicyOptions = {}): string {
  const directives: string[] = [];
  for (const [name, base] of Object.entries(POLICY_SOURCES)) {
    if (delivery === 'meta' && HEADER_ONLY_DIRECTIVES.includes(name)) continue;
    let sources = [...base];
    if (name === 'style-src') sources = [...sources, ...[...styleHashes].sort()];
    if (name === 'frame-ancestors' && framedBy === 'anyone') sources = ['*'];
    directives.push(`${name} ${sources.join(' ')}`);
  }
  return directives.join('; ');
}

/** Sent with every response besides the policy. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** Cache-Control values: fingerprinted assets forever, everything else checked on every use. */
export const CACHE_CONTROL = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'public, max-age=0, must-revalidate',
} as const;

/** The folder whose file names change whenever their content does (Astro's bundles). */
export const IMMUTABLE_PREFIX = '/_astro/';

/** Content types by extension; text types get `; charset=utf-8` (see {@link contentTypeFor}). */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  json: 'application/json',
  xml: 'application/xml',
  txt: 'text/plain',
  ics: 'text/calendar',
  webmanifest: 'application/manifest+json',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
};

/** Media types that are text, so hosts name their charset. */
export const TEXT_MEDIA_TYPES: readonly string[] = [
  'text/html',
  'text/css',
  'text/javascript',
  'application/json',
  'application/xml',
  'text/plain',
  'text/calendar',
  'application/manifest+json',
];

/** Media types worth compressing: the text ones and SVG. */
export const COMPRESSIBLE_MEDIA_TYPES: readonly string[] = [...TEXT_MEDIA_TYPES, 'image/svg+xml'];

/**
 * The Content-Type a host should send for a file name; `application/octet-stream` when unknown.
 * @example contentTypeFor('dia-2020-10-26.ics') // 'text/calendar; charset=utf-8'
 */
export function contentTypeFor(fileName: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const type = MEDIA_TYPES[ext];
  if (!type) return 'application/octet-stream';
  return TEXT_MEDIA_TYPES.includes(type) ? `${type}; charset=utf-8` : type;
}

/** Every language with its prefix and the 404 page a host serves for a missing path under it. */
export const hostedLanguages: readonly { lang: Lang; prefix: string; notFoundPage: string; isDefault: boolean }[] = languages.map((lang) => ({
  lang,
  prefix: langPrefix(lang),
  // `<prefix>404.html` is where Cloudflare Pages looks for the nearest 404 page; the build copies
  // each language's 404 page there.
  notFoundPage: `${langPrefix(lang)}404.html`,
  isDefault: lang === defaultLang,
}));

/** The embeddable programme's folder in every language (docs/embed.md): the only pages others may frame. */
export const embedPrefixes: readonly string[] = hostedLanguages.map((l) => `${l.prefix}embed/`);

/** Files whose content type `_headers` states, since not every host knows the extension. */
export const typedFiles: readonly { path: string; type: string }[] = hostedLanguages.flatMap((l) => [
  { path: `${l.prefix}ics/*`, type: contentTypeFor('x.ics') },
  { path: `${l.prefix}schedule.json`, type: contentTypeFor('x.json') },
  { path: `${l.prefix}manifest.webmanifest`, type: contentTypeFor('x.webmanifest') },
]);

/**
 * The 404 page for a missing path: its language's, the default language's otherwise.
 * @example notFoundPageFor('/en/nothing/') // '/en/404.html'
 */
export function notFoundPageFor(urlPath: string): string {
  const match = hostedLanguages.find((l) => !l.isDefault && urlPath.startsWith(l.prefix));
  return (match ?? hostedLanguages.find((l) => l.isDefault))?.notFoundPage ?? '/404.html';
}
