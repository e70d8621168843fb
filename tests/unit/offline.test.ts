import { describe, expect, it } from 'vitest';
import { pagePath } from '../../content-models/routes';
import { assetsLoadedBy, isOfflinePage, isShellPage, savedProgramme, shellOf } from '../../site/lib/offline';
import { decodeTexts, encodeTexts, shellBundle } from '../../site/lib/shell-bundle';

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
  const files: Record<string, string> = {
    '_astro/a.1.js': 'import{x}from"./b.2.js";import("./c.3.js");import(`./d.5.js`)',
    '_astro/b.2.js': 'import"./a.1.js";export const x=1',
    '_astro/c.3.js': 'fetch("/ics/x.ics")',
    '_astro/d.5.js': 'import"./e.6.js"',
  };
  const html = '<script type="module" src="/_astro/a.1.js"></script><style>@font-face{src:url(/_astro/f.4.woff2)}</style><a href="/programa/">';

  it('follows scripts, styles and fonts a page names and the static relative imports of scripts, once each', () => {
    expect(assetsLoadedBy(html, (f) => files[f] ?? '')).toEqual(['/_astro/a.1.js', '/_astro/b.2.js', '/_astro/f.4.woff2']);
  });

  it('with onDemand, also the chunks scripts import on demand (either quote Vite writes) and their imports', () => {
    expect(assetsLoadedBy(html, (f) => files[f] ?? '', { onDemand: true })).toEqual([
      '/_astro/a.1.js',
      '/_astro/b.2.js',
      '/_astro/c.3.js',
      '/_astro/d.5.js',
      '/_astro/e.6.js',
      '/_astro/f.4.woff2',
    ]);
  });
});

describe('shellOf and savedProgramme', () => {
  const files = [
    { url: 'programa/index.html' },
    { url: 'index.html' },
    { url: 'programa/inauguracion/index.html' },
    { url: 'en/programme/index.html' },
    { url: '_astro/ZonePicker.abc123.js' },
    { url: '_astro/Star.def456.js' },
    { url: 'embed/index.html' },
    { url: 'en/404/index.html' },
  ];
  const html: Record<string, string> = {
    'programa/index.html': '<script src="/_astro/ZonePicker.abc123.js">',
    'programa/inauguracion/index.html': '<script src="/_astro/Star.def456.js">',
  };
  const read = (f: string) => html[f] ?? '';

  it("lists one language's shell pages by the path they are visited at and the /_astro/ files they load, nothing else, sorted", () => {
    const urls = files.map((f) => f.url);
    expect(shellOf(urls, 'es', read)).toEqual({ pages: ['/', '/programa/'], files: ['/_astro/ZonePicker.abc123.js'] });
    expect(shellOf(urls, 'en', read)).toEqual({ pages: ['/en/programme/'], files: [] });
    // A file a page names but the build did not write is not listed (its fetch would fail every install).
    expect(shellOf(['programa/index.html'], 'es', read)).toEqual({ pages: ['/programa/'], files: [] });
  });

  it("saves the language's other pages and what every page of the language loads (the worker skips what its shell holds)", () => {
    expect(
      savedProgramme(
        files.map((f) => f.url),
        'es',
        read,
      ),
    ).toEqual({ pages: ['/programa/inauguracion/'], assets: ['/_astro/Star.def456.js', '/_astro/ZonePicker.abc123.js'] });
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

describe('the shell bundle', () => {
  const head = `<head><style>${Array.from({ length: 40 }, (_, i) => `.rule-${i}{margin:${i}px}`).join('')}</style></head>`;
  const pages = [
    { url: '/', html: `${head}<main>Inicio</main>` },
    { url: '/programa/', html: `${head}<main>Programa, con ${'muchas sesiones '.repeat(3)}</main>` },
    { url: '/nota-conceptual/', html: `<!doctype html>${head}<main>Nota</main>${head.slice(10, 200)}` },
  ];

  it('unpacks every page to exactly its text', () => {
    const encoded = encodeTexts(pages.map((p) => p.html));
    expect(decodeTexts(encoded)).toEqual(pages.map((p) => p.html));
    const bundle = JSON.parse(shellBundle(pages)) as { pages: { url: string; parts: unknown[] }[] };
    expect(bundle.pages.map((p) => p.url)).toEqual(pages.map((p) => p.url));
    expect(decodeTexts(bundle.pages.map((p) => p.parts as never))).toEqual(pages.map((p) => p.html));
  });

  it('sends the first page whole and, of the others, only what earlier pages do not already hold', () => {
    const [first, second, third] = encodeTexts(pages.map((p) => p.html));
    expect(first).toEqual([pages[0]!.html]);
    expect(second).toEqual([[0, head.length + '<main>'.length], 'Programa, con muchas sesiones muchas sesiones muchas sesiones </main>']);
    const copied = third!.filter((part) => typeof part !== 'string').reduce((sum, part) => sum + (part as [number, number])[1], 0);
    expect(copied).toBeGreaterThan(head.length);
    expect(third![0]).toBe('<!doctype html>');
  });

  it('has no raw "<" in the file, so it is as inert as every other JSON file of the site', () => {
    const bundle = shellBundle(pages);
    expect(bundle).not.toContain('<');
    expect(bundle).toContain('\\u003chead>');
  });
});
