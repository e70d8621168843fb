import type { MineData, MineSession } from '../lib/my-programme-data';

/**
 * My programme's calendar download. Not loaded on the click (a dynamic import): Vite would add its
 * ~800-byte preload helper to the page's startup script to fetch a module of ~250 bytes.
 */

/**
 * The .ics of the given sessions: the calendar's opening lines, their VEVENT blocks in programme
 * order, the closing line. Each piece is already folded with CRLF by the build (lib/calendar.ts), so
 * the file is byte-for-byte what the build would write for that subset.
 */
export function calendarOf(data: Pick<MineData, 'ics'>, sessions: Pick<MineSession, 'ics'>[]): string {
  return data.ics.head + sessions.map((s) => s.ics).join('') + data.ics.tail;
}

/** Saves a calendar (from {@link calendarOf}, perhaps with reminders) as a file named `filename`, through a temporary link. */
export function saveCalendar(doc: Document, filename: string, ics: string): void {
  const file = new Blob([ics], { type: 'text/calendar;charset=utf-8' });
  const link = doc.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = filename;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
