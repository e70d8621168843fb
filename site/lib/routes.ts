/**
 * Every public URL of the site is made here, so pages, the language switcher, hreflang alternates,
 * the sitemap and the tests agree on one scheme: Spanish without prefix, `/en/` and `/pt/` with
 * localised folder names. Slugs are the editors' (Spanish) slugs in every language, so a page's
 * alternates differ only by prefix and folder name and can be derived from the path alone.
 */

export const languages = ['es', 'en', 'pt'] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = 'es';

export type PageKind = 'home' | 'programme' | 'session' | 'speakers' | 'speaker' | 'conceptNote' | 'myProgramme';

const folders = {
  programme: { es: 'programa', en: 'programme', pt: 'programa' },
  speakers: { es: 'ponentes', en: 'speakers', pt: 'palestrantes' },
  conceptNote: { es: 'nota-conceptual', en: 'concept-note', pt: 'nota-conceitual' },
  myProgramme: { es: 'mi-programa', en: 'my-programme', pt: 'meu-programa' },
} as const satisfies Record<string, Record<Lang, string>>;

type Folder = keyof typeof folders;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function prefix(lang: Lang): string {
  return lang === defaultLang ? '/' : `/${lang}/`;
}

/**
 * The path of a page, always with a trailing slash.
 * @example pagePath('session', 'en', 'mesa-de-reflexion-1') // '/en/programme/mesa-de-reflexion-1/'
 */
export function pagePath(kind: PageKind, lang: Lang, slug?: string): string {
  switch (kind) {
    case 'home':
      return prefix(lang);
    case 'programme':
    case 'speakers':
    case 'conceptNote':
    case 'myProgramme':
      return `${prefix(lang)}${folders[kind][lang]}/`;
    case 'session':
    case 'speaker': {
      if (!slug) throw new Error(`pagePath: a ${kind} page needs a slug`);
      const folder: Folder = kind === 'session' ? 'programme' : 'speakers';
      return `${prefix(lang)}${folders[folder][lang]}/${encodeURIComponent(slug)}/`;
    }
  }
}

/** Where a built file that is not a page lives (feeds, calendars), per language where it has one. */
export function filePath(lang: Lang, name: string): string {
  return `${prefix(lang)}${name}`;
}

/**
 * The language of a path and the same path in every language; null for paths outside the scheme.
 * @example alternatePaths('/en/speakers/rita-mishaan/') // { lang: 'en', paths: { es: '/ponentes/rita-mishaan/', en: …, pt: '/pt/palestrantes/rita-mishaan/' } }
 */
export function alternatePaths(pathname: string): { lang: Lang; paths: Record<Lang, string> } | null {
  const parts = pathname.split('/').filter(Boolean);
  const first = parts[0];
  const lang: Lang = first === 'en' || first === 'pt' ? first : defaultLang;
  const rest = lang === defaultLang ? parts : parts.slice(1);
  if (rest.length === 0) return { lang, paths: mapLangs((l) => prefix(l)) };
  const [head, ...tail] = rest;
  const folder = (Object.keys(folders) as Folder[]).find((f) => folders[f][lang] === head);
  if (!folder || tail.length > 1) return null;
  return {
    lang,
    paths: mapLangs((l) => `${prefix(l)}${folders[folder][l]}/${tail.length ? `${tail[0]}/` : ''}`),
  };
}

function mapLangs(fn: (lang: Lang) => string): Record<Lang, string> {
  return { es: fn('es'), en: fn('en'), pt: fn('pt') };
}
