import i18next, { type TOptions } from 'i18next';
import type { Lang } from '../lib/routes';
import en from './en.json';
import es from './es.json';
import pt from './pt.json';

/** Keys of the Spanish source file; plural forms are addressed by their base key. */
type SourceKey = keyof typeof es;
export type MessageKey = SourceKey extends `${infer Base}_${'one' | 'other'}` ? Base | Exclude<SourceKey, `${Base}_${'one' | 'other'}`> : SourceKey;

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
