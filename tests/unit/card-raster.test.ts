import { describe, expect, it } from 'vitest';
import { type CardItem, rasterizeCard } from '../../site/lib/card-raster';

/** The red channel of pixel (x, y) of an RGBA canvas `width` wide. */
const red = (px: Uint8Array, width: number, x: number, y: number) => px[(y * width + x) * 4] as number;
const white: CardItem = { kind: 'rect', x: 0, y: 0, width: 8, height: 8, radius: 0, fill: '#ffffff' };

describe('rasterizeCard', () => {
  it('fills a rectangle whole where it covers a pixel and in proportion where it covers part of one', () => {
    const px = rasterizeCard([white, { kind: 'rect', x: 1.5, y: 2, width: 3, height: 1.25, radius: 0, fill: '#000000' }], 8, 8);
    expect(red(px, 8, 0, 2)).toBe(255);
    expect(red(px, 8, 1, 2)).toBe(128); // half covered
    expect(red(px, 8, 2, 2)).toBe(0);
    expect(red(px, 8, 4, 2)).toBe(128);
    expect(red(px, 8, 5, 2)).toBe(255);
    expect(red(px, 8, 2, 3)).toBe(191); // a quarter covered
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

  it('leaves nothing of the previous card on the reused canvas', () => {
    const dark: CardItem = { kind: 'rect', x: 0, y: 0, width: 8, height: 8, radius: 0, fill: '#000000' };
    rasterizeCard([dark], 8, 8);
    const px = rasterizeCard([{ ...white, width: 4 }], 8, 8);
    expect(red(px, 8, 6, 6)).toBe(255);
  });
});
