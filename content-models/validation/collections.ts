import { isValidDate } from '../time';
import type { RuleIssue } from './types';

/**
 * Checks the event's days: each date at most once, and listed in date order, as the programme
 * shows them. Paths are relative to the event: `days[2].date`.
 *
 * @example
 * checkEventDays([{ date: '2020-10-26' }, { date: '2020-10-26' }]);
 * // [{ level: 'error', path: 'days[1].date', message: 'El día 2020-10-26 está repetido…' }]
 */
export function checkEventDays(days: readonly { date?: string | null }[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  let previous = '';
  days.forEach((day, index) => {
    const date = typeof day.date === 'string' ? day.date : '';
    if (!isValidDate(date)) return;
    if (seen.has(date)) {
      issues.push({ level: 'error', path: `days[${index}].date`, message: `El día ${date} está repetido. Borra uno de los dos o corrige su fecha.` });
    } else if (previous !== '' && date < previous) {
      issues.push({
        level: 'warning',
        path: `days[${index}].date`,
        message: `El día ${date} está después del ${previous} en la lista, pero es anterior. Arrástralo a su sitio para que la lista siga el orden del calendario.`,
      });
    }
    seen.add(date);
    if (date > previous) previous = date;
  });
  return issues;
}

/**
 * Checks that no two sections of the concept note share an anchor: the second could never be
 * linked to. Paths are relative to the concept note: `sections[3].anchor`.
 */
export function checkSectionAnchors(sections: readonly { anchor?: string | null }[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  sections.forEach((section, index) => {
    const anchor = typeof section.anchor === 'string' ? section.anchor.trim() : '';
    if (anchor === '') return;
    if (seen.has(anchor)) {
      issues.push({
        level: 'error',
        path: `sections[${index}].anchor`,
        message: `El ancla «${anchor}» ya la usa otra sección. Cada sección necesita la suya: cámbiala, por ejemplo ${anchor}-2 o una palabra del título.`,
      });
    }
    seen.add(anchor);
  });
  return issues;
}
