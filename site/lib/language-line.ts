import type { Lang } from '../../content-models/routes';
import { t } from '../i18n';
import type { Session } from './content/model';
import { intlLocale } from './time-display';

/**
 * The language line of a session, e.g. "Español · interpretación al portugués", in the page's
 * language; null when the content says nothing about languages.
 * @example languageLine({ language: 'es', languageSupport: [{ kind: 'interpretation', language: 'pt' }] }, 'en') // 'Spanish · interpretation into Portuguese'
 */
export function languageLine(session: Pick<Session, 'language' | 'languageSupport'>, lang: Lang): string | null {
  if (!session.language && session.languageSupport.length === 0) return null;
  const names = new Intl.DisplayNames(intlLocale[lang], { type: 'language' });
  const name = (code: string) => names.of(code) ?? code;
  const parts: string[] = [];
  if (session.language) {
    const floor = name(session.language);
    parts.push(floor.charAt(0).toLocaleUpperCase(intlLocale[lang]) + floor.slice(1));
  }
  for (const s of session.languageSupport) {
    const language = name(s.language);
    parts.push(s.kind === 'interpretation' ? t(lang, 'language.interpretation', { language }) : t(lang, 'language.captions', { language }));
  }
  return parts.join(' · ');
}
