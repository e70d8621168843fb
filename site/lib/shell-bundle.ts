/**
 * The shell bundle: a language's shell pages (home, programme, concept note, My programme) in one
 * file the service worker downloads and unpacks (site/scripts/service-worker.js). The pages share
 * most of their head (~27 KB of inline styles, 7 KB gzip each), and gzip compresses each file alone
 * within a 32 KB window, so four separate pages paid for that head four times. In the bundle each
 * page is a list of parts: its own text, or `[start, length]` of the text of the pages before it;
 * only what a page does not share with the ones before is sent (seed: 45.8 KB gzip as four files,
 * 21.9 KB as one bundle).
 */

export type Part = string | [start: number, length: number];

/**
 * A copy shorter than this is left as text: gzip already finds short repeats. Positions of the
 * earlier text are indexed every BLOCK characters by the BLOCK characters there. (Tried on the seed
 * and 10× builds: 16/48 gave the smallest gzip bundle, by ~1% over 32/64; longer copies lost more.)
 */
const MIN_COPY = 48;
const BLOCK = 16;

/**
 * Each text as parts: copies of long runs found in the texts before it, the rest as text.
 * @example encodeTexts(['a'.repeat(100), 'b' + 'a'.repeat(100)]) // [['aaaa…'], ['b', [0, 100]]]
 */
export function encodeTexts(texts: readonly string[]): Part[][] {
  let before = '';
  const index = new Map<string, number>();
  return texts.map((text) => {
    const parts: Part[] = [];
    let literal = 0;
    let i = 0;
    while (i + BLOCK <= text.length) {
      const at = index.get(text.slice(i, i + BLOCK));
      if (at === undefined) {
        i++;
        continue;
      }
      let [from, to, length] = [at, i, BLOCK];
      while (to + length < text.length && from + length < before.length && text[to + length] === before[from + length]) length++;
      while (to > literal && from > 0 && text[to - 1] === before[from - 1]) [from, to, length] = [from - 1, to - 1, length + 1];
      if (length < MIN_COPY) {
        i++;
        continue;
      }
      if (to > literal) parts.push(text.slice(literal, to));
      parts.push([from, length]);
      literal = i = to + length;
    }
    if (literal < text.length) parts.push(text.slice(literal));
    const start = before.length;
    before += text;
    for (let p = start; p + BLOCK <= before.length; p += BLOCK) {
      const key = before.slice(p, p + BLOCK);
      if (!index.has(key)) index.set(key, p);
    }
    return parts;
  });
}

/** The texts back from their parts: what the service worker does, here for the build's own check and the tests. */
export function decodeTexts(encoded: readonly (readonly Part[])[]): string[] {
  let before = '';
  return encoded.map((parts) => {
    const text = parts.map((part) => (typeof part === 'string' ? part : before.slice(part[0], part[0] + part[1]))).join('');
    before += text;
    return text;
  });
}

/**
 * The bundle file of some pages (URL path and HTML each, in order), as JSON with every `<` escaped
 * (as no JSON file the site publishes has a raw `<`), checked to unpack to the same pages.
 */
export function shellBundle(pages: readonly { url: string; html: string }[]): string {
  const encoded = encodeTexts(pages.map((p) => p.html));
  const decoded = decodeTexts(encoded);
  pages.forEach((page, i) => {
    if (decoded[i] !== page.html) throw new Error(`shell bundle: ${page.url} does not unpack to itself`);
  });
  return JSON.stringify({ pages: pages.map((page, i) => ({ url: page.url, parts: encoded[i] })) }).replace(/</g, '\\u003c');
}
