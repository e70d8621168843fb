import { describe, expect, it } from 'vitest';
import { pagePath } from '../../content-models/routes';
import { assetsLoadedBy, isOfflinePage, isShellPage, precacheManifest, savedProgramme } from '../../site/lib/offline';

describe('isShellPage and isOfflinePage', () => {
  it('the shell is home, programme, concept note and My programme of each language; sessions, speakers and speaker pages are kept only when visited or saved', () => {
    for (const lang of ['es', 'en', 'pt'] as const) {
      for (const kind of ['home', 'programme', 'conceptNote', 'myProgramme'] as const) {
        expect(isShellPage(pagePath(kind, lang)), `${lang} ${kind}`).toBe(true);
        expect(isOfflinePage(pagePath(kind, lang)), `${lang} ${kind}`).toBe(true);
      }
      for (const page of [pagePath('speakers', lang), pagePath('session', lang, 'inauguracion'), pagePath('speaker', lang, 'rita-mishaan')]) {
        expect(isShellPage(page), page).toBe(false);
        expect(isOfflinePage(page), page).toBe(true);
      }
    }
  });

  it('refuse the embed, the 404 pages and anything outside the route table', () => {
    for (const path of ['/embed/', '/en/embed/', '/en/404/', '/pt/404/', '/programa/x/y/', '/otra-cosa/']) {
      expect(isShellPage(path), path).toBe(false);
      expect(isOfflinePage(path), path).toBe(false);
    }
  });
});

describe('assetsLoadedBy', () => {
  it('follows scripts, styles and fonts a page names and the relative imports of scripts, once each', () => {
    const files: Record<string, string> = {
      '_astro/a.1.js': 'import{x}from"./b.2.js";import("./c.3.js")',
      '_astro/b.2.js': 'import"./a.1.js";export const x=1',
      '_astro/c.3.js': 'fetch("/ics/x.ics")',
    };
    const html = '<script type="module" src="/_astro/a.1.js"></script><style>@font-face{src:url(/_astro/f.4.woff2)}</style><a href="/programa/">';
    expect(assetsLoadedBy(html, (f) => files[f] ?? '')).toEqual(['/_astro/a.1.js', '/_astro/b.2.js', '/_astro/c.3.js', '/_astro/f.4.woff2']);
  });
});

describe('precacheManifest and savedProgramme', () => {
  const files = [
    { url: 'programa/index.html', revision: 'b', size: 2 },
    { url: 'index.html', revision: 'a', size: 1 },
    { url: 'programa/inauguracion/index.html', revision: 'f', size: 6 },
    { url: 'en/programme/index.html', revision: 'g', size: 7 },
    { url: '_astro/ZonePicker.abc123.js', revision: 'c', size: 3 },
    { url: '_astro/Star.def456.js', revision: 'h', size: 8 },
    { url: 'embed/index.html', revision: 'd', size: 4 },
    { url: 'en/404/index.html', revision: 'e', size: 5 },
  ];
  const html: Record<string, string> = {
    'programa/index.html': '<script src="/_astro/ZonePicker.abc123.js">',
    'programa/inauguracion/index.html': '<script src="/_astro/Star.def456.js">',
  };
  const read = (f: string) => html[f] ?? '';

  it("lists one language's shell pages by the path they are visited at and the /_astro/ files they load without revision, nothing else, sorted", () => {
    expect(precacheManifest(files, 'es', read)).toEqual([
      { url: '/', revision: 'a', size: 1 },
      { url: '/_astro/ZonePicker.abc123.js', revision: null, size: 3 },
      { url: '/programa/', revision: 'b', size: 2 },
    ]);
    expect(precacheManifest(files, 'en', read)).toEqual([{ url: '/en/programme/', revision: 'g', size: 7 }]);
  });

  it("saves the language's other pages and what they load", () => {
    expect(
      savedProgramme(
        files.map((f) => f.url),
        'es',
        read,
      ),
    ).toEqual({ pages: ['/programa/inauguracion/'], assets: ['/_astro/Star.def456.js'] });
    expect(
      savedProgramme(
        files.map((f) => f.url),
        'pt',
        read,
      ),
    ).toEqual({ pages: [], assets: [] });
    // My programme's data file of the language is saved with its pages, not another language's.
    expect(savedProgramme(['my-programme.json', 'en/my-programme.json', 'programa/x/index.html'], 'es', () => '')).toEqual({
      pages: ['/my-programme.json', '/programa/x/'],
      assets: [],
    });
  });
});
