import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { distDir, fileForPath, listFiles, pageDocument, readableText, requireDist } from '../support/dist';
import { publishedOfType, readNdjson, slugOf } from '../support/ndjson';

/** The embeddable programme (/embed/, docs/embed.md) as built; tests/browser/embed.test.ts frames it. */

const sessions = publishedOfType(readNdjson(), 'session');
const embeds = [
  { lang: 'es', path: '/embed/', programme: '/programa/' },
  { lang: 'en', path: '/en/embed/', programme: '/en/programme/' },
  { lang: 'pt', path: '/pt/embed/', programme: '/pt/programa/' },
] as const;

beforeAll(() => {
  requireDist();
});

describe('the embeddable programme', () => {
  it.each(embeds)('$path is built, in $lang, not indexed, with the programme as canonical', ({ lang, path: page, programme }) => {
    expect(fileForPath(page)).not.toBeNull();
    const doc = pageDocument(page);
    expect(doc.documentElement.getAttribute('lang')).toBe(lang);
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(new URL(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')!).pathname).toBe(programme);
  });

  it.each(embeds)('$path has no site header, navigation, language switcher or offline worker', ({ path: page }) => {
    const doc = pageDocument(page);
    expect(doc.querySelector('header.site, footer.site, nav, .lang-switch')).toBeNull();
    expect(doc.querySelector('[data-offline-note]')).toBeNull();
    expect(doc.querySelector('link[rel="manifest"]')).toBeNull();
  });

  it.each(embeds)('$path lists every session, linked to its page in the top window', ({ path: page, programme }) => {
    const doc = pageDocument(page);
    for (const s of sessions) {
      const link = doc.querySelector(`a[href="${programme}${slugOf(s)}/"]`);
      expect(link, slugOf(s)).not.toBeNull();
      expect(link!.getAttribute('target')).toBe('_top');
    }
    // No link may open inside the frame, except the skip link, which stays on the page.
    const inFrame = [...doc.querySelectorAll('a[href]')].filter((a) => !a.getAttribute('href')!.startsWith('#') && a.getAttribute('target') !== '_top');
    expect(inFrame.map((a) => a.getAttribute('href'))).toEqual([]);
  });

  it.each(embeds)('$path gives every session its Guatemala and Peru times, and the zone picker', ({ path: page }) => {
    const doc = pageDocument(page);
    const blocks = [...doc.querySelectorAll('.embed-session [data-times]')];
    expect(blocks.length).toBe(sessions.length);
    for (const block of blocks) expect(block.querySelectorAll('p:not([data-chosen]) time[datetime$="Z"]').length).toBe(4);
    expect(doc.querySelector('[data-zone-picker] select')).not.toBeNull();
    expect(doc.querySelector('script[type="module"][src^="/_astro/"]')).not.toBeNull();
  });

  it('shows the opening at 9:00–9:20 in Guatemala and 10:00–10:20 in Peru', () => {
    const block = pageDocument('/embed/').querySelector('a[href="/programa/inauguracion/"]')!.closest('.embed-session')!;
    const [gt, pe] = [...block.querySelectorAll('.times p:not([data-chosen])')].map((p) => readableText(p).trim());
    expect(gt).toMatch(/^9:00\s*–\s*9:20 Hora de Guatemala \(UTC−6\)/);
    expect(pe).toMatch(/^10:00\s*–\s*10:20 Hora de Perú \(UTC−5\)/);
  });

  it('groups the two concurrent mesas as concurrent', () => {
    const group = pageDocument('/en/embed/').querySelector('.embed-concurrent')!;
    expect(group).not.toBeNull();
    const links = [...group.querySelectorAll('h3 a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/en/programme/mesa-de-reflexion-1/', '/en/programme/mesa-de-reflexion-2/']);
  });

  it('is left out of the sitemap', () => {
    const sitemaps = listFiles().filter((f) => /^sitemap.*\.xml$/.test(f));
    expect(sitemaps.length).toBeGreaterThan(0);
    const listed = sitemaps.flatMap((f) =>
      [...readFileSync(path.join(distDir, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
    );
    expect(listed.filter((p) => p.includes('/embed/'))).toEqual([]);
  });
});
