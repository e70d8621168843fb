/**
 * What the pages show of a session's languages and accessibility (issue 20): the compact badges of
 * a programme card, the tokens the no-JavaScript filters match, and the channel links per language.
 * Calendars and schedule.json use the full sentence of language-line.ts.
 */
import type { Lang } from '../../content-models/routes';
import { signLanguageByCode } from '../../content-models/sign-languages';
import { t } from '../i18n';
import type { Localised, Session } from './content/model';
import { languageName, supportPhrases } from './language-line';

type Languages = Pick<Session, 'language' | 'languageSupport'>;

/** The accessibility options the programme filters by; tokens of `data-a11y`. */
export const ACCESS_FEATURES = ['captions', 'signLanguage'] as const;
export type AccessFeature = (typeof ACCESS_FEATURES)[number];

/**
 * The languages a session can be followed in (floor and interpretation), and its accessibility
 * features: space-separated tokens for `[data-langs~=…]` and `[data-a11y~=…]` selectors. Codes
 * are validated values (validation/languages.ts), so they are safe in attributes and selectors.
 * @example filterTokens({ language: 'es', languageSupport: [{ kind: 'interpretation', language: 'pt' }, { kind: 'captions', language: 'es' }] }) // { langs: ['es', 'pt'], a11y: ['captions'] }
 */
export function filterTokens(session: Languages): { langs: string[]; a11y: AccessFeature[] } {
  const langs = new Set<string>(session.language ? [session.language] : []);
  const a11y = new Set<AccessFeature>();
  for (const s of session.languageSupport) {
    if (s.kind === 'interpretation' && s.language) langs.add(s.language);
    else if (s.kind === 'captions') a11y.add('captions');
    else if (s.kind === 'signLanguage') a11y.add('signLanguage');
  }
  return { langs: [...langs], a11y: ACCESS_FEATURES.filter((f) => a11y.has(f)) };
}

/**
 * The card's compact form: short visible badges ("→ PT", "CC ES", "Libras") and the full sentence
 * for screen readers, which would otherwise read the abbreviations letter by letter.
 */
export function compactSupport(session: Languages, lang: Lang): { badges: string[]; spoken: string } | null {
  if (session.languageSupport.length === 0) return null;
  const badges = session.languageSupport.flatMap((s) => {
    if (s.kind === 'signLanguage') return signLanguageByCode(s.signLanguage)?.short ?? [];
    if (!s.language) return [];
    const code = s.language.toUpperCase();
    return s.kind === 'interpretation' ? `${t(lang, 'language.interpretationShort')} ${code}` : `${t(lang, 'language.captionsShort')} ${code}`;
  });
  return { badges, spoken: supportPhrases(session, lang).join(', ') };
}

/** A session's channel links per language, each named by its label or "Follow in Portuguese". */
export function channelLinks(session: Pick<Session, 'channels'>, lang: Lang): { href: string; language: string; text: Localised | string }[] {
  return session.channels.map((c) => ({
    href: c.url,
    language: c.language,
    text: c.label ?? t(lang, 'language.channel', { language: languageName(c.language, lang) }),
  }));
}

/**
 * What the accessibility statement says the programme offers, derived from the sessions: the floor
 * languages, and per kind of support how many sessions offer it and in which languages.
 */
export function programmeSupport(
  sessions: readonly Languages[],
  lang: Lang,
): { floor: string[]; support: { kind: 'interpretation' | 'captions' | 'signLanguage'; count: number; languages: string[] }[] } {
  const floor = [...new Set(sessions.flatMap((s) => (s.language ? [s.language] : [])))].map((code) => languageName(code, lang));
  const support = (['interpretation', 'captions', 'signLanguage'] as const).map((kind) => {
    const offering = sessions.filter((s) => s.languageSupport.some((x) => x.kind === kind));
    const names = offering.flatMap((s) =>
      s.languageSupport
        .filter((x) => x.kind === kind)
        .flatMap((x) => (kind === 'signLanguage' ? (signLanguageByCode(x.signLanguage)?.name[lang] ?? []) : x.language ? languageName(x.language, lang) : [])),
    );
    return { kind, count: offering.length, languages: [...new Set(names)] };
  });
  return { floor, support: support.filter((s) => s.count > 0) };
}
