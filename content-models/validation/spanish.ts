import { formatDate, resolveWallClock } from '../time';

/** How the rules' Spanish messages write dates and lists, shared by the timing and the schedule rules. */

/** 26/10/2020, as the Studio's date picker shows dates. */
export function pickerDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day ?? ''}/${month ?? ''}/${year ?? ''}`;
}

/** «a, b y c»: a list as a Spanish sentence writes it. */
export function listInSpanish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`;
}

/** "martes" for 2020-10-27: the long date's weekday, read at noon UTC so it is the same calendar day. */
export function weekday(date: string): string {
  const noon = resolveWallClock(date, '12:00', 'UTC');
  return noon.ok ? (formatDate(noon.instant, 'UTC', 'es', 'long').split(',')[0] ?? '') : '';
}
