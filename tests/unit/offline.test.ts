import { describe, expect, it } from 'vitest';
import { pagePath } from '../../content-models/routes';
import { isPrecachedPage, precacheManifest } from '../../site/lib/offline';

describe('isPrecachedPage', () => {
  it('accepts every kind of page of the route table, in every language', () => {
    for (const lang of ['es', 'en', 'pt'] as const) {
      for (const kind of ['home', 'programme', 'speakers', 'conceptNote', 'myProgramme'] as const)
        expect(isPrecachedPage(pagePath(kind, lang)), `${lang} ${kind}`).toBe(true);
      expect(isPrecachedPage(pagePath('session', lang, 'inauguracion'))).toBe(true);
      expect(isPrecachedPage(pagePath('speaker', lang, 'rita-mishaan'))).toBe(true);
    }
  });

  it('refuses the embed, the 404 pages and anything outside the route table', () => {
    for (const path of ['/embed/', '/en/embed/', '/en/404/', '/pt/404/', '/programa/x/y/', '/otra-cosa/']) expect(isPrecachedPage(path), path).toBe(false);
  });
});

describe('precacheManifest', () => {
  it('lists pages by the path they are visited at, /_astro/ files without revision, nothing else, sorted', () => {
    const files = [
      { url: 'programa/index.html', revision: 'b', size: 2 },
      { url: 'index.html', revision: 'a', size: 1 },
      { url: '_astro/ZonePicker.abc123.js', revision: 'c', size: 3 },
      { url: 'embed/index.html', revision: 'd', size: 4 },
      { url: 'en/404/index.html', revision: 'e', size: 5 },
    ];
    expect(precacheManifest(files)).toEqual([
      { url: '/', revision: 'a', size: 1 },
      { url: '/_astro/ZonePicker.abc123.js', revision: null, size: 3 },
      { url: '/programa/', revision: 'b', size: 2 },
    ]);
  });
});
