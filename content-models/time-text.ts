/**
 * How a time range is written, as plain strings: no zone math here (that is time.ts), only the
 * shape of the text, so the build (through site/lib/time-display.ts) and the browser's zone picker
 * write exactly the same line. Kept free of imports so the browser bundle stays small.
 */

/**
 * A session's start and end as read in one zone, ready to write.
 *
 * - Each end carries the UTC offset in force at its own instant. Across a daylight-saving change
 *   (Havana, 1 Nov 2020: 0:30 is UTC−4, 0:15 after the clocks went back is UTC−5) the ends differ,
 *   and `offset` is null; one shared label only when both instants share it.
 * - Another calendar day is always said: the start's date when it is not the session's own date,
 *   the end's date when it is not the start's (a session past midnight, or a zone where it is).
 *   Read back, the start is on `startDate ?? sessionDate` and the end on `endDate ?? that day`.
 */
export interface ZonedRange {
  zone: string;
  label: string;
  start: string;
  end: string;
  startOffset: string;
  endOffset: string;
  /** The offset both ends share, or null when they differ (then each end shows its own). */
  offset: string | null;
  /** Set when the start falls on another calendar day than the session's own date. */
  startDate: string | null;
  /** Set when the end falls on another calendar day than the start in this zone. */
  endDate: string | null;
}

/**
 * An offset from UTC, in minutes east, written for readers: `UTC`, a sign (U+2212 for minus, the
 * typographic one), hours without a leading zero, minutes only when there are some; zero is `UTC+0`.
 *
 * @example
 * offsetLabel(-360); // 'UTC−6'
 * offsetLabel(345); // 'UTC+5:45'
 * offsetLabel(0); // 'UTC+0'
 */
export function offsetLabel(minutes: number): string {
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '\u2212' : '+'}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}

/**
 * The pieces of a range line around its two times, so that pages (with `<time>` elements), the
 * browser's reader line and plain-text places all write the same thing:
 * `{start}{afterStart}{separator}{end}{afterEnd} {zone label}{afterLabel}`.
 *
 * @example
 * // Havana across the fall-back: '0:30 (UTC−4) – 0:15 (UTC−5) Hora de Cuba'
 * rangePieces(havana); // { afterStart: ' (UTC−4)', separator: ' – ', afterEnd: ' (UTC−5)', afterLabel: '' }
 */
export function rangePieces(r: Omit<ZonedRange, 'zone' | 'label'>): { afterStart: string; separator: string; afterEnd: string; afterLabel: string } {
  const endNotes = [r.endDate, r.offset ? null : r.endOffset].filter(Boolean);
  return {
    afterStart: r.offset ? '' : ` (${r.startOffset})`,
    // Spaced when an end carries a note, so the dash reads between two whole times.
    separator: r.offset && !r.endDate ? '–' : ' – ',
    afterEnd: endNotes.length ? ` (${endNotes.join(', ')})` : '',
    afterLabel: `${r.offset ? ` (${r.offset})` : ''}${r.startDate ? ` · ${r.startDate}` : ''}`,
  };
}

/**
 * A range as one line of text, as calendars, share cards and the pages write it.
 *
 * @example
 * rangeText(opening, 'Hora de Guatemala'); // '9:00–9:20 Hora de Guatemala (UTC−6)'
 */
export function rangeText(r: ZonedRange, label: string): string {
  const p = rangePieces(r);
  return `${r.start}${p.afterStart}${p.separator}${r.end}${p.afterEnd} ${label}${p.afterLabel}`;
}
