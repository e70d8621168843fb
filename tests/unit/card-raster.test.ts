import { describe, expect, it, vi } from 'vitest';
import { type CardItem, rasterizeCard, rasterizeCardIndexed } from '../../site/lib/card-raster';
import { SHARE_CARD_PALETTE } from '../../site/lib/share-card';

/** The red channel of pixel (x, y) of an RGBA canvas `width` wide. */
const red = (px: Uint8Array, width: number, x: number, y: number) => px[(y * width + x) * 4] as number;
const white: CardItem = { kind: 'rect', x: 0, y: 0, width: 8, height: 8, radius: 0, fill: '#ffffff' };

describe('rasterizeCard', () => {
  it('fills a rectangle whole where it covers a pixel and in proportion where it covers part of one', () => {
    const px = rasterizeCard([white, { kind: 'rect', x: 1.5, y: 2, width: 3, height: 1.25, radius: 0, fill: '#000000' }], 8, 8);
    // Coverage is blended in 8 bits (as resvg does), so a half is 127 or 128.
    expect(red(px, 8, 0, 2)).toBe(255);
    expect(red(px, 8, 1, 2)).toBeCloseTo(127.5, -0.5); // half covered
    expect(red(px, 8, 2, 2)).toBe(0);
    expect(red(px, 8, 4, 2)).toBeCloseTo(127.5, -0.5);
    expect(red(px, 8, 5, 2)).toBe(255);
    expect(red(px, 8, 2, 3)).toBeCloseTo(191.25, -0.5); // a quarter covered
    expect(red(px, 8, 2, 4)).toBe(255);
    expect(px[(2 * 8 + 2) * 4 + 3]).toBe(255); // opaque
  });

  it('rounds a rectangle’s corners and fills a circle to its area', () => {
    const size = 64;
    const items: CardItem[] = [
      { ...white, width: size, height: size },
      { kind: 'circle', cx: 32, cy: 32, r: 20, fill: '#000000' },
      { kind: 'rect', x: 2, y: 2, width: 10, height: 10, radius: 4, fill: '#000000' },
    ];
    const px = rasterizeCard(items, size, size);
    let [circle, square] = [0, 0];
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const ink = 1 - red(px, size, x, y) / 255;
        if (y >= 12) circle += ink;
        else square += ink;
      }
    }
    expect(circle).toBeCloseTo(Math.PI * 20 * 20, -1);
    expect(square).toBeCloseTo(100 - (4 - Math.PI) * 16, 0);
    expect(red(px, size, 2, 2)).toBeGreaterThan(200); // the corner pixel is cut away
    expect(red(px, size, 6, 6)).toBe(0);
  });

  it('draws text in its colour, the same word the same way wherever it is', () => {
    const word = (x: number, y: number): CardItem => ({
      kind: 'text',
      x,
      y,
      text: 'Sur-Sur',
      family: 'Noto Sans',
      size: 30,
      weight: 700,
      spacing: 0,
      fill: '#0b4f6c',
    });
    const px = rasterizeCard([{ ...white, width: 300, height: 120 }, word(10, 40), word(150, 100)], 300, 120);
    const box = (left: number, top: number) => {
      const out: number[] = [];
      for (let y = top; y < top + 40; y++) for (let x = left; x < left + 130; x++) out.push(red(px, 300, x, y), px[(y * 300 + x) * 4 + 2] as number);
      return out;
    };
    const first = box(5, 10);
    expect(first).toEqual(box(145, 70));
    // Ink, in the text's colour where fully covered (#0b4f6c: red 11, blue 108).
    expect(first.filter((v, i) => i % 2 === 0 && v === 11).length).toBeGreaterThan(200);
  });

  it('draws a card to the same pixels whether its words were drawn for it or for cards before it, wherever those sat', async () => {
    // Each import after resetModules is a painter of its own, with no word drawn yet.
    const fresh = async () => {
      vi.resetModules();
      return (await import('../../site/lib/card-raster')).rasterizeCard;
    };
    const card = cardLike();
    const alone = (await fresh())(card, 400, 200).slice();
    const afterOthers = await fresh();
    // Some hundreds of words first, in the card's styles, so its words land all over the sheets.
    const styles = card.filter((item) => item.kind === 'text');
    const filler: CardItem[] = Array.from({ length: 600 }, (_, n) => ({ ...styles[n % styles.length]!, text: `palabra${n} ${'m'.repeat(n % 23)}` }));
    afterOthers([...filler, ...card], 400, 200);
    expect(Buffer.from(afterOthers(card, 400, 200)).equals(Buffer.from(alone))).toBe(true);
  });

  it('leaves nothing of the previous card on the reused canvas', () => {
    const dark: CardItem = { kind: 'rect', x: 0, y: 0, width: 8, height: 8, radius: 0, fill: '#000000' };
    rasterizeCard([dark], 8, 8);
    const px = rasterizeCard([{ ...white, width: 4 }], 8, 8);
    expect(red(px, 8, 6, 6)).toBe(255);
  });
});

/** A card-like picture in the share cards' colours: paper, a band, a rounded square, a circle and text on each. */
function cardLike(): CardItem[] {
  const text = (x: number, y: number, fill: string, size: number, weight: 400 | 700, words: string): CardItem => ({
    kind: 'text',
    x,
    y,
    text: words,
    family: 'Noto Sans',
    size,
    weight,
    spacing: 0,
    fill,
  });
  return [
    { kind: 'rect', x: 0, y: 0, width: 400, height: 200, radius: 0, fill: '#fbfaf7' },
    { kind: 'rect', x: 0, y: 0, width: 400, height: 10, radius: 0, fill: '#0b4f6c' },
    { kind: 'rect', x: 20.5, y: 20.25, width: 18, height: 18, radius: 3, fill: '#0b4f6c' },
    text(48, 36, '#0b4f6c', 26, 700, 'Sur-Sur'),
    { kind: 'circle', cx: 340.4, cy: 60.6, r: 40, fill: '#e4eef2' },
    text(315, 75, '#0b4f6c', 40, 700, 'AB'),
    text(20, 90, '#1d2430', 30, 700, 'Mesa de reflexión'),
    text(20, 120, '#4a5568', 22, 400, 'Coordinación Łódź'),
    { kind: 'rect', x: 0, y: 140, width: 400, height: 60, radius: 0, fill: '#0b4f6c' },
    text(20, 170, '#ffffff', 26, 700, '9:30–10:30'),
    text(200, 170, '#c7dde7', 18, 400, 'Hora de Guatemala'),
  ];
}

describe('rasterizeCardIndexed', () => {
  it('paints what the RGBA painter paints, each pixel within a few levels of it, in palette colours', () => {
    const [width, height] = [400, 200];
    const indices = rasterizeCardIndexed(cardLike(), width, height, SHARE_CARD_PALETTE);
    expect(indices).not.toBeNull();
    const rgba = rasterizeCard(cardLike(), width, height);
    let [worst, edges] = [0, 0];
    const flat = new Set(['#fbfaf7', '#0b4f6c', '#e4eef2', '#1d2430', '#4a5568', '#ffffff', '#c7dde7'].map((h) => Number.parseInt(h.slice(1), 16)));
    for (let i = 0; i < width * height; i++) {
      const colour = SHARE_CARD_PALETTE[(indices as Uint8Array)[i] as number] as readonly number[];
      for (let k = 0; k < 3; k++) worst = Math.max(worst, Math.abs((colour[k] ?? 0) - (rgba[i * 4 + k] as number)));
      if (!flat.has(((colour[0] ?? 0) << 16) | ((colour[1] ?? 0) << 8) | (colour[2] ?? 0))) edges++;
    }
    expect(worst).toBeLessThanOrEqual(4);
    expect(edges).toBeGreaterThan(500); // anti-aliased edges, not only flat colours
  });

  it('gives null for a colour the palette was not made for, so the card is not shipped in a wrong colour', () => {
    const items = cardLike();
    expect(
      rasterizeCardIndexed([...items, { kind: 'rect', x: 50, y: 50, width: 10, height: 10, radius: 0, fill: '#ff0000' }], 400, 200, SHARE_CARD_PALETTE),
    ).toBeNull();
    // Text of a palette colour on a background off the palette: its blends have no palette colour either.
    expect(rasterizeCardIndexed([{ ...(items[0] as CardItem), fill: '#00ff00' }, ...items.slice(3, 4)], 400, 200, SHARE_CARD_PALETTE)).toBeNull();
    // And the next card on the reused canvas is unaffected.
    expect(rasterizeCardIndexed(items, 400, 200, SHARE_CARD_PALETTE)).not.toBeNull();
  });
});
