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
  // Blocks are keyed by a rolling hash, not by their text: slicing and hashing a 16-character
  // string at every position was most of the time (~0.5 s a build at 10× content). A hash that
  // collides is checked against the text, so it can only miss a copy, never make a wrong one.
  const index = new Map<number, number>();
  return texts.map((text) => {
    const parts: Part[] = [];
    let literal = 0;
    let i = 0;
    let hash = BLOCK <= text.length ? blockHash(text, 0) : 0;
    while (i + BLOCK <= text.length) {
      const at = index.get(hash);
      if (at !== undefined && sameBlock(before, at, text, i)) {
        let [from, to, length] = [at, i, BLOCK];
        while (to + length < text.length && from + length < before.length && text.charCodeAt(to + length) === before.charCodeAt(from + length)) length++;
        while (to > literal && from > 0 && text.charCodeAt(to - 1) === before.charCodeAt(from - 1)) [from, to, length] = [from - 1, to - 1, length + 1];
        if (length >= MIN_COPY) {
          if (to > literal) parts.push(text.slice(literal, to));
          parts.push([from, length]);
          literal = i = to + length;
          if (i + BLOCK <= text.length) hash = blockHash(text, i);
          continue;
        }
      }
      if (i + BLOCK < text.length) hash = (Math.imul(hash - Math.imul(text.charCodeAt(i), HASH_TOP), HASH_BASE) + text.charCodeAt(i + BLOCK)) | 0;
      i++;
    }
    if (literal < text.length) parts.push(text.slice(literal));
    const start = before.length;
    before += text;
    for (let p = start; p + BLOCK <= before.length; p += BLOCK) {
      const key = blockHash(before, p);
      if (!index.has(key)) index.set(key, p);
    }
    return parts;
  });
}

const HASH_BASE = 0x01000193;
/** HASH_BASE to the power BLOCK − 1, modulo 2³²: the weight of the character leaving the window. */
const HASH_TOP = Array.from({ length: BLOCK - 1 }).reduce<number>((h) => Math.imul(h, HASH_BASE), 1);

/** The hash of the BLOCK characters of `text` from `at`, as the rolling update in encodeTexts keeps it. */
function blockHash(text: string, at: number): number {
  let hash = 0;
  for (let k = 0; k < BLOCK; k++) hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(at + k)) | 0;
  return hash;
}

function sameBlock(a: string, from: number, b: string, at: number): boolean {
  for (let k = 0; k < BLOCK; k++) if (a.charCodeAt(from + k) !== b.charCodeAt(at + k)) return false;
  return true;
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
