import { boundedCache } from '../../content-models/bounded-cache';
import type { Lang } from '../../content-models/routes';
import { signLanguageByCode } from '../../content-models/sign-languages';
import { t } from '../i18n';
import type { Session } from './content/model';
import { languageNames } from './intl-memo';
import { intlLocale } from './time-display';

type Languages = Pick<Session, 'language' | 'languageSupport'>;

/** A language's name in the page's language, from `Intl` (es/pt/en are all it knows of ours). */
export function languageName(code: string, lang: Lang): string {
  // Intl.DisplayNames.of is slow next to a Map, and every session card of every page asks again.
  return names(`${lang}|${code}`, () => languageNames(lang).of(code) ?? code);
}
const names = boundedCache<string>(10_000);

/**
 * Each interpretation, captions or sign language of a session as a phrase in the page's language,
 * e.g. "interpretation into Portuguese", "Brazilian Sign Language (Libras) interpretation".
 */
export function supportPhrases(session: Languages, lang: Lang): string[] {
  return session.languageSupport.flatMap((s) => {
    if (s.kind === 'signLanguage') {
      const sign = signLanguageByCode(s.signLanguage);
      return sign ? [t(lang, 'language.signLanguage', { language: sign.name[lang] })] : [];
    }
    if (!s.language) return [];
    const language = languageName(s.language, lang);
    return [s.kind === 'interpretation' ? t(lang, 'language.interpretation', { language }) : t(lang, 'language.captions', { language })];
  });
}

/**
 * The language line of a session, e.g. "Español · interpretación al portugués", in the page's
 * language; null when the content says nothing about languages.
 * @example languageLine({ language: 'es', languageSupport: [{ kind: 'interpretation', language: 'pt' }] }, 'en') // 'Spanish · interpretation into Portuguese'
 */
export function languageLine(session: Languages, lang: Lang): string | null {
  if (!session.language && session.languageSupport.length === 0) return null;
  const parts: string[] = [];
  if (session.language) {
    const floor = languageName(session.language, lang);
    parts.push(floor.charAt(0).toLocaleUpperCase(intlLocale[lang]) + floor.slice(1));
  }
  parts.push(...supportPhrases(session, lang));
  return parts.join(' · ');
}

/**
 * A session's channels per language as plain text for calendars and schedule.json, e.g.
 * `{ title: 'Follow in Portuguese', url }`; only those derive.ts let the session show.
 */
export function channelEntries(session: Pick<Session, 'channels'>, lang: Lang): { title: string; url: string }[] {
  return session.channels.map((c) => ({ title: c.label?.text ?? t(lang, 'language.channel', { language: languageName(c.language, lang) }), url: c.url }));
}
