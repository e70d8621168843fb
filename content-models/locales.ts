/**
 * The languages the site is published in, in one table: the Studio's translation fields, the
 * query's `$lang`, the result shape, the routes, `Intl` formatting, hreflang, the sitemap and the
 * hosting files all read it. Adding a language is one entry here plus `site/i18n/<id>.json`.
 *
 * Spanish is the source: its entry comes first, its pages have no prefix, its text is required in
 * the Studio and is what every other language falls back to.
 */

/** Localised folder names of the pages that have a folder (see content-models/routes.ts). */
export interface LocaleFolders {
  programme: string;
  speakers: string;
  conceptNote: string;
  myProgramme: string;
  /** Issue #20: the event's report and the workshop's products. */
  report: string;
  products: string;
  /** The accessibility statement (issue 20). */
  accessibility: string;
  /** The search page (issue #20). */
  search: string;
}

export interface LocaleEntry {
  /** BCP 47 language subtag: the `lang` attribute, hreflang, the query's `$lang`, the field name in the Studio. */
  id: string;
  /** The `Intl` locale the pages format dates with: British English and Brazilian Portuguese, as the translations are written. */
  intl: string;
  /** Open Graph `og:locale`. */
  ogLocale: string;
  /** The field's title in the (Spanish) Studio. */
  studioTitle: string;
  folders: LocaleFolders;
}

export const locales = [
  {
    id: 'es',
    intl: 'es',
    ogLocale: 'es_419',
    studioTitle: 'Español',
    folders: {
      programme: 'programa',
      speakers: 'ponentes',
      conceptNote: 'nota-conceptual',
      myProgramme: 'mi-programa',
      report: 'relatoria',
      products: 'productos',
      accessibility: 'accesibilidad',
      search: 'buscar',
    },
  },
  {
    id: 'en',
    intl: 'en-GB',
    ogLocale: 'en_GB',
    studioTitle: 'Inglés (English)',
    folders: {
      programme: 'programme',
      speakers: 'speakers',
      conceptNote: 'concept-note',
      myProgramme: 'my-programme',
      report: 'report',
      products: 'outputs',
      accessibility: 'accessibility',
      search: 'search',
    },
  },
  {
    id: 'pt',
    intl: 'pt-BR',
    ogLocale: 'pt_BR',
    studioTitle: 'Portugués (Português)',
    folders: {
      programme: 'programa',
      speakers: 'palestrantes',
      conceptNote: 'nota-conceitual',
      myProgramme: 'meu-programa',
      report: 'relatorio',
      products: 'produtos',
      accessibility: 'acessibilidade',
      search: 'buscar',
    },
  },
] as const satisfies readonly LocaleEntry[];

export type Lang = (typeof locales)[number]['id'];

/** The language ids in table order, Spanish first; a non-empty tuple so zod can make an enum of it. */
export const languages = locales.map((l) => l.id) as [Lang, ...Lang[]];

/** The source language: no path prefix, required in the Studio, the fallback everywhere. */
export const defaultLang: Lang = locales[0].id;

const byId = new Map<string, LocaleEntry>(locales.map((l) => [l.id, l]));

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && byId.has(value);
}

/** The table entry of a language. */
export function locale(lang: Lang): LocaleEntry {
  return byId.get(lang) as LocaleEntry;
}

/** The path prefix of a language's pages: `/` for the source language, `/en/` for the others. */
export function langPrefix(lang: Lang): string {
  return lang === defaultLang ? '/' : `/${lang}/`;
}

/**
 * A record with one value per language, in table order.
 * @example mapLangs((l) => l.toUpperCase()) // { es: 'ES', en: 'EN', pt: 'PT' }
 */
export function mapLangs<T>(fn: (lang: Lang) => T): Record<Lang, T> {
  return Object.fromEntries(languages.map((l) => [l, fn(l)])) as Record<Lang, T>;
}
