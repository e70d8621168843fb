/**
 * The optional reminder of the My programme calendar: a VALARM (RFC 5545 §3.6.6) at the end of every
 * VEVENT, `minutes` before its start. Done by the browser on the finished file, so the published
 * calendars and my-programme.json stay exactly as built (no alarm is forced on subscribers) and the
 * reader's choice costs one text replacement. No choice (0) leaves the file untouched.
 * @example withReminder('BEGIN:VEVENT\r\nEND:VEVENT\r\n', 15, 'Starts soon') // '…BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Starts soon\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT\r\n'
 */
export function withReminder(ics: string, minutes: number, text: string): string {
  if (!(minutes > 0)) return ics;
  // TEXT escaping (§3.3.11) of our own copy string, which is short enough to need no folding.
  const description = text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
  const alarm = `BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:${description}\r\nTRIGGER:-PT${Math.round(minutes)}M\r\nEND:VALARM\r\n`;
  return ics.replaceAll('END:VEVENT\r\n', `${alarm}END:VEVENT\r\n`);
}
