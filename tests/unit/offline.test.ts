import { describe, expect, it } from 'vitest';
import { pagePath } from '../../content-models/routes';
import { assetsLoadedBy, isOfflinePage, isShellPage, needsNetwork, savedProgramme, shellOf } from '../../site/lib/offline';
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

  it("with onDemand 'all', also the chunks scripts import on demand (either quote Vite writes) and their imports", () => {
    expect(assetsLoadedBy(html, (f) => files[f] ?? '', { onDemand: 'all' })).toEqual([
      '/_astro/a.1.js',
      '/_astro/b.2.js',
      '/_astro/c.3.js',
      '/_astro/d.5.js',
      '/_astro/e.6.js',
      '/_astro/f.4.woff2',
    ]);
  });

  describe("with onDemand 'direct'", () => {
    const deeper: Record<string, string> = {
      ...files,
      // d imports another chunk on demand in turn, and g (imported on demand by the page's script) is also imported statically by b.
      '_astro/d.5.js': 'import"./e.6.js";import(`./h.8.js`)',
      '_astro/a.1.js': 'import{x}from"./b.2.js";import(`./g.7.js`);import(`./d.5.js`)',
      '_astro/b.2.js': 'import"./g.7.js";export const x=1',
      '_astro/g.7.js': 'import(`./c.3.js`)',
    };
    const read = (f: string) => deeper[f] ?? '';

    it("follows the page's scripts' on-demand imports and their static imports, not the on-demand imports of those chunks", () => {
      expect(assetsLoadedBy('<script src="/_astro/d.5.js">', read, { onDemand: 'direct' })).toEqual(['/_astro/d.5.js', '/_astro/e.6.js', '/_astro/h.8.js']);
      const loaded = assetsLoadedBy(html, read, { onDemand: 'direct' });
      expect(loaded).toContain('/_astro/e.6.js');
      expect(loaded).not.toContain('/_astro/h.8.js');
    });

    it("reads a chunk found on demand again when a static import reaches it: its own on-demand imports are then the page script's", () => {
      // g comes first through a's import(), then statically through b: c, which g imports on demand, is in.
      expect(assetsLoadedBy(html, read, { onDemand: 'direct' })).toEqual([
        '/_astro/a.1.js',
        '/_astro/b.2.js',
        '/_astro/c.3.js',
        '/_astro/d.5.js',
        '/_astro/e.6.js',
        '/_astro/f.4.woff2',
        '/_astro/g.7.js',
      ]);
    });

    it('leaves the on-demand chunks `leave` names, and what only they import', () => {
      expect(assetsLoadedBy(html, read, { onDemand: 'direct', leave: (a) => a === '/_astro/d.5.js' })).toEqual([
        '/_astro/a.1.js',
        '/_astro/b.2.js',
        '/_astro/c.3.js',
        '/_astro/f.4.woff2',
        '/_astro/g.7.js',
      ]);
    });
  });

  it('needsNetwork names the chunks that save the whole programme, and nothing else', () => {
    expect(needsNetwork('/_astro/offline-save.Bt-iGUkK.js')).toBe(true);
    for (const other of ['/_astro/calendar-download.BjxhmtDW.js', '/_astro/share-panel.x.js', '/_astro/nano.C8_guy7z.js', '/offline-save.x.js'])
      expect(needsNetwork(other), other).toBe(false);
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

  it("holds the chunks a shell page's scripts import on demand, with their static imports; not the saving code, nor what those chunks import on demand", () => {
    const code: Record<string, string> = {
      'mi-programa/index.html': '<script src="/_astro/Mine.a1.js">',
      '_astro/Mine.a1.js': 'import(`./calendar-download.b2.js`);import(`./share-panel.c3.js`);import(`./offline-save.d4.js`)',
      '_astro/share-panel.c3.js': 'import{z}from"./Mine.a1.js";import(`./nano.e5.js`)',
      '_astro/calendar-download.b2.js': 'import"./reminder.f6.js"',
    };
    const built = [
      'mi-programa/index.html',
      ...Object.keys(code).filter((f) => f.startsWith('_astro/')),
      '_astro/offline-save.d4.js',
      '_astro/nano.e5.js',
      '_astro/reminder.f6.js',
    ];
    expect(shellOf(built, 'es', (f) => code[f] ?? '')).toEqual({
      pages: ['/mi-programa/'],
      files: ['/_astro/Mine.a1.js', '/_astro/calendar-download.b2.js', '/_astro/reminder.f6.js', '/_astro/share-panel.c3.js'],
    });
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
