import i18next, { type TOptions } from 'i18next';
import { boundedCache } from '../../content-models/bounded-cache';
import { defaultLang, type Lang, languages } from '../../content-models/locales';
import type es from './es.json';

/** Keys of the Spanish source file; plural forms are addressed by their base key. */
type SourceKey = keyof typeof es;
type StripPlural<K extends string> = K extends `${infer Base}_one` ? Base : K extends `${infer Base}_other` ? Base : K;
export type MessageKey = StripPlural<SourceKey>;
export type Messages = Record<string, string>;

// One file per language of the locales table, found by name, so adding a language needs no import here.
const files = import.meta.glob<Messages>('./*.json', { eager: true, import: 'default' });

/** The interface strings of every language, keyed by language id. */
export const resources: Record<Lang, Messages> = Object.fromEntries(
  languages.map((lang) => {
    const messages = files[`./${lang}.json`];
    if (!messages) throw new Error(`site/i18n/${lang}.json is missing: every language in content-models/locales.ts needs its translation file.`);
    return [lang, messages];
  }),
) as Record<Lang, Messages>;

// One instance for the whole build; Spanish is the source and the fallback for any missing key.
const instance = i18next.createInstance();
instance.init({
  resources: Object.fromEntries(languages.map((lang) => [lang, { translation: resources[lang] }])),
  lng: defaultLang,
  fallbackLng: defaultLang,
  initAsync: false,
  keySeparator: false,
  nsSeparator: false,
  returnNull: false,
  // Astro escapes interpolated text when it renders it; escaping here too would double-escape.
  interpolation: { escapeValue: false },
});

/**
 * A translated interface string.
 * @example t('en', 'home.sessionCount', { count: 2 }) // '2 sessions'
 */
export function t(lang: Lang, key: MessageKey, options?: TOptions): string {
  // The strings never change during a process, and a build asks for the same few thousand times
  // per page: i18next's lookup was a measurable part of a 10× rebuild, a Map's is not.
  const id = options ? `${lang}\u0000${key}\u0000${JSON.stringify(options)}` : `${lang}\u0000${key}`;
  return translated(id, () => instance.t(key, { ...options, lng: lang }) as string);
}

const translated = boundedCache<string>(20_000);

/** Translator bound to one language, for components. */
export function translator(lang: Lang) {
  return (key: MessageKey, options?: TOptions) => t(lang, key, options);
}
