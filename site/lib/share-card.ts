import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import sharp from 'sharp';
import packageJson from '../../package.json?raw';
import { blendPalette, encodePalettePng } from './palette-png';
import paletteSource from './palette-png.ts?raw';
import rendererSource from './share-card.ts?raw';
import { fitTitle, wrappedLines } from './share-card-title';
import titleSource from './share-card-title.ts?raw';

/**
 * Share cards: the 1200×630 PNG that link previews (Open Graph, X, chat apps) show for a page.
 * Drawn at build time from plain strings: satori lays out a tree of boxes into an SVG with every
 * glyph as a path (so the SVG needs no font), and resvg rasterises it. What goes on each card is
 * chosen in share-cards.ts; this module only draws.
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

/** One family per subset: satori falls back along `fontFamily` for glyphs the first one lacks. */
const FONTS = { latin: 'Noto Sans', 'latin-ext': 'Noto Sans Latin Ext' } as const;
const FONT = `"${FONTS.latin}", "${FONTS['latin-ext']}"`;
const PAD_X = 80;
const BAND_HEIGHT = 150;
const MONOGRAM = 148;
/** Height left between the brand row and the band for eyebrow, title and lines. */
const BODY_HEIGHT = 330;

/**
 * The version of the drawing, part of every cached card's key (site/lib/build-cache.ts): the
 * source of this file, of the title's fitting (share-card-title.ts) and of the encoder (palette-png.ts), and the exact versions of the libraries that draw and encode, so editing the layout
 * or upgrading one of them redraws every card.
 */
export const SHARE_CARD_RENDERER: string = (() => {
  const { dependencies = {} } = JSON.parse(packageJson) as { dependencies?: Record<string, string> };
  const drawing = ['satori', '@resvg/resvg-js', '@fontsource/noto-sans', 'sharp'].map((name) => `${name}@${dependencies[name] ?? '?'}`);
  return createHash('sha256').update(rendererSource).update(titleSource).update(paletteSource).update(drawing.join(' ')).digest('hex').slice(0, 16);
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

let fonts: Font[] | null = null;

/**
 * Noto Sans from @fontsource/noto-sans (WOFF: satori reads it, no download), read once per process:
 * the latin subset first, latin-ext for the rarer accented letters. One array for every call also
 * lets satori reuse the fonts it has parsed.
 */
function loadFonts(): Font[] {
  if (fonts) return fonts;
  const require = createRequire(import.meta.url);
  const file = (subset: string, weight: number) => readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`));
  fonts = (['latin', 'latin-ext'] as const).flatMap((subset) =>
    ([400, 700] as const).map((weight): Font => ({ name: FONTS[subset], data: file(subset, weight), weight, style: 'normal' })),
  );
  return fonts;
}

/**
 * Renders a card to PNG bytes (1200×630).
 * @example await renderShareCard({ brand: 'Seminario-Taller CSS', title: 'Mesa de reflexión 1', facts: [{ value: '9:30–10:30', label: 'Hora de Guatemala' }] })
 */
export async function renderShareCard(card: ShareCard): Promise<Buffer> {
  const svg = await renderShareCardSvg(card);
  // Text is already paths: resvg needs no fonts, and skipping the system ones saves time.
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: SHARE_CARD_WIDTH }, font: { loadSystemFonts: false } }).render();
  // A palette PNG (every network reads PNG; not all read WebP; a JPEG is three times the bytes on
  // these flat cards). The palette is known in advance (palette-png.ts), which costs about a
  // quarter of sharp's libimagequant at its lowest effort (~15 ms against ~60 ms of CPU a card,
  // the largest part of a card's cost) for a file of the same size (~25 KB). Should a pixel ever
  // be off the palette (a colour added to the card but not to SHARE_CARD_PALETTE), libimagequant encodes it.
  return (
    encodePalettePng(image.pixels, image.width, image.height, SHARE_CARD_PALETTE) ??
    sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
      .png({ palette: true, colours: 256, effort: 1 })
      .toBuffer()
  );
}

/**
 * The card as SVG. With `embedFont: false` the text stays `<text>` instead of glyph paths, which
 * the tests read to check what a card says and that no real title had to be clamped.
 */
export function renderShareCardSvg(card: ShareCard, options: { embedFont?: boolean } = {}): Promise<string> {
  return satori(cardTree(card), { width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT, fonts: loadFonts(), embedFont: options.embedFont ?? true });
}

type Node = Parameters<typeof satori>[0];
type Style = Record<string, string | number>;

function el(type: string, style: Style, children?: Node | Node[]): Node {
  return { type, key: null, props: { style, children } } as Node;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** Text as one line of words: controls, bidi overrides and line breaks become spaces, so nothing reaches the SVG but glyphs. */
export function cleanText(value: string): string {
  return value.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}

function cardTree(card: ShareCard): Node {
  const title = cleanText(card.title);
  const eyebrow = card.eyebrow ? cleanText(card.eyebrow) : '';
  const lines = (card.lines ?? []).map(cleanText).filter(Boolean).slice(0, 3);
  const monogram = card.monogram ? Array.from(cleanText(card.monogram)).slice(0, 3).join('') : '';
  const bodyWidth = SHARE_CARD_WIDTH - 2 * PAD_X - (monogram ? MONOGRAM + 44 : 0);

  // Each line may wrap once (a long institution name); the title gets what they leave.
  const lineSize = 30;
  const lineRows = lines.reduce((rows, line) => rows + Math.min(2, wrappedLines(line, bodyWidth / lineSize)), 0);
  const linesHeight = lineRows * Math.round(lineSize * 1.3) + (lines.length ? 20 : 0);
  const eyebrowHeight = eyebrow ? 34 + 14 : 0;
  const fit = fitTitle(title, bodyWidth, BODY_HEIGHT - linesHeight - eyebrowHeight);

  const body = el('div', { display: 'flex', flexDirection: 'column', flex: monogram ? 1 : 'none', minWidth: 0 }, [
    eyebrow
      ? el(
          'div',
          {
            fontSize: 22,
            fontWeight: 700,
            letterSpacing: 2,
            textTransform: 'uppercase',
            color: colors.accent,
            marginBottom: 14,
            lineClamp: 1,
            textOverflow: 'ellipsis',
          },
          eyebrow,
        )
      : null,
    el(
      'div',
      {
        fontSize: fit.size,
        lineHeight: fit.lineHeight,
        fontWeight: 700,
        color: colors.text,
        lineClamp: fit.lines,
        textOverflow: 'ellipsis',
        overflowWrap: 'anywhere',
        maxHeight: Math.ceil(fit.size * fit.lineHeight * fit.lines),
      },
      title,
    ),
    lines.length
      ? el(
          'div',
          { display: 'flex', flexDirection: 'column', marginTop: 20 },
          lines.map((line) => el('div', { fontSize: lineSize, lineHeight: 1.3, color: colors.muted, lineClamp: 2, textOverflow: 'ellipsis' }, line)),
        )
      : null,
  ]);

  const content = monogram
    ? el('div', { display: 'flex', alignItems: 'center' }, [
        el(
          'div',
          {
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            width: MONOGRAM,
            height: MONOGRAM,
            flexShrink: 0,
            marginRight: 44,
            borderRadius: MONOGRAM / 2,
            backgroundColor: colors.tint,
            color: colors.accent,
            fontSize: 60,
            fontWeight: 700,
          },
          monogram,
        ),
        body,
      ])
    : body;

  return el(
    'div',
    { display: 'flex', flexDirection: 'column', width: '100%', height: '100%', backgroundColor: colors.bg, fontFamily: FONT, color: colors.text },
    [
      el('div', { display: 'flex', height: 10, backgroundColor: colors.accent }),
      el('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: `38px ${PAD_X}px 0` }, [
        el('div', { display: 'flex', alignItems: 'center', fontSize: 26, fontWeight: 700, color: colors.accent }, [
          el('div', { width: 18, height: 18, backgroundColor: colors.accent, marginRight: 14, borderRadius: 3 }),
          el('div', { lineClamp: 1, textOverflow: 'ellipsis', maxWidth: 760 }, cleanText(card.brand)),
        ]),
        card.organizer
          ? el(
              'div',
              { fontSize: 22, fontWeight: 700, letterSpacing: 3, color: colors.muted, maxWidth: 260, lineClamp: 1, textOverflow: 'ellipsis' },
              cleanText(card.organizer),
            )
          : null,
      ]),
      el('div', { display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1, padding: `0 ${PAD_X}px` }, content),
      factBand(card.facts),
    ],
  );
}

function factBand(facts: ShareCardFact[]): Node {
  const shown = facts.slice(0, 3);
  return el(
    'div',
    // Facts align at the top, so a label that wraps does not shift its value out of line.
    {
      display: 'flex',
      alignItems: 'flex-start',
      boxSizing: 'border-box',
      height: BAND_HEIGHT,
      flexShrink: 0,
      padding: `32px ${PAD_X}px 0`,
      backgroundColor: colors.accent,
    },
    shown.map((fact, i) =>
      el('div', { display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0, marginLeft: i === 0 ? 0 : 48 }, [
        el(
          'div',
          { fontSize: shown.length > 2 ? 34 : 40, fontWeight: 700, color: colors.onAccent, lineClamp: 1, textOverflow: 'ellipsis' },
          cleanText(fact.value),
        ),
        el('div', { fontSize: 22, lineHeight: 1.3, color: colors.onAccentMuted, marginTop: 4, lineClamp: 2, textOverflow: 'ellipsis' }, cleanText(fact.label)),
      ]),
    ),
  );
}
