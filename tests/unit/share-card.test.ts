import { rmSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { languages, pagePath } from '../../content-models/routes';
import { fontFilesFor, textWidth } from '../../site/lib/card-fonts';
import { loadSite } from '../../site/lib/content/load';
import { ndjsonSource } from '../../site/lib/content/source';
import type { PageEntry } from '../../site/lib/pages';
import { renderShareCard, renderShareCardSvg, SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH, type ShareCard } from '../../site/lib/share-card';
import { fitTitle } from '../../site/lib/share-card-title';
import { type CardEntry, shareCard, shareCardAlt, shareCardPath } from '../../site/lib/share-cards';
import { dayLabel } from '../../site/lib/time-display';
import { seedDatasetFile } from '../support/ndjson';

// The embedded dataset through groq-js, named explicitly so a developer's Sanity settings cannot leak in.
const source = ndjsonSource(seedDatasetFile);

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The text of a card's SVG in document order, tags dropped, entities decoded and spaces dropped. */
function svgText(svg: string): string {
  const pieces = [...svg.matchAll(/<text\b[^>]*>(.*?)<\/text>/g)].map((m) => (m[1] ?? '').replace(/<[^>]*>/g, ''));
  return pieces
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, '');
}

/** Dark pixels (the title's colour) of a card with `title` and no eyebrow or lines. */
async function ink(title: string): Promise<number> {
  const { data, info } = await sharp(await renderShareCard({ ...longTitle, eyebrow: null, lines: [], title }))
    .raw()
    .toBuffer({ resolveWithObject: true });
  let dark = 0;
  for (let i = 0; i < data.length; i += info.channels) if ((data[i] ?? 255) < 80 && (data[i + 1] ?? 255) < 80) dark++;
  return dark;
}

const longTitle: ShareCard = {
  brand: 'Seminario-Taller CSS',
  organizer: 'PIFCSS',
  eyebrow: 'Mesa de reflexión · Abierta al público',
  title:
    'Mesa de reflexión 1. La articulación con los sectores nacionales en la Cooperación Sur-Sur: experiencias, oportunidades y desafíos en tiempos de crisis — coordinação, ação, señal, façade, Łódź, Ağrı.',
  lines: ['lunes, 26 de octubre de 2020'],
  facts: [
    { value: '9:30–10:30', label: 'Hora de Guatemala · UTC−6' },
    { value: '10:30–11:30', label: 'Hora de Perú · UTC−5' },
  ],
};

describe('renderShareCard', () => {
  it('draws a 1200×630 PNG for a long title with accents', async () => {
    const png = await renderShareCard(longTitle);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('draws hostile text as text: markup, controls, an endless word and an emoji do not break it', async () => {
    const hostile: ShareCard = {
      brand: '<script>alert(1)</script>',
      organizer: '"><img src=x onerror=alert(1)>',
      eyebrow: '</svg><svg onload=alert(1)>',
      title: `<script>alert("x")</script> &amp; ${'a'.repeat(400)} 😀 \u202e\u0000\u0007 fin`,
      lines: ['\n\r\t', ']]><!--'],
      facts: [{ value: '<b>', label: '&' }],
      monogram: '<>',
    };
    const png = await renderShareCard(hostile);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });

    const svg = await renderShareCardSvg(hostile);
    // The markup (tags and attributes, text contents cut out) holds nothing the text brought in.
    expect(svg.replace(/>[^<]*</g, '><')).not.toMatch(/<script|<img|<svg\b(?!.*viewBox)|onload=|onerror=|<!--/i);
    expect(svg.match(/<svg\b/g)).toHaveLength(1);
    expect(svgText(svg)).toContain('<script>alert(1)</script>');
    expect(svgText(svg)).toContain('</svg><svgonload=alert(1)>'.toUpperCase());
  });

  it('clamps a title too long for any size with an ellipsis instead of letting it overflow', async () => {
    const title = 'Cooperación '.repeat(80).trim();
    const text = svgText(await renderShareCardSvg({ ...longTitle, title }));
    expect(text).toContain('…');
    expect(text).not.toContain(title.replace(/\s+/g, ''));
    expect(text).toContain('9:30–10:30');
  });

  it('draws latin-ext letters in the weight of the text around them, not as boxes or in regular', async () => {
    // Ł, Ž and Ő are in the latin-ext files, L, Z and O in the latin ones: in bold, the accented
    // title has its base letters' ink and a little more; drawn in regular it would have less, as
    // missing-glyph boxes far less or far more, and left out none.
    const [base, accented] = [await ink('LZO LZO'), await ink('ŁŽŐ ŁŽŐ')];
    expect(base).toBeGreaterThan(1000);
    expect(accented).toBeGreaterThan(base);
    expect(accented).toBeLessThan(base * 1.4);
  });

  it('writes a font file again when the build cache was deleted after the fonts were loaded', async () => {
    // Words are drawn from the fonts once and kept: the word after the deletion is a new one.
    const before = await ink('Apertura');
    for (const file of fontFilesFor(renderShareCardSvg(longTitle))) rmSync(file);
    const after = await ink('Clausura');
    expect(after).toBeGreaterThan(before * 0.8);
    expect(after).toBeLessThan(before * 1.25);
  });

  it("centres the band's facts in the band, whether their labels take one line or wrap to two", async () => {
    // Rows of the band (its last 150 px) with ink: any pixel off the band's colour (#0b4f6c).
    const margins = async (facts: ShareCard['facts']) => {
      const { data, info } = await sharp(await renderShareCard({ ...longTitle, facts }))
        .raw()
        .toBuffer({ resolveWithObject: true });
      const rows: number[] = [];
      for (let y = info.height - 150; y < info.height; y++) {
        for (let x = 0; x < info.width; x++) {
          const i = (y * info.width + x) * info.channels;
          if (Math.abs((data[i] ?? 0) - 0x0b) + Math.abs((data[i + 1] ?? 0) - 0x4f) + Math.abs((data[i + 2] ?? 0) - 0x6c) > 60) {
            rows.push(y);
            break;
          }
        }
      }
      return { above: rows[0]! - (info.height - 150), below: info.height - 1 - rows.at(-1)! };
    };
    const day = (value: string, label: string) => ({ value, label });
    const wrapped = await margins([
      day('seg., 26 de out.', 'Pública'),
      day('qua., 28 de out.', 'Somente participantes inscritos'),
      day('sex., 30 de out.', 'Somente participantes inscritos'),
    ]);
    const single = await margins(longTitle.facts);
    for (const { above, below } of [wrapped, single]) {
      expect(Math.abs(above - below), JSON.stringify({ above, below })).toBeLessThanOrEqual(12);
      expect(below).toBeGreaterThanOrEqual(20);
    }
  });

  it('draws a card as resvg draws its SVG, every word where the SVG puts it', async () => {
    for (const card of [longTitle, { ...longTitle, title: 'Rita Mishaan', monogram: 'RM', lines: ['Ministra', 'SEGEPLAN'] }]) {
      const mine = await sharp(await renderShareCard(card))
        .raw()
        .toBuffer();
      const svg = renderShareCardSvg(card);
      const reference = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: fontFilesFor(svg), defaultFontFamily: 'Noto Sans' } }).render().pixels;
      let [differ, inked] = [0, 0];
      for (let i = 0; i < SHARE_CARD_WIDTH * SHARE_CARD_HEIGHT; i++) {
        const channel = (k: number) => Math.abs((mine[i * 3 + k] ?? 0) - (reference[i * 4 + k] ?? 0));
        if (Math.max(channel(0), channel(1), channel(2)) > 64) differ++;
        if ((reference[i * 4] ?? 0) < 128) inked++;
      }
      // Words land on whole pixels (resvg's may fall between two) and are spaced by their advance
      // widths before kerning: a few edge pixels differ; a missing or misplaced word would be thousands.
      expect(inked).toBeGreaterThan(20_000);
      expect(differ / (SHARE_CARD_WIDTH * SHARE_CARD_HEIGHT)).toBeLessThan(0.02);
    }
  });

  it('names a face for every run of text, each face in its own weight', () => {
    const svg = renderShareCardSvg({ ...longTitle, title: 'Łódź', eyebrow: 'Győr' });
    expect(svg).toMatch(/<text[^>]*font-family="Noto Sans Latin Ext"[^>]*font-weight="700"[^>]*>Ł<\/text>/);
    expect(svg).toMatch(/<text[^>]*font-family="Noto Sans"[^>]*font-weight="700"[^>]*>ód<\/text>/);
    expect(svgText(svg)).toContain('GYŐR');
    expect(svgText(svg)).toContain('Łódź');
  });
});

describe('fitTitle', () => {
  it('gives a short title a larger size than a long one', () => {
    const short = fitTitle('Apertura', 1040, 220);
    const long = fitTitle(longTitle.title, 1040, 220);
    expect(short.size).toBeGreaterThan(long.size);
  });

  it('never lets the lines it allows overrun the height it was given', () => {
    for (const title of ['Apertura', longTitle.title, 'x '.repeat(500)]) {
      const fit = fitTitle(title, 1040, 220);
      expect(fit.size * fit.lineHeight * fit.lines.length).toBeLessThanOrEqual(220);
    }
  });

  it('never lets a line run wider than the box, and keeps every word of a title that fits', () => {
    for (const title of ['Apertura', longTitle.title, 'x '.repeat(500), 'a'.repeat(300)]) {
      const fit = fitTitle(title, 1040, 220);
      for (const line of fit.lines) expect(textWidth(line, fit.size, 700)).toBeLessThanOrEqual(1040);
      if (!fit.lines.join(' ').endsWith('…')) expect(fit.lines.join(' ').replace(/\s+/g, '')).toBe(title.replace(/\s+/g, ''));
    }
  });
});

describe('the cards of the embedded dataset', () => {
  it('show every title in full, in every language', async () => {
    const clamped: string[] = [];
    for (const lang of languages) {
      const site = await loadSite(lang, source);
      const entries: CardEntry[] = [
        { kind: 'home', lang, path: pagePath('home', lang) },
        ...site.sessions.map((session): CardEntry => ({ kind: 'session', lang, path: pagePath('session', lang, session.slug), session })),
        ...site.speakers.map((speaker): CardEntry => ({ kind: 'speaker', lang, path: pagePath('speaker', lang, speaker.slug), speaker })),
      ];
      for (const entry of entries) {
        const card = shareCard(entry, site);
        const text = svgText(await renderShareCardSvg(card));
        if (!text.includes(card.title.replace(/\s+/g, '')) || text.includes('…')) clamped.push(`${shareCardPath(entry)}: ${card.title}`);
      }
    }
    expect(clamped).toEqual([]);
  });

  it('say when a session is, in Guatemala and Peru time, in the card’s language', async () => {
    const site = await loadSite('en', source);
    const session = site.sessions.find((s) => s.slug === 'mesa-de-reflexion-1');
    if (!session) throw new Error('no mesa-de-reflexion-1 in the dataset');
    const card = shareCard({ kind: 'session', lang: 'en', path: pagePath('session', 'en', session.slug), session }, site);
    expect(card.lines).toEqual([dayLabel(session.date, 'en')]);
    expect(card.lines?.[0]).toMatch(/Monday,? 26 October 2020/);
    expect(card.facts.map((f) => f.label)).toEqual([expect.stringMatching(/^Guatemala time · UTC−6/), expect.stringMatching(/^Peru time · UTC−5/)]);
    expect(shareCardAlt(card)).toContain(card.title.replace(/\.$/, ''));
  });

  it('name a speaker with their position and institution', async () => {
    const site = await loadSite('pt', source);
    const speaker = site.speakers.find((s) => s.slug === 'rita-mishaan');
    if (!speaker) throw new Error('no rita-mishaan in the dataset');
    const card = shareCard({ kind: 'speaker', lang: 'pt', path: pagePath('speaker', 'pt', speaker.slug), speaker }, site);
    expect(card.title).toBe('Rita Mishaan');
    expect(card.eyebrow).toBe('Palestrante');
    expect(card.monogram).toBe('RM');
    expect(card.lines).toEqual([speaker.position?.text, expect.stringContaining('(SEGEPLAN)')]);
  });
});

describe('shareCardPath', () => {
  it('mirrors the page path under /og/<lang>/, and sends pages without a card to the home card', () => {
    expect(shareCardPath({ kind: 'home', lang: 'es', path: '/' })).toBe('/og/es/index.png');
    expect(shareCardPath({ kind: 'programme', lang: 'en', path: '/en/programme/' })).toBe('/og/en/index.png');
    const session = { slug: 'mesa-de-reflexion-1' } as Extract<PageEntry, { kind: 'session' }>['session'];
    expect(shareCardPath({ kind: 'session', lang: 'pt', path: pagePath('session', 'pt', session.slug), session })).toBe(
      '/og/pt/programa/mesa-de-reflexion-1.png',
    );
  });
});
