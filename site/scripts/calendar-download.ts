import type { MineData, MineSession } from '../lib/my-programme-data';
import { withReminder } from './reminder';

/**
 * My programme's calendar download, loaded when the reader presses Download (my-programme.ts), with
 * the reminder it may add (reminder.ts): a page that is only read never fetches it.
 */

/**
 * The .ics of the given sessions: the calendar's opening lines, their VEVENT blocks in programme
 * order, the closing line. Each piece is already folded with CRLF by the build (lib/calendar.ts), so
 * the file is byte-for-byte what the build would write for that subset.
 */
export function calendarOf(data: Pick<MineData, 'ics'>, sessions: Pick<MineSession, 'ics'>[]): string {
  return data.ics.head + sessions.map((s) => s.ics).join('') + data.ics.tail;
}

/**
 * Saves the sessions' calendar as a file named `filename`, through a temporary link, with a
 * reminder `minutes` before each start when the reader chose one (0: none).
 */
export function saveCalendar(doc: Document, filename: string, data: MineData, sessions: MineSession[], minutes: number, text: string): void {
  const file = new Blob([withReminder(calendarOf(data, sessions), minutes, text)], { type: 'text/calendar;charset=utf-8' });
  const link = doc.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = filename;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
