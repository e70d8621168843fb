import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { blendPalette, encodePalettePng } from '../../site/lib/palette-png';
import { renderShareCard, SHARE_CARD_PALETTE } from '../../site/lib/share-card';

const ink = '#1d2430';
const paper = '#fbfaf7';
const rgbOf = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/** An opaque RGBA picture: a horizontal ramp from paper to ink (every anti-aliasing step), then `extra` pixels. */
function ramp(width: number, extra: number[][] = []): Uint8Array {
  const [f, b] = [rgbOf(ink), rgbOf(paper)];
  const pixels: number[] = [];
  for (let x = 0; x < width; x++) {
    const a = x / (width - 1);
    pixels.push(...[0, 1, 2].map((k) => Math.round((f[k] ?? 0) * a + (b[k] ?? 0) * (1 - a))), 255);
  }
  for (const colour of extra) pixels.push(...colour, 255);
  return Uint8Array.from(pixels);
}

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

describe('encodePalettePng', () => {
  it('keeps every blend of the two colours within a few levels, as an 8-bit indexed PNG', async () => {
    const width = 256;
    const pixels = ramp(width);
    const png = encodePalettePng(pixels, width, 1, palette);
    expect(png).not.toBeNull();
    const { channels, colourType } = await decode(png as Buffer);
    expect(colourType).toBe(3);
    let worst = 0;
    for (let i = 0; i < width; i++) {
      for (let k = 0; k < 3; k++) worst = Math.max(worst, Math.abs((channels[i * 3 + k] ?? 0) - (pixels[i * 4 + k] ?? 0)));
    }
    expect(worst).toBeGreaterThan(0); // the ramp has more steps than the palette, so some are rounded
    expect(worst).toBeLessThanOrEqual(4);
  });

  it('refuses a picture with a colour far from the palette instead of shipping it in the wrong colour', () => {
    expect(encodePalettePng(ramp(16, [[255, 0, 0]]), 17, 1, palette)).toBeNull();
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
