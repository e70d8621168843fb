/**
 * The surfaces a share card is painted on (card-raster.ts works out what each item covers): RGBA
 * pixels, or palette indices a PNG can take as its rows.
 */

import { type Rgb, rgb } from './palette-png';

/** Any palette of up to 256 opaque colours, each `[r, g, b]`. */
export type Palette = readonly Rgb[];

/**
 * Where a card is painted: the painter (below) works out which pixels each item covers and by how
 * much; a surface stores them. Coverage is 0–255 and a blend is the straight 8-bit blend resvg
 * uses, `(colour·a + under·(255 − a) + 127) / 255`.
 */
export interface Surface<Paint> {
  /** A `#rrggbb` colour, prepared once per item. */
  paint(hex: string): Paint;
  /** Pixels `from` to `to` (exclusive, row-major) covered whole. */
  span(from: number, to: number, paint: Paint): void;
  /** Pixel `i` covered whole (a span of one, without the call to fill). */
  dot(i: number, paint: Paint): void;
  /** Pixel `i` covered at `a` (1–254; 255 is a span). */
  blend(i: number, paint: Paint, a: number): void;
}

/** One channel of `colour` over `under` at coverage `a` (0–255): the blend of Surface. */
const mix = (colour: number, under: number, a: number) => Math.trunc((colour * a + under * (255 - a) + 127) / 255);

/** The RGBA canvas, kept between cards. */
let canvas: Uint8Array | null = null;

/** Opaque RGBA pixels: what tests read, and what the general quantiser gets when a card is off its palette. */
export function rgbaSurface(width: number, height: number): Surface<{ rgb: Rgb; word: number }> & { pixels: Uint8Array } {
  if (canvas?.length !== width * height * 4) canvas = new Uint8Array(width * height * 4);
  const px = canvas;
  const words32 = new Uint32Array(px.buffer, px.byteOffset, width * height);
  return {
    pixels: px,
    paint(hex) {
      const colour = rgb(hex);
      return { rgb: colour, word: new Uint32Array(new Uint8Array([...colour, 255]).buffer)[0] as number };
    },
    span(from, to, paint) {
      words32.fill(paint.word, from, to);
    },
    dot(i, paint) {
      words32[i] = paint.word;
    },
    blend(i, { rgb: [r, g, b] }, a) {
      const o = i * 4;
      px[o] = mix(r, px[o] as number, a);
      px[o + 1] = mix(g, px[o + 1] as number, a);
      px[o + 2] = mix(b, px[o + 2] as number, a);
    },
  };
}

/** A paint on an indexed surface: its palette index, and what blending it over each index at each coverage gives. */
interface IndexPaint {
  index: number;
  rgb: Rgb;
  /** `under << 8 | a` → the nearest palette index; UNKNOWN until first needed, OFF_PALETTE when none is near. */
  blends: Int16Array;
}
const UNKNOWN = -1;
const OFF_PALETTE = -2;
/** Paints by palette and colour, kept for the whole build: a card's blends are its neighbours' too. */
const paints = new WeakMap<Palette, Map<string, IndexPaint>>();
/** The index canvas, kept between cards. */
let indexCanvas: Uint8Array | null = null;

/** The worst a pixel may differ from its palette colour (squared RGB distance) before the card counts as off its palette. */
const MAX_ERROR = 3 * 12 * 12;

/** The index of the palette colour nearest to `[r, g, b]`, or OFF_PALETTE when none is within MAX_ERROR. */
function nearest(palette: Palette, r: number, g: number, b: number): number {
  let [best, bestDistance] = [OFF_PALETTE, MAX_ERROR + 1];
  for (let i = 0; i < palette.length; i++) {
    const c = palette[i] as Rgb;
    const d = (c[0] - r) ** 2 + (c[1] - g) ** 2 + (c[2] - b) ** 2;
    if (d < bestDistance) [best, bestDistance] = [i, d];
  }
  return best;
}

/**
 * Palette indices, one byte a pixel: a card is painted in a few flat colours and the blends of
 * their edges, so each blend is looked up once for the whole build (`blends`) and the canvas is a
 * quarter of RGBA's bytes, ready to be a PNG's rows. `off` turns true when a colour or blend has
 * no palette colour near it.
 */
export function indexSurface(width: number, height: number, palette: Palette): Surface<IndexPaint> & { indices: Uint8Array; off: boolean } {
  if (indexCanvas?.length !== width * height) indexCanvas = new Uint8Array(width * height);
  const idx = indexCanvas;
  const known = paints.get(palette) ?? new Map<string, IndexPaint>();
  paints.set(palette, known);
  const surface = {
    indices: idx,
    off: false,
    paint(hex: string): IndexPaint {
      let paint = known.get(hex);
      if (!paint) {
        const colour = rgb(hex);
        paint = { index: nearest(palette, ...colour), rgb: colour, blends: new Int16Array(256 * 256).fill(UNKNOWN) };
        known.set(hex, paint);
      }
      if (paint.index < 0) surface.off = true;
      return paint;
    },
    span(from: number, to: number, paint: IndexPaint) {
      if (paint.index >= 0) idx.fill(paint.index, from, to);
    },
    dot(i: number, paint: IndexPaint) {
      if (paint.index >= 0) idx[i] = paint.index;
    },
    blend(i: number, paint: IndexPaint, a: number) {
      const under = idx[i] as number;
      const key = (under << 8) | a;
      let index = paint.blends[key] as number;
      if (index === UNKNOWN) {
        const c = palette[under] ?? [0, 0, 0];
        const [r, g, b] = paint.rgb;
        index = nearest(palette, mix(r, c[0], a), mix(g, c[1], a), mix(b, c[2], a));
        paint.blends[key] = index;
      }
      if (index === OFF_PALETTE) surface.off = true;
      else idx[i] = index;
    },
  };
  return surface;
}
