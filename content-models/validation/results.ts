/**
 * Rules of what the event leaves behind (issue #20): a session's materials, the workshop's
 * products and the asynchronous activities. The Studio shows them as errors and the build refuses
 * the same content with the same messages (tests/studio/contract.test.ts).
 */
import { isSafeHref, unsafeHrefMessage } from './links';
import type { RuleIssue } from './types';

/** One material: an uploaded file or an address, exactly one of them; an address only https: or mailto:. */
export function checkMaterial(material: { hasFile: boolean; url?: string | null | undefined }, path = ''): RuleIssue[] {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const url = material.url?.trim() ? material.url : null;
  if (material.hasFile && url) {
    return [{ level: 'error', path: at('url'), message: 'El material tiene un archivo y una dirección: deja solo uno de los dos.' }];
  }
  if (!material.hasFile && !url) {
    return [{ level: 'error', path: at('file'), message: 'Sube el archivo del material o escribe la dirección donde está publicado.' }];
  }
  return url && !isSafeHref(url) ? [{ level: 'error', path: at('url'), message: unsafeHrefMessage(url) }] : [];
}

/** An optional address (of a product or an activity): https: or mailto: only. */
export function checkOptionalUrl(url: string | null | undefined, path: string): RuleIssue[] {
  return url?.trim() && !isSafeHref(url) ? [{ level: 'error', path, message: unsafeHrefMessage(url) }] : [];
}

/**
 * An asynchronous activity's dates: the end not before the start, and the day it follows one of
 * the event's days (its place in the programme).
 */
export function checkActivityDates(
  activity: { startDate?: string | null | undefined; endDate?: string | null | undefined; afterDay?: string | null | undefined },
  eventDates: readonly string[],
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const { startDate, endDate, afterDay } = activity;
  if (startDate && endDate && endDate < startDate) {
    issues.push({ level: 'error', path: 'endDate', message: `La fecha de cierre (${endDate}) es anterior a la de apertura (${startDate}): corrígela.` });
  }
  if (afterDay && eventDates.length > 0 && !eventDates.includes(afterDay)) {
    issues.push({
      level: 'error',
      path: 'afterDay',
      message: `El día ${afterDay} no es un día del evento (${eventDates.join(', ')}): elige uno de ellos o deja el campo vacío.`,
    });
  }
  return issues;
}
