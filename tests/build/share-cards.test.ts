import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileForPath, listFiles, pageDocument, requireDist } from '../support/dist';
import { publishedOfType, readNdjson, slugOf } from '../support/ndjson';

const docs = readNdjson();
const sessions = publishedOfType(docs, 'session').map(slugOf);
const speakers = publishedOfType(docs, 'speaker').map(slugOf);
const langs = [
  { lang: 'es', prefix: '/', programme: 'programa', speakers: 'ponentes', conceptNote: 'nota-conceptual' },
  { lang: 'en', prefix: '/en/', programme: 'programme', speakers: 'speakers', conceptNote: 'concept-note' },
  { lang: 'pt', prefix: '/pt/', programme: 'programa', speakers: 'palestrantes', conceptNote: 'nota-conceitual' },
] as const;
type LangRow = (typeof langs)[number];

/** The pages that must have a card of their own: home, every session, every speaker. */
function cardPages({ prefix, programme, speakers: folder }: LangRow): string[] {
  return [prefix, ...sessions.map((s) => `${prefix}${programme}/${s}/`), ...speakers.map((s) => `${prefix}${folder}/${s}/`)];
}

function meta(page: string, attribute: 'property' | 'name', key: string): string | null {
  return pageDocument(page).querySelector(`meta[${attribute}="${key}"]`)?.getAttribute('content') ?? null;
}

/** The built PNG a page's og:image points to, with its URL. */
function pageImage(page: string): { url: URL; png: Buffer } {
  const content = meta(page, 'property', 'og:image');
  if (!content) throw new Error(`${page} has no og:image`);
  const url = new URL(content);
  const file = fileForPath(url.pathname);
  if (!file) throw new Error(`${page}: og:image ${content} is not in the build`);
  return { url, png: readFileSync(file) };
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

beforeAll(() => {
  requireDist();
});

describe('share cards', () => {
  it.each(langs)('give every home, session and speaker page in $lang its own 1200×630 PNG', (row) => {
    const seen = new Set<string>();
    for (const page of cardPages(row)) {
      const { url, png } = pageImage(page);
      expect(pngSize(png), page).toEqual({ width: 1200, height: 630 });
      expect(url.pathname, page).toMatch(new RegExp(`^/og/${row.lang}/.+\\.png$`));
      seen.add(url.pathname);
    }
    expect(seen.size).toBe(cardPages(row).length);
  });

  it.each(langs)('announce the card in $lang with an absolute URL on the site origin, its size and an alt text', (row) => {
    for (const page of cardPages(row)) {
      const image = meta(page, 'property', 'og:image') ?? '';
      const origin = new URL(meta(page, 'property', 'og:url') ?? '').origin;
      expect(image, page).toMatch(/^https?:\/\//);
      expect(new URL(image).origin, page).toBe(origin);
      expect(meta(page, 'property', 'og:image:width'), page).toBe('1200');
      expect(meta(page, 'property', 'og:image:height'), page).toBe('630');
      expect(meta(page, 'property', 'og:image:alt')?.length ?? 0, page).toBeGreaterThan(5);
      expect(meta(page, 'name', 'twitter:card'), page).toBe('summary_large_image');
    }
  });

  it.each(langs)('give the programme, speakers and concept note pages in $lang the home card', (row) => {
    const home = pageImage(row.prefix).url.href;
    for (const page of [`${row.prefix}${row.programme}/`, `${row.prefix}${row.speakers}/`, `${row.prefix}${row.conceptNote}/`]) {
      expect(pageImage(page).url.href, page).toBe(home);
    }
  });

  it('draw each session differently in each language', () => {
    for (const slug of sessions) {
      const bytes = langs.map((row) => pageImage(`${row.prefix}${row.programme}/${slug}/`).png);
      expect(bytes[0]?.equals(bytes[1] as Buffer), slug).toBe(false);
      expect(bytes[0]?.equals(bytes[2] as Buffer), slug).toBe(false);
      expect(bytes[1]?.equals(bytes[2] as Buffer), slug).toBe(false);
    }
  });

  it('build no card that no page announces', () => {
    const announced = new Set(langs.flatMap((row) => cardPages(row).map((page) => pageImage(page).url.pathname)));
    const built = listFiles()
      .filter((file) => file.startsWith('og/'))
      .map((file) => `/${file}`);
    expect(built.sort()).toEqual([...announced].sort());
  });
});
