/**
 * A CSS string literal for any text: every character outside [A-Za-z0-9 ] becomes a hex escape,
 * so content (an event name, a URL) can sit in a stylesheet without ever closing the string, the
 * rule or the `<style>` element, and without spelling anything a filter would read as code.
 * @example cssString('Taller «CSS»') // '"Taller \\ab CSS\\bb "'
 */
export function cssString(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\t\f]+/g, ' ')) {
    out += /^[A-Za-z0-9 ]$/.test(ch) ? ch : `\\${(ch.codePointAt(0) ?? 0x20).toString(16)} `;
  }
  return `"${out}"`;
}

/**
 * The printed page's running head, as an `@page` margin box: the event's name and the page's
 * address on every sheet of paper, where the browser's own header may be switched off.
 * @example runningHeadCss('Seminario-Taller CSS', 'https://example.org/programa/')
 */
export function runningHeadCss(name: string, url: string): string {
  return `@media print{@page{@top-left{content:${cssString(name)};font:7.5pt system-ui,sans-serif;color:#000}@top-right{content:${cssString(url)};font:7.5pt system-ui,sans-serif;color:#000}}}`;
}
