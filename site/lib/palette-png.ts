import { constants, crc32, deflateSync } from 'node:zlib';

/**
 * An indexed (palette) PNG of a picture drawn only in a few known colours: every pixel of a share
 * card is one of the site's flat colours or an anti-aliased edge between two of them, i.e. a blend
 * `fg·a + bg·(1−a)`. The palette is those blends at evenly spaced `a`, so the card is painted in
 * palette indices from the start (card-raster.ts) instead of going through a general quantiser:
 * a small fraction of libimagequant's CPU time on a 1200×630 card, for a file of about the same size.
 */

export type Rgb = readonly [number, number, number];

/** A colour as `#rrggbb` → its three channels. */
export function rgb(hex: string): Rgb {
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

/**
 * Encodes a picture of `palette` indices, one byte a pixel (card-raster.ts paints cards so), as an
 * 8-bit indexed PNG.
 */
export function encodeIndexedPng(indices: Uint8Array, width: number, height: number, palette: readonly Rgb[]): Buffer {
  if (indices.length !== width * height) throw new Error(`encodeIndexedPng: ${indices.length} indices for ${width}×${height} pixels`);
  const rows = rowsFor(width, height);
  const pixels = Buffer.from(indices.buffer, indices.byteOffset, indices.length);
  for (let y = 0; y < height; y++) {
    const to = y * (width + 1) + 1;
    // A row like the one above (most of a card: background, bands, the space between lines) is
    // written as PNG's "up" filter, all zeros: found by one native compare, and a row of zeros
    // costs deflate next to nothing. Any other row is written as it is (filter "none", the best
    // for flat indexed pictures).
    if (y > 0 && pixels.compare(pixels, (y - 1) * width, y * width, y * width, (y + 1) * width) === 0) {
      rows[to - 1] = 2;
      rows.fill(0, to, to + width);
    } else {
      rows[to - 1] = 0;
      pixels.copy(rows, to, y * width, (y + 1) * width);
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

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
