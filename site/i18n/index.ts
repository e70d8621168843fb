import i18next, { type TOptions } from 'i18next';
import type { Lang } from '../lib/routes';
import en from './en.json';
import es from './es.json';
import pt from './pt.json';

/** Keys of the Spanish source file; plural forms are addressed by their base key. */
type SourceKey = keyof typeof es;
type StripPlural<K extends string> = K extends `${infer Base}_one` ? Base : K extends `${infer Base}_other` ? Base : K;
export type MessageKey = StripPlural<SourceKey>;

export const resources = { es, en, pt } as const;

// One instance for the whole build; Spanish is the source and the fallback for any missing key.
const instance = i18next.createInstance();
instance.init({
  resources: { es: { translation: es }, en: { translation: en }, pt: { translation: pt } },
  lng: 'es',
  fallbackLng: 'es',
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
  return instance.t(key, { ...options, lng: lang }) as string;
}

/** Translator bound to one language, for components. */
export function translator(lang: Lang) {
  return (key: MessageKey, options?: TOptions) => t(lang, key, options);
}
