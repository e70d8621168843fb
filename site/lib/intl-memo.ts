import { type Lang, locale } from '../../content-models/locales';

/**
 * `Intl` formatters made once per language instead of once per call: building one costs far more
 * than using it (ICU loads its locale data each time), and a 10× build asked for the same few
 * thousands of times, for every page, card and calendar in three languages.
 */
const made = new Map<string, Intl.ListFormat | Intl.DisplayNames>();

function once<T extends Intl.ListFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let formatter = made.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    made.set(key, formatter);
  }
  return formatter;
}

/** "a, b and c" in the language. */
export function conjunctionList(lang: Lang): Intl.ListFormat {
  return once(`list|${lang}`, () => new Intl.ListFormat(locale(lang).intl, { type: 'conjunction' }));
}

/** Names of languages, in the language. */
export function languageNames(lang: Lang): Intl.DisplayNames {
  return once(`language|${lang}`, () => new Intl.DisplayNames(locale(lang).intl, { type: 'language' }));
}
