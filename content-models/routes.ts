/**
 * Every public URL of the site is made here, so pages, the language switcher, hreflang alternates,
 * the sitemap, the Studio's links to the live site, the bench and the tests agree on one scheme:
 * the source language without prefix, the others under `/<id>/` with localised folder names (from
 * content-models/locales.ts). Slugs are the editors' (Spanish) slugs in every language, so a
 * page's alternates differ only by prefix and folder name and can be derived from the path alone.
 */
import { defaultLang, isLang, type Lang, type LocaleFolders, langPrefix, locale, mapLangs } from './locales.ts';

export { defaultLang, isLang, type Lang, languages } from './locales.ts';

/** Every kind of HTML page the site builds (the catch-all route renders each). */
export const PAGE_KINDS = [
  'home',
  'programme',
  'session',
  'speakers',
  'speaker',
  'conceptNote',
  'myProgramme',
  // Issue #20: what the event leaves behind (report, products), the accessibility statement and search.
  'report',
  'products',
  'accessibility',
  'search',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

type Folder = keyof LocaleFolders;
type SinglePageKind = Exclude<PageKind, 'session' | 'speaker'>;

/** The page kinds with one page per language (no slug): all but a session's and a speaker's. */
export const SINGLE_PAGE_KINDS: readonly SinglePageKind[] = PAGE_KINDS.filter((kind): kind is SinglePageKind => kind !== 'session' && kind !== 'speaker');

/** The kinds with a folder of their own in every language: the single pages but the home. */
const FOLDERS: readonly Folder[] = SINGLE_PAGE_KINDS.filter((kind): kind is Folder => kind !== 'home');

const folder = (name: Folder, lang: Lang) => locale(lang).folders[name];

/**
 * The path of a page, always with a trailing slash.
 * @example pagePath('session', 'en', 'mesa-de-reflexion-1') // '/en/programme/mesa-de-reflexion-1/'
 */
export function pagePath(kind: PageKind, lang: Lang, slug?: string): string {
  switch (kind) {
    case 'home':
      return langPrefix(lang);
    case 'programme':
    case 'speakers':
    case 'conceptNote':
    case 'myProgramme':
    case 'report':
    case 'products':
    case 'accessibility':
    case 'search':
      return `${langPrefix(lang)}${folder(kind, lang)}/`;
    case 'session':
    case 'speaker': {
      if (!slug) throw new Error(`pagePath: a ${kind} page needs a slug`);
      return `${langPrefix(lang)}${folder(kind === 'session' ? 'programme' : 'speakers', lang)}/${encodeURIComponent(slug)}/`;
    }
  }
}

/** Where a built file that is not a page lives (feeds, calendars), per language where it has one. */
export function filePath(lang: Lang, name: string): string {
  return `${langPrefix(lang)}${name}`;
}

/** The language a path belongs to: its first segment when that is a language id, else the source language. */
export function langOfPath(pathname: string): Lang {
  const first = pathname.split('/').find(Boolean);
  return first !== defaultLang && isLang(first) ? first : defaultLang;
}

/**
 * The language of a path and the same path in every language; null for paths outside the scheme.
 * @example alternatePaths('/en/speakers/rita-mishaan/') // { lang: 'en', paths: { es: '/ponentes/rita-mishaan/', en: …, pt: '/pt/palestrantes/rita-mishaan/' } }
 */
export function alternatePaths(pathname: string): { lang: Lang; paths: Record<Lang, string> } | null {
  const lang = langOfPath(pathname);
  const parts = pathname.split('/').filter(Boolean);
  const rest = lang === defaultLang ? parts : parts.slice(1);
  if (rest.length === 0) return { lang, paths: mapLangs(langPrefix) };
  const [head, ...tail] = rest;
  const name = FOLDERS.find((f) => folder(f, lang) === head);
  if (!name || tail.length > 1) return null;
  return { lang, paths: mapLangs((l) => `${langPrefix(l)}${folder(name, l)}/${tail.length ? `${tail[0]}/` : ''}`) };
}
