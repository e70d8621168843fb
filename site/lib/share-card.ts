import { createHash } from 'node:crypto';
import sharp from 'sharp';
import packageJson from '../../package.json?raw';
import { type CardWeight, cardFonts, runs, textWidth } from './card-fonts';
import fontsSource from './card-fonts.ts?raw';
import { type CardItem, rasterizeCard, rasterizeCardIndexed, xml } from './card-raster';
import rasterSource from './card-raster.ts?raw';
import surfacesSource from './card-surfaces.ts?raw';
import { blendPalette, encodeIndexedPng } from './palette-png';
import paletteSource from './palette-png.ts?raw';
import rendererSource from './share-card.ts?raw';
import { clampText, fitTitle, type TextStyle } from './share-card-title';
import titleSource from './share-card-title.ts?raw';

/**
 * Share cards: the 1200×630 PNG that link previews (Open Graph, X, chat apps) show for a page.
 * Drawn at build time from plain strings: the layout is fixed, so this module places each line of
 * text itself (wrapped with the font's own advance widths, share-card-title.ts) and lists the
 * card's shapes and text runs in painting order; card-raster.ts paints them (each word as resvg
 * draws it from the card fonts, card-fonts.ts), and the same list as SVG is what the tests read.
 * A layout engine (satori, before) cost twice resvg's time per card to find the same positions.
 * What goes on each card is chosen in share-cards.ts; this module only lays out.
 */

/** One fact in the band at the bottom of a card, e.g. a time and the zone it is in. */
export interface ShareCardFact {
  value: string;
  label: string;
}

/** Everything a card shows, as plain text. */
export interface ShareCard {
  /** Top left: the site's name. */
  brand: string;
  /** Top right: the organiser, e.g. its acronym. */
  organizer?: string | null;
  /** Small capitals above the title, e.g. the session's type and access. */
  eyebrow?: string | null;
  /** The largest text; shrunk, then clamped with an ellipsis, so it never overflows. */
  title: string;
  /** Short lines under the title, e.g. the date, or a position and an institution. */
  lines?: string[];
  /** Up to three facts in the band at the bottom; more are left out. */
  facts: ShareCardFact[];
  /** Initials drawn in a circle beside the title, for a person. */
  monogram?: string | null;
}

export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 630;

// The site's light palette (site/styles/global.css).
const colors = {
  bg: '#fbfaf7',
  text: '#1d2430',
  muted: '#4a5568',
  accent: '#0b4f6c',
  onAccent: '#ffffff',
  onAccentMuted: '#c7dde7',
  tint: '#e4eef2',
};

const PAD_X = 80;
const BAND_HEIGHT = 150;
const MONOGRAM = 148;
/** Height left between the brand row and the band for eyebrow, title and lines. */
const BODY_HEIGHT = 330;

/**
 * The version of the drawing, part of every cached card's key (site/lib/build-cache.ts): the
 * source of this file, of the wrapping (share-card-title.ts), of the fonts' loading (card-fonts.ts),
 * of the painter (card-raster.ts, card-surfaces.ts) and of the encoder (palette-png.ts), and the
 * exact versions of the packages that draw and encode, so editing the layout or upgrading one of
 * them redraws every card.
 */
export const SHARE_CARD_RENDERER: string = (() => {
  const { dependencies = {} } = JSON.parse(packageJson) as { dependencies?: Record<string, string> };
  const drawing = ['@resvg/resvg-js', '@fontsource/noto-sans', 'sharp'].map((name) => `${name}@${dependencies[name] ?? '?'}`);
  return createHash('sha256')
    .update(rendererSource)
    .update(titleSource)
    .update(fontsSource)
    .update(paletteSource)
    .update(rasterSource)
    .update(surfacesSource)
    .update(drawing.join(' '))
    .digest('hex')
    .slice(0, 16);
})();

/**
 * The palette of a card's PNG: each colour drawn on each colour it is drawn on, with the blends
 * their anti-aliased edges make. Every pixel of a card fits it, at a third of the RGBA size.
 */
export const SHARE_CARD_PALETTE = blendPalette([
  [colors.text, colors.bg],
  [colors.muted, colors.bg],
  [colors.accent, colors.bg],
  [colors.tint, colors.bg],
  [colors.accent, colors.tint],
  [colors.onAccent, colors.accent],
  [colors.onAccentMuted, colors.accent],
]);

/**
 * Renders a card to PNG bytes (1200×630).
 * @example await renderShareCard({ brand: 'Seminario-Taller CSS', title: 'Mesa de reflexión 1', facts: [{ value: '9:30–10:30', label: 'Hora de Guatemala' }] })
 */
export async function renderShareCard(card: ShareCard): Promise<Buffer> {
  const items = cardItems(card);
  // A palette PNG (every network reads PNG; not all read WebP; a JPEG is three times the bytes on
  // these flat cards), painted in palette indices from the start: the palette is known in advance
  // (palette-png.ts), which costs a small fraction of sharp's libimagequant at its lowest effort
  // (~60 ms of CPU a card) for a file of about the same size (~22–34 KB). Should a pixel ever be
  // off the palette (a colour added to the card but not to SHARE_CARD_PALETTE), the card is
  // painted as RGBA and libimagequant encodes it.
  const indices = rasterizeCardIndexed(items, SHARE_CARD_WIDTH, SHARE_CARD_HEIGHT, SHARE_CARD_PALETTE);
  if (indices) return encodeIndexedPng(indices, SHARE_CARD_WIDTH, SHARE_CARD_HEIGHT, SHARE_CARD_PALETTE);
  const pixels = rasterizeCard(items, SHARE_CARD_WIDTH, SHARE_CARD_HEIGHT);
  return sharp(Buffer.from(pixels), { raw: { width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT, channels: 4 } })
    .png({ palette: true, colours: 256, effort: 1 })
    .toBuffer();
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffe\uffff]/g;

/**
 * Text as one line of words: controls, bidi overrides, line breaks and lone surrogates become
 * spaces, so nothing reaches the SVG but characters XML allows.
 */
export function cleanText(value: string): string {
  return value
    .toWellFormed()
    .replace(/\ufffd/g, ' ')
    .replace(INVISIBLE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Block extends TextStyle {
  color: string;
  /** Line height in px. */
  line: number;
}

/** A line height of "normal" (the font's ascender plus descender), as CSS gives a box without one. */
const normal = (size: number) => size * (cardFonts().ascent + cardFonts().descent);

/**
 * Lines of text as card items, the first line's box at `top`; each baseline sits where CSS puts it
 * (half the leading above the ascender). `anchor` middle centres each line on `x`, end ends it
 * there. A line mixing faces (a "Ł" in a Spanish word) is one item per run, placed by the measured
 * widths: resvg drops a whole `<text>` whose word holds two tspans of one family ("Łódź").
 */
function textLines(lines: string[], x: number, top: number, b: Block, anchor: 'start' | 'middle' | 'end' = 'start'): CardItem[] {
  const { ascent, descent, family } = cardFonts();
  const spacing = b.spacing ?? 0;
  return lines.flatMap((line, i) => {
    const y = round(top + i * b.line + (b.line - (ascent + descent) * b.size) / 2 + ascent * b.size);
    const width = textWidth(line, b.size, b.weight, spacing);
    let at = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
    return runs(line, b.weight).map((run): CardItem => {
      const item: CardItem = {
        kind: 'text',
        x: round(at),
        y,
        text: run.text,
        family: run.family ?? family,
        size: b.size,
        weight: b.weight,
        spacing,
        fill: b.color,
      };
      at += textWidth(run.text, b.size, b.weight, spacing);
      return item;
    });
  });
}

const round = (n: number) => Math.round(n * 100) / 100;
const rect = (x: number, y: number, width: number, height: number, fill: string, radius = 0): CardItem => ({
  kind: 'rect',
  x: round(x),
  y: round(y),
  width: round(width),
  height: round(height),
  radius,
  fill,
});

const bold = (size: number, color: string, spacing = 0): Block => ({ size, weight: 700 as CardWeight, spacing, color, line: normal(size) });

/** Card items as SVG: what the tests read and what resvg would draw the same card from. */
function svgOf(items: readonly CardItem[]): string {
  const body = items.map((item) => {
    if (item.kind === 'rect') {
      return `<rect x="${item.x}" y="${item.y}" width="${item.width}" height="${item.height}"${item.radius ? ` rx="${item.radius}"` : ''} fill="${item.fill}"/>`;
    }
    if (item.kind === 'circle') return `<circle cx="${item.cx}" cy="${item.cy}" r="${item.r}" fill="${item.fill}"/>`;
    const spacing = item.spacing ? ` letter-spacing="${item.spacing}"` : '';
    return `<text x="${item.x}" y="${item.y}" font-family="${xml(item.family)}" font-size="${item.size}" font-weight="${item.weight}" fill="${item.fill}"${spacing} xml:space="preserve">${xml(item.text)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}" viewBox="0 0 ${SHARE_CARD_WIDTH} ${SHARE_CARD_HEIGHT}">${body.join('')}</svg>`;
}

/**
 * The card as SVG, its text as `<text>` in Noto Sans (resvg draws it from card-fonts.ts; the
 * tests read it to check what a card says and that no real title had to be clamped).
 */
export function renderShareCardSvg(card: ShareCard): string {
  return svgOf(cardItems(card));
}

/** What a card is drawn from: its shapes and lines of text, laid out, in painting order. */
function cardItems(card: ShareCard): CardItem[] {
  const title = cleanText(card.title);
  const eyebrow = card.eyebrow ? cleanText(card.eyebrow).toUpperCase() : '';
  const lines = (card.lines ?? []).map(cleanText).filter(Boolean).slice(0, 3);
  const monogram = card.monogram ? Array.from(cleanText(card.monogram)).slice(0, 3).join('') : '';
  const bodyX = PAD_X + (monogram ? MONOGRAM + 44 : 0);
  const bodyWidth = SHARE_CARD_WIDTH - PAD_X - bodyX;
  const out: CardItem[] = [rect(0, 0, SHARE_CARD_WIDTH, SHARE_CARD_HEIGHT, colors.bg), rect(0, 0, SHARE_CARD_WIDTH, 10, colors.accent)];

  // The brand row: a square and the site's name on the left, the organiser on the right.
  const brandStyle = bold(26, colors.accent);
  const organizerStyle = bold(22, colors.muted, 3);
  const rowTop = 10 + 38;
  const rowHeight = Math.max(brandStyle.line, card.organizer ? organizerStyle.line : 0);
  out.push(rect(PAD_X, rowTop + (rowHeight - 18) / 2, 18, 18, colors.accent, 3));
  out.push(...textLines(clampText(cleanText(card.brand), 760, 1, brandStyle), PAD_X + 32, rowTop + (rowHeight - brandStyle.line) / 2, brandStyle));
  if (card.organizer) {
    const organizer = clampText(cleanText(card.organizer), 260, 1, organizerStyle);
    out.push(...textLines(organizer, SHARE_CARD_WIDTH - PAD_X, rowTop + (rowHeight - organizerStyle.line) / 2, organizerStyle, 'end'));
  }

  // The body, centred between the brand row and the band: eyebrow, title, then each line wrapping
  // once at most (a long institution name); the title gets the height they leave.
  const eyebrowStyle = bold(22, colors.accent, 2);
  const lineStyle: Block = { size: 30, weight: 400, color: colors.muted, line: 39 };
  const eyebrowLines = eyebrow ? clampText(eyebrow, bodyWidth, 1, eyebrowStyle) : [];
  const lineRows = lines.map((line) => clampText(line, bodyWidth, 2, lineStyle));
  const linesHeight = lineRows.flat().length * lineStyle.line + (lines.length ? 20 : 0);
  const eyebrowHeight = eyebrow ? eyebrowStyle.line + 14 : 0;
  const fit = fitTitle(title, bodyWidth, BODY_HEIGHT - linesHeight - eyebrowHeight);
  const titleStyle: Block = { size: fit.size, weight: 700, color: colors.text, line: fit.size * fit.lineHeight };
  const bodyHeight = eyebrowHeight + fit.lines.length * titleStyle.line + linesHeight;
  const middleTop = rowTop + rowHeight;
  const contentHeight = monogram ? Math.max(MONOGRAM, bodyHeight) : bodyHeight;
  const contentTop = middleTop + (SHARE_CARD_HEIGHT - BAND_HEIGHT - middleTop - contentHeight) / 2;
  let y = contentTop + (contentHeight - bodyHeight) / 2;
  if (monogram) {
    const [cx, cy] = [PAD_X + MONOGRAM / 2, contentTop + contentHeight / 2];
    const monogramStyle = bold(60, colors.accent);
    out.push({ kind: 'circle', cx: round(cx), cy: round(cy), r: MONOGRAM / 2, fill: colors.tint });
    out.push(...textLines([monogram], cx, cy - monogramStyle.line / 2, monogramStyle, 'middle'));
  }
  if (eyebrow) {
    out.push(...textLines(eyebrowLines, bodyX, y, eyebrowStyle));
    y += eyebrowHeight;
  }
  out.push(...textLines(fit.lines, bodyX, y, titleStyle));
  y += fit.lines.length * titleStyle.line + 20;
  for (const rows of lineRows) {
    out.push(...textLines(rows, bodyX, y, lineStyle));
    y += rows.length * lineStyle.line;
  }

  out.push(...factBand(card.facts));
  return out;
}

/**
 * Up to three facts side by side in equal columns, each a value over a label of up to two lines,
 * aligned at the top; the tallest column is centred in the band, so a label that wraps (a long
 * language's "registered participants only") leaves as much room below it as above the values.
 */
function factBand(facts: ShareCardFact[]): CardItem[] {
  const shown = facts.slice(0, 3);
  const top = SHARE_CARD_HEIGHT - BAND_HEIGHT;
  const gap = 48;
  const column = (SHARE_CARD_WIDTH - 2 * PAD_X - gap * (shown.length - 1)) / shown.length;
  const valueStyle = bold(shown.length > 2 ? 34 : 40, colors.onAccent);
  const labelStyle: Block = { size: 22, weight: 400, color: colors.onAccentMuted, line: 22 * 1.3 };
  const columns = shown.map((fact) => ({
    value: clampText(cleanText(fact.value), column, 1, valueStyle),
    label: clampText(cleanText(fact.label), column, 2, labelStyle),
  }));
  const labelRows = Math.max(0, ...columns.map((c) => c.label.length));
  const blockTop = top + (BAND_HEIGHT - (valueStyle.line + 4 + labelRows * labelStyle.line)) / 2;
  const parts = [rect(0, top, SHARE_CARD_WIDTH, BAND_HEIGHT, colors.accent)];
  columns.forEach(({ value, label }, i) => {
    const x = PAD_X + i * (column + gap);
    parts.push(...textLines(value, x, blockTop, valueStyle));
    parts.push(...textLines(label, x, blockTop + valueStyle.line + 4, labelStyle));
  });
  return parts;
}
