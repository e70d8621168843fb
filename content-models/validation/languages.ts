import { isSignLanguage } from '../sign-languages';
import type { RuleIssue } from './types';

/**
 * Languages a session can be held in, or interpreted or captioned into: the languages of the
 * member countries and the site's third language. ISO 639-1 codes.
 */
export const SESSION_LANGUAGES = ['es', 'pt', 'en'] as const;
export type SessionLanguage = (typeof SESSION_LANGUAGES)[number];
/** `signLanguage` names its language in `signLanguage` (content-models/sign-languages.ts), the others in `language`. */
export const LANGUAGE_SUPPORT_KINDS = ['interpretation', 'captions', 'signLanguage'] as const;
export type LanguageSupportKind = (typeof LANGUAGE_SUPPORT_KINDS)[number];

const names: Record<SessionLanguage, string> = { es: 'español', pt: 'portugués', en: 'inglés' };

export function isSessionLanguage(value: unknown): value is SessionLanguage {
  return typeof value === 'string' && (SESSION_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The floor language and the interpretation/captions of a session: known languages only, no
 * interpretation into the floor language itself, nothing listed twice.
 * @example checkSessionLanguages('es', [{ kind: 'interpretation', language: 'es' }]) // one error on languageSupport[0].language
 */
export function checkSessionLanguages(language: unknown, support: readonly { kind?: unknown; language?: unknown; signLanguage?: unknown }[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (language != null && !isSessionLanguage(language)) {
    issues.push({ level: 'error', path: 'language', message: `«${String(language)}» no es un idioma de la lista: elige español, portugués o inglés.` });
  }
  const seen = new Set<string>();
  support.forEach((item, i) => {
    const path = `languageSupport[${i}]`;
    if (!(LANGUAGE_SUPPORT_KINDS as readonly unknown[]).includes(item.kind)) {
      issues.push({ level: 'error', path: `${path}.kind`, message: 'Elige si es interpretación, subtítulos o lengua de señas.' });
    }
    if (item.kind === 'signLanguage') {
      const code = item.signLanguage;
      if (!isSignLanguage(code)) {
        issues.push({
          level: 'error',
          path: `${path}.signLanguage`,
          message:
            code == null || code === ''
              ? 'Elige la lengua de señas de la lista.'
              : `«${String(code)}» no es una lengua de señas de la lista (códigos ISO 639-3 como bzs para Libras o mfs para la LSM): elígela de la lista.`,
        });
        return;
      }
      const signKey = `signLanguage:${code}`;
      if (seen.has(signKey)) issues.push({ level: 'warning', path, message: 'Este apoyo lingüístico está repetido; borra uno de los dos.' });
      seen.add(signKey);
      return;
    }
    if (!isSessionLanguage(item.language)) {
      issues.push({ level: 'error', path: `${path}.language`, message: 'Elige el idioma (español, portugués o inglés).' });
      return;
    }
    if (item.kind === 'interpretation' && item.language === language) {
      issues.push({
        level: 'error',
        path: `${path}.language`,
        message: `La sesión ya es en ${names[item.language]}: la interpretación tiene que ser a otro idioma.`,
      });
    }
    const key = `${String(item.kind)}:${item.language}`;
    if (seen.has(key)) issues.push({ level: 'warning', path, message: 'Este apoyo lingüístico está repetido; borra uno de los dos.' });
    seen.add(key);
  });
  return issues;
}
