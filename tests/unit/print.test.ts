import { describe, expect, it } from 'vitest';
import { cssString, runningHeadCss } from '../../site/lib/print';

/** What a CSS parser reads from a string literal: hex escapes decoded, the quotes dropped. */
function decode(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  return literal.slice(1, -1).replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
}

describe('cssString', () => {
  it.each([
    'Seminario-Taller CSS',
    'Seminário-Oficina «CSS» · 2020',
    'https://example.org/pt/programa/',
    '"; } body { display: none } </style><script>alert(1)</script>',
    'a\\"b\\\\',
    '😀 emoji & ünïcödé',
  ])('keeps %j readable and cannot leave its string', (text) => {
    const literal = cssString(text);
    expect(decode(literal)).toBe(text);
    // Nothing but letters, digits, spaces and escapes between the quotes.
    expect(literal.slice(1, -1)).toMatch(/^(?:[A-Za-z0-9 ]|\\[0-9a-f]{1,6} )*$/);
    expect(literal).not.toMatch(/[<>;{}()':@]/);
  });

  it('turns line breaks into spaces, which a CSS string cannot hold raw', () => {
    expect(decode(cssString('one\ntwo\r\nthree'))).toBe('one two three');
  });
});

describe('runningHeadCss', () => {
  it('puts the name top left and the address top right of every printed page', () => {
    const css = runningHeadCss('Taller', 'https://x.org/programa/');
    expect(css).toMatch(/^@media print\{@page\{@top-left\{content:"Taller";/);
    expect(css).toContain(`@top-right{content:${cssString('https://x.org/programa/')}`);
  });
});
