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
 * Saves the sessions' calendar as a file named by the Download button's `data-filename`, through
 * a temporary link, with a reminder before each start when the reader chose one in My programme's
 * reminder select (its value in minutes, 0: none; its `data-text` the reminder's words).
 */
export function saveCalendar(root: HTMLElement, download: HTMLElement, data: MineData, sessions: MineSession[]): void {
  const doc = root.ownerDocument;
  const reminder = root.querySelector<HTMLSelectElement>('[data-mine-reminder]');
  const file = new Blob([withReminder(calendarOf(data, sessions), Number(reminder?.value), reminder?.dataset.text ?? '')], {
    type: 'text/calendar;charset=utf-8',
  });
  const link = doc.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = download.dataset.filename ?? 'calendar.ics';
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
