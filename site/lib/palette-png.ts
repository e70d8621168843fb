import { constants, crc32, deflateSync } from 'node:zlib';

/**
 * An indexed (palette) PNG of a picture drawn only in a few known colours: every pixel of a share
 * card is one of the site's flat colours or an anti-aliased edge between two of them, i.e. a blend
 * `fg·a + bg·(1−a)`. The palette is those blends at evenly spaced `a`, so mapping a pixel is a
 * nearest-colour look-up (memoised per distinct colour) instead of a general quantiser: about a
 * tenth of libimagequant's CPU time on a 1200×630 card, for a file of about the same size.
 */

type Rgb = readonly [number, number, number];

/** A colour as `#rrggbb` → its three channels. */
function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * The palette for `pairs` of [foreground, background] colours: each pair's blends at as many
 * evenly spaced steps as fit in 256 entries together, the flat colours included once.
 */
export function blendPalette(pairs: readonly (readonly [string, string])[]): Rgb[] {
  const steps = Math.max(2, Math.floor((256 - 2 * pairs.length) / pairs.length) + 2);
  const seen = new Map<number, Rgb>();
  for (const [fg, bg] of pairs) {
    const [f, b] = [rgb(fg), rgb(bg)];
    for (let i = 0; i < steps; i++) {
      const a = i / (steps - 1);
      const c: Rgb = [0, 1, 2].map((k) => Math.round((f[k] ?? 0) * a + (b[k] ?? 0) * (1 - a))) as unknown as Rgb;
      seen.set((c[0] << 16) | (c[1] << 8) | c[2], c);
    }
  }
  return [...seen.values()].slice(0, 256);
}

const CACHE_BITS = 12;
const CACHE_SLOTS = 1 << CACHE_BITS;

/** The worst a pixel may differ from its palette colour (squared RGB distance) before the picture counts as not fitting. */
const MAX_ERROR = 3 * 12 * 12;

/**
 * Encodes opaque RGBA pixels as an 8-bit indexed PNG with `palette`, or returns null when some
 * pixel is further than MAX_ERROR from every palette colour (a colour the palette was not made
 * for): the caller then encodes the picture another way instead of shipping wrong colours.
 */
export function encodePalettePng(pixels: Uint8Array, width: number, height: number, palette: readonly Rgb[]): Buffer | null {
  // A direct-mapped cache of colour → index (a Map look-up at every colour change, i.e. along
  // every anti-aliased edge, was half the encoder's time): a card's ~150 colours in 4096 slots.
  const slotWord = new Int32Array(CACHE_SLOTS);
  const slotIndex = new Int16Array(CACHE_SLOTS).fill(-1);
  const rows = rowsFor(width, height);
  // Four bytes a pixel read as one number (RGBA in memory; the alpha byte is masked off).
  const words = new Int32Array(pixels.buffer, pixels.byteOffset, width * height);
  const bytes = Buffer.from(pixels.buffer, pixels.byteOffset, width * height * 4);
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const opaque = littleEndian ? 0x00ffffff : 0xffffff00 | 0;
  const stride = width * 4;
  for (let y = 0; y < height; y++) {
    const from = y * width;
    const to = y * (width + 1) + 1;
    // A row like the one above (most of a card: background, bands, the space between lines) is
    // written as PNG's "up" filter, all zeros: found by one native compare instead of a scan, and
    // a row of zeros costs deflate next to nothing. (Any alpha difference only costs the scan.)
    if (y > 0 && bytes.compare(bytes, (y - 1) * stride, y * stride, y * stride, (y + 1) * stride) === 0) {
      rows[to - 1] = 2;
      rows.fill(0, to, to + width);
      continue;
    }
    rows[to - 1] = 0; // filter "none", the best for flat indexed pictures
    // Runs of one colour are the rule (background, band): each run is looked up once and filled.
    for (let x = 0, end = 0; x < width; x = end) {
      const word = (words[from + x] as number) & opaque;
      for (end = x + 1; end < width && ((words[from + end] as number) & opaque) === word; end++);
      const slot = Math.imul(word, 0x9e3779b1) >>> (32 - CACHE_BITS);
      let index = slotWord[slot] === word ? (slotIndex[slot] as number) : -1;
      if (index < 0) {
        const key = littleEndian ? ((word & 255) << 16) | (word & 0xff00) | ((word >> 16) & 255) : word >>> 8;
        index = nearest(palette, key);
        if (index < 0) return null;
        slotWord[slot] = word;
        slotIndex[slot] = index;
      }
      if (end - x > 8) rows.fill(index, to + x, to + end);
      else for (let i = to + x; i < to + end; i++) rows[i] = index;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits per index, colour type 3 (palette), no interlace
  // Run-length matching only: a card's rows are long runs of one index, which Z_RLE finds at
  // ~2 ms a card where level 4's full match search took ~5.3 (measured on 43 cards of a 10× build),
  // for ~6 KB more a card (~34 KB instead of ~28; only link previews fetch them): at 10× content,
  // about 1.4 s of a clean build.
  const chunks = [
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(palette.flat())),
    chunk('IDAT', deflateSync(rows, { level: 6, memLevel: 9, strategy: constants.Z_RLE })),
    chunk('IEND', Buffer.alloc(0)),
  ];
  return Buffer.concat([SIGNATURE, ...chunks]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The filtered rows' buffer, kept for the next picture of the same size: a new ~750 KB buffer a
 * card was ~340 MB of short-lived memory outside V8's heap at 10× content, each a push to collect.
 */
let keptRows: Buffer | null = null;
function rowsFor(width: number, height: number): Buffer {
  const size = (width + 1) * height;
  if (keptRows?.length !== size) keptRows = Buffer.alloc(size);
  return keptRows;
}

/** The index of the palette colour nearest to `key` (0xrrggbb), or -1 when none is near enough. */
function nearest(palette: readonly Rgb[], key: number): number {
  const [r, g, b] = [(key >> 16) & 255, (key >> 8) & 255, key & 255];
  let best = -1;
  let bestDistance = MAX_ERROR + 1;
  // A plain loop: a card has a few thousand distinct edge colours, each looked up once.
  for (let i = 0; i < palette.length; i++) {
    const c = palette[i] as Rgb;
    const d = (c[0] - r) ** 2 + (c[1] - g) ** 2 + (c[2] - b) ** 2;
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
