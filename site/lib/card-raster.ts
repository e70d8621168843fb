import { Resvg } from '@resvg/resvg-js';
import { type CardWeight, cardFonts, fontFilesFor, textWidth } from './card-fonts';
import { indexSurface, type Palette, rgbaSurface, type Surface } from './card-surfaces';

/**
 * Draws a share card (share-card.ts lays it out) straight into palette indices, ready to be a
 * PNG's rows (or into RGBA pixels, for a card off its palette): flat rectangles and circles filled
 * here, text copied from word masks resvg draws once per word and style.
 *
 * Why not resvg for the whole card: drawing, filling and handing back a 1200×630 canvas cost ~10 ms
 * of CPU a card and ~3 MB of garbage, most of it for the flat background, against a few hundred
 * words that recur on card after card (the site's name, the zones, the days, the session types).
 * Each word is still shaped and anti-aliased by resvg from the card fonts, kerning included, so the
 * text looks as resvg draws it; only its position is rounded to the whole pixel.
 */

/** What a card is drawn from, in painting order; colours as `#rrggbb`. */
export type CardItem =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; radius: number; fill: string }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
  /** One face's text on one line: `x` where it starts, `y` its baseline; `family` a card font's. */
  | { kind: 'text'; x: number; y: number; text: string; family: string; size: number; weight: CardWeight; spacing: number; fill: string };

type TextItem = Extract<CardItem, { kind: 'text' }>;
type Style = Omit<TextItem, 'kind' | 'x' | 'y' | 'text' | 'fill'>;

/** A word's ink: its coverage (0–255) in a box placed relative to its pen position and baseline. */
interface Mask {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
  /**
   * The ink as runs, four numbers each: row, first column, length, and 1 when every pixel of the
   * run is covered whole (a glyph's inside, one fill) or 0 when each is blended. Most of a word's
   * box is empty, and a card paints some hundred words: walking only the ink halves the time.
   */
  runs: Int32Array;
}

/** Masks by style and word, kept for the whole build: a card shares most of its words with others. */
const masks = new Map<string, Mask>();
/** Past this many words (a very large programme), the kept masks are dropped and drawn again as needed. */
const MAX_MASKS = 20_000;

const keyOf = (style: Style, word: string) => `${style.family}|${style.weight}|${style.size}|${style.spacing}|${word}`;

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as SVG character data or an attribute value: nothing it holds can open markup. */
export const xml = (text: string) => text.replace(/[&<>"']/g, (ch) => XML[ch] ?? ch);

/** The words of a text item, each with its pen position's offset from the item's start. */
function words(item: TextItem): { word: string; offset: number }[] {
  const out: { word: string; offset: number }[] = [];
  let at = 0;
  for (const part of item.text.split(/( )/)) {
    if (part && part !== ' ') out.push({ word: part, offset: textWidth(item.text.slice(0, at), item.size, item.weight, item.spacing) });
    at += part.length;
  }
  return out;
}

/**
 * Where a sheet's user space starts (its viewBox's origin), and the most a sheet spans from there.
 * resvg lays text out and turns it into outlines in 32-bit floats, whose step depends on a
 * number's magnitude. Every coordinate of a sheet lies in [4096, 8192), where that step is one and
 * the same, so a word gets the very same pixels wherever it sits on whichever sheet. (Drawn from 0,
 * a few anti-aliased pixels moved with the place, and a card differed by which cards the build
 * had drawn before it: tests/unit/card-raster.test.ts.)
 */
const SHEET_ORIGIN = 4096;
const SHEET_SPAN = 4096;
/** How far a shelf of words runs before the next one starts (a longer word has a shelf of its own). */
const SHEET_WIDTH = 2048;

type Box = { key: string; x: number; y: number; width: number; height: number; pad: number; above: number };
/** What one resvg call draws: the words' boxes and `<text>` elements, and how wide they run. */
type Sheet = { boxes: Box[]; texts: string[]; width: number };
const emptySheet = (): Sheet => ({ boxes: [], texts: [], width: 0 });

/**
 * Draws the masks of words not drawn yet, in as few resvg calls as fit: each word on a transparent
 * sheet in a box of its own (shelves of boxes), its coverage read from the alpha channel.
 */
function drawMasks(wanted: Map<string, { word: string; style: Style }>): void {
  if (masks.size + wanted.size > MAX_MASKS) masks.clear();
  const { ascent, descent } = cardFonts();
  let sheet = emptySheet();
  let [x, y, shelf] = [0, 0, 0];
  for (const [key, { word, style }] of wanted) {
    // Room for what a glyph may draw outside its advance (overhangs, accents above capitals).
    const pad = Math.ceil(style.size * 0.25) + 2;
    const above = Math.ceil(ascent * style.size) + pad;
    const width = Math.ceil(textWidth(word, style.size, style.weight, style.spacing)) + 2 * pad;
    const height = above + Math.ceil(descent * style.size) + pad;
    if (x > 0 && x + width > SHEET_WIDTH) [x, y, shelf] = [0, y + shelf, 0];
    if (y > 0 && y + height > SHEET_SPAN) {
      drawSheet(sheet, y + shelf);
      [sheet, x, y, shelf] = [emptySheet(), 0, 0, 0];
    }
    sheet.boxes.push({ key, x, y, width, height, pad, above });
    const spacing = style.spacing ? ` letter-spacing="${style.spacing}"` : '';
    sheet.texts.push(
      `<text x="${SHEET_ORIGIN + x + pad}" y="${SHEET_ORIGIN + y + above}" font-family="${xml(style.family)}" font-size="${style.size}" font-weight="${style.weight}"${spacing} fill="#000">${xml(word)}</text>`,
    );
    [x, shelf, sheet.width] = [x + width, Math.max(shelf, height), Math.max(sheet.width, x + width)];
  }
  if (sheet.boxes.length) drawSheet(sheet, y + shelf);
}

/** One resvg call: a sheet's words, their masks kept. */
function drawSheet(sheet: Sheet, height: number): void {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${sheet.width}" height="${height}" viewBox="${SHEET_ORIGIN} ${SHEET_ORIGIN} ${sheet.width} ${height}">${sheet.texts.join('')}</svg>`;
  const image = new Resvg(svg, {
    // Only the card's own fonts: skipping the system ones saves time and keeps every machine's cards alike.
    font: { loadSystemFonts: false, fontFiles: fontFilesFor(svg), defaultFontFamily: cardFonts().family },
  }).render();
  const pixels = image.pixels;
  for (const box of sheet.boxes) masks.set(box.key, cutMask(pixels, image.width, box));
}

/** A box of a sheet as a mask, trimmed to its ink. */
function cutMask(pixels: Uint8Array, stride: number, box: Box): Mask {
  let [minX, minY, maxX, maxY] = [box.width, box.height, -1, -1];
  for (let j = 0; j < box.height; j++) {
    for (let i = 0; i < box.width; i++) {
      if (pixels[((box.y + j) * stride + box.x + i) * 4 + 3]) {
        if (i < minX) minX = i;
        if (i > maxX) maxX = i;
        if (j < minY) minY = j;
        if (j > maxY) maxY = j;
      }
    }
  }
  if (maxX < 0) return { left: 0, top: 0, width: 0, height: 0, alpha: new Uint8Array(0), runs: new Int32Array(0) };
  const [width, height] = [maxX - minX + 1, maxY - minY + 1];
  const alpha = new Uint8Array(width * height);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) alpha[j * width + i] = pixels[((box.y + minY + j) * stride + box.x + minX + i) * 4 + 3] as number;
  }
  return { left: minX - box.pad, top: minY - box.above, width, height, alpha, runs: inkRuns(alpha, width, height) };
}

/** Mask.runs: each row's ink split where it turns from covered whole to partly covered or back. */
function inkRuns(alpha: Uint8Array, width: number, height: number): Int32Array {
  const runs: number[] = [];
  for (let j = 0; j < height; j++) {
    let i = 0;
    while (i < width) {
      const a = alpha[j * width + i] as number;
      if (a === 0) {
        i++;
        continue;
      }
      const solid = a === 255;
      let end = i + 1;
      for (; end < width; end++) {
        const b = alpha[j * width + end] as number;
        if (b === 0 || (b === 255) !== solid) break;
      }
      runs.push(j, i, end - i, solid ? 1 : 0);
      i = end;
    }
  }
  return Int32Array.from(runs);
}

/**
 * The card's pixels as opaque RGBA, `width` × `height`, painted from `items` in order. The array
 * is reused by the next call: encode it (or copy it) before drawing another card.
 */
export function rasterizeCard(items: readonly CardItem[], width: number, height: number): Uint8Array {
  const surface = rgbaSurface(width, height);
  paintItems(items, width, height, surface);
  return surface.pixels;
}

/**
 * The card as indices into `palette`, one byte a pixel, or null when some pixel has no palette
 * colour near it (a colour the palette was not made for): the caller then paints it as RGBA
 * instead of shipping wrong colours. The array is reused by the next call.
 */
export function rasterizeCardIndexed(items: readonly CardItem[], width: number, height: number, palette: Palette): Uint8Array | null {
  const surface = indexSurface(width, height, palette);
  paintItems(items, width, height, surface);
  return surface.off ? null : surface.indices;
}

function paintItems<P>(items: readonly CardItem[], width: number, height: number, surface: Surface<P>): void {
  const placed = items.map((item) => (item.kind === 'text' ? words(item) : []));
  const wanted = new Map<string, { word: string; style: Style }>();
  items.forEach((item, n) => {
    if (item.kind !== 'text') return;
    for (const { word } of placed[n] ?? []) {
      const key = keyOf(item, word);
      if (!masks.has(key)) wanted.set(key, { word, style: { family: item.family, size: item.size, weight: item.weight, spacing: item.spacing } });
    }
  });
  if (wanted.size) drawMasks(wanted);
  const first = items[0];
  // A card's first item is its background: only a card without one starts from white.
  const covered = first?.kind === 'rect' && !first.radius && first.x <= 0 && first.y <= 0 && first.x + first.width >= width && first.y + first.height >= height;
  if (!covered) surface.span(0, width * height, surface.paint('#ffffff'));
  const paint = painter(width, height, surface);
  items.forEach((item, n) => {
    if (item.kind === 'rect') paint.rect(item, surface.paint(item.fill));
    else if (item.kind === 'circle') paint.circle(item, surface.paint(item.fill));
    else {
      const colour = surface.paint(item.fill);
      for (const { word, offset } of placed[n] ?? []) {
        const mask = masks.get(keyOf(item, word));
        if (mask) paint.mask(mask, Math.round(item.x + offset) + mask.left, Math.round(item.y) + mask.top, colour);
      }
    }
  });
}

/** Which pixels each shape covers and by how much (0–255), handed to the surface. */
function painter<P>(width: number, height: number, surface: Surface<P>) {
  const cover = (i: number, paint: P, coverage: number) => {
    const a = Math.round(coverage * 255);
    if (a >= 255) surface.dot(i, paint);
    else if (a > 0) surface.blend(i, paint, a);
  };
  /** Coverage of the pixel at (x, y) by a shape, from 4×4 samples. */
  const sampled = (x: number, y: number, inside: (sx: number, sy: number) => boolean) => {
    let hits = 0;
    for (let j = 0; j < 4; j++) for (let i = 0; i < 4; i++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits++;
    return hits / 16;
  };
  return {
    rect(r: { x: number; y: number; width: number; height: number; radius: number }, paint: P) {
      const [x1, y1] = [r.x + r.width, r.y + r.height];
      const rad = Math.min(r.radius, r.width / 2, r.height / 2);
      const inCorner = (x: number, y: number) => (x < r.x + rad || x > x1 - rad) && (y < r.y + rad || y > y1 - rad);
      const inside = (sx: number, sy: number) => {
        if (sx < r.x || sx > x1 || sy < r.y || sy > y1) return false;
        if (!rad || !inCorner(sx, sy)) return true;
        const cx = sx < r.x + rad ? r.x + rad : x1 - rad;
        const cy = sy < r.y + rad ? r.y + rad : y1 - rad;
        return (sx - cx) ** 2 + (sy - cy) ** 2 <= rad * rad;
      };
      for (let y = Math.max(0, Math.floor(r.y)); y < Math.min(height, Math.ceil(y1)); y++) {
        const cy = Math.min(y + 1, y1) - Math.max(y, r.y);
        // The pixels the rectangle covers whole on this row, filled at once; its edges blended.
        const [from, to] = [Math.max(0, Math.ceil(r.x)), Math.min(width, Math.floor(x1))];
        const cornerRow = rad > 0 && (y < r.y + rad || y + 1 > y1 - rad);
        const whole = cy >= 1 && !cornerRow && to > from;
        if (whole) surface.span(y * width + from, y * width + to, paint);
        const edge = (x: number) => {
          const cx = Math.min(x + 1, x1) - Math.max(x, r.x);
          const corner = rad > 0 && (inCorner(x, y) || inCorner(x + 1, y + 1) || inCorner(x + 1, y) || inCorner(x, y + 1));
          cover(y * width + x, paint, corner ? sampled(x, y, inside) : cx * cy);
        };
        const [left, right] = [Math.max(0, Math.floor(r.x)), Math.min(width, Math.ceil(x1))];
        if (whole) {
          // Only the partly covered pixels at either end are left.
          for (let x = left; x < from; x++) edge(x);
          for (let x = to; x < right; x++) edge(x);
        } else for (let x = left; x < right; x++) edge(x);
      }
    },
    circle(c: { cx: number; cy: number; r: number }, paint: P) {
      const inside = (sx: number, sy: number) => (sx - c.cx) ** 2 + (sy - c.cy) ** 2 <= c.r * c.r;
      for (let y = Math.max(0, Math.floor(c.cy - c.r)); y < Math.min(height, Math.ceil(c.cy + c.r)); y++) {
        // The run of pixels well inside the circle on this row is one span; only the rim is anti-aliased.
        const dy = Math.max(Math.abs(y + 0.5 - c.cy), 0);
        const half = c.r - 0.75 > dy ? Math.sqrt((c.r - 0.75) ** 2 - dy * dy) : -1;
        const [innerFrom, innerTo] = half > 0 ? [Math.ceil(c.cx - half - 0.5), Math.floor(c.cx + half - 0.5) + 1] : [0, 0];
        for (let x = Math.max(0, Math.floor(c.cx - c.r)); x < Math.min(width, Math.ceil(c.cx + c.r)); x++) {
          if (x >= innerFrom && x < innerTo) {
            surface.span(y * width + Math.max(0, innerFrom), y * width + Math.min(width, innerTo), paint);
            x = Math.min(width, innerTo) - 1;
            continue;
          }
          const d = Math.hypot(x + 0.5 - c.cx, y + 0.5 - c.cy);
          cover(y * width + x, paint, d <= c.r - 0.75 ? 1 : d >= c.r + 0.75 ? 0 : sampled(x, y, inside));
        }
      }
    },
    mask(m: Mask, left: number, top: number, paint: P) {
      // The part of the mask on the canvas: rows [top0, top1) and columns [from, to) of the mask.
      const [from, to] = [Math.max(0, -left), Math.min(m.width, width - left)];
      const [top0, top1] = [Math.max(0, -top), Math.min(m.height, height - top)];
      const { runs, alpha } = m;
      for (let r = 0; r < runs.length; r += 4) {
        const j = runs[r] as number;
        if (j < top0 || j >= top1) continue;
        const start = Math.max(from, runs[r + 1] as number);
        const end = Math.min(to, (runs[r + 1] as number) + (runs[r + 2] as number));
        if (start >= end) continue;
        const row = (top + j) * width + left;
        // A glyph's inside is the colour itself (a fill pays from a few pixels on); its edges are blended.
        if (runs[r + 3] && end - start > 8) surface.span(row + start, row + end, paint);
        else if (runs[r + 3]) for (let i = start; i < end; i++) surface.dot(row + i, paint);
        else for (let i = start, k = j * m.width + start; i < end; i++, k++) surface.blend(row + i, paint, alpha[k] as number);
      }
    },
  };
}
