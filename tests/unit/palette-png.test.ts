import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { blendPalette, encodeIndexedPng } from '../../site/lib/palette-png';
import { renderShareCard, SHARE_CARD_PALETTE } from '../../site/lib/share-card';

const ink = '#1d2430';
const paper = '#fbfaf7';
const rgbOf = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/** What a PNG decodes to, RGB, as any reader would show it. */
async function decode(png: Buffer): Promise<{ channels: Buffer; colourType: number }> {
  const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { channels: data, colourType: png[25] ?? -1 };
}

/** Seven pairs, as on a card: about 36 steps each, fewer than the 256 of the ramp. */
const palette = blendPalette([
  [ink, paper],
  ['#0b4f6c', paper],
  ['#ffffff', '#0b4f6c'],
  ['#c7dde7', '#0b4f6c'],
  ['#4a5568', paper],
  ['#e4eef2', paper],
  ['#0b4f6c', '#e4eef2'],
]);

describe('encodeIndexedPng', () => {
  it('writes palette indices as an 8-bit indexed PNG that decodes to exactly the palette colours, rows like the one above included', async () => {
    const [width, height] = [palette.length, 5];
    const indices = new Uint8Array(width * height);
    // Rows 0–1 every index in order, row 2 reversed, rows 3–4 one index: up-filtered rows both ways.
    for (let x = 0; x < width; x++) [indices[x], indices[width + x], indices[2 * width + x]] = [x, x, width - 1 - x];
    indices.fill(7, 3 * width);
    const png = encodeIndexedPng(indices, width, height, palette);
    const { channels, colourType } = await decode(png);
    expect(colourType).toBe(3);
    const want = [...indices].flatMap((i) => [...(palette[i] ?? [])]);
    expect([...channels]).toEqual(want);
  });

  it('refuses indices that do not make the picture it is told', () => {
    expect(() => encodeIndexedPng(new Uint8Array(10), 4, 3, palette)).toThrow(/10 indices for 4×3/);
  });

  it('gives a palette of at most 256 colours that includes both flat colours', () => {
    expect(palette.length).toBeLessThanOrEqual(256);
    expect(palette.length).toBeGreaterThan(200);
    for (const flat of [ink, paper, '#0b4f6c', '#ffffff']) expect(palette).toContainEqual(rgbOf(flat));
  });
});

describe('a share card', () => {
  it('is encoded with the known palette, not the general quantiser, and still shows its colours', async () => {
    const png = await renderShareCard({
      brand: 'Seminario-Taller',
      organizer: 'PIFCSS',
      title: 'Mesa de reflexión 1',
      monogram: 'AB',
      facts: [{ value: '9:30–10:30', label: 'Hora de Guatemala' }],
    });
    const { channels, colourType } = await decode(png);
    expect(colourType).toBe(3);
    // sharp's quantiser would also write a palette PNG, but with a palette of its own choosing.
    const plte = png.indexOf('PLTE', 0, 'latin1');
    expect(png.subarray(plte + 4, plte + 4 + png.readUInt32BE(plte - 4))).toEqual(Buffer.from(SHARE_CARD_PALETTE.flat()));
    // The top bar is the accent colour, the page under it the paper colour (site/styles/global.css).
    expect([...channels.subarray(0, 3)]).toEqual(rgbOf('#0b4f6c'));
    expect([...channels.subarray(1200 * 3 * 20, 1200 * 3 * 20 + 3)]).toEqual(rgbOf(paper));
  });
});
