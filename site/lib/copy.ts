import type { Lang } from '../../content-models/locales';
import { t } from '../i18n';
import type { Localised, RawInstitution } from './content/model';

/**
 * Small editorial rules that keep page code from saying a thing twice: editors often write the
 * organisation into a position ("Secretario Técnico del PIFCSS") or the marker into a placeholder
 * ("Experta/o por confirmar"), and the page must not add it again.
 */

/** Lower case without accents, so "Perú" and "peru", "Confirmar" and "confirmar" compare equal. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Whether `text` contains `phrase` as whole words, ignoring case and accents.
 * @example mentions('Presidenta del Consejo del PIFCSS', 'pifcss') // true
 * @example mentions('Secretaría General Iberoamericana', 'SEGIB') // false
 */
export function mentions(text: string, phrase: string): boolean {
  const needle = fold(phrase).trim();
  if (!needle) return false;
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(fold(text));
}

/**
 * What to write after a person's position to name their institution: its acronym (else its name),
 * or nothing when the position already names it.
 * @example institutionAfterPosition('Presidenta del Consejo Intergubernamental del PIFCSS', pifcss) // null
 * @example institutionAfterPosition('Subsecretaria de Cooperación', segeplan) // 'SEGEPLAN'
 */
export function institutionAfterPosition(position: string | null | undefined, institution: RawInstitution | null | undefined): string | null {
  if (!institution) return null;
  const short = institution.acronym?.trim() || institution.name.text;
  if (position && (mentions(position, short) || mentions(position, institution.name.text))) return null;
  return short;
}

/**
 * Whether a placeholder label already says that it is to be confirmed, in its own language (a
 * Spanish fallback says it in Spanish), so the page does not append "(por confirmar)" to it.
 * @example placeholderSaysToBeConfirmed({ text: 'Experta/o por confirmar', lang: 'es' }, 'en') // true
 */
export function placeholderSaysToBeConfirmed(label: Localised | null | undefined, lang: Lang): boolean {
  if (!label) return false;
  return mentions(label.text, t(label.lang, 'session.toBeConfirmed')) || mentions(label.text, t(lang, 'session.toBeConfirmed'));
}
