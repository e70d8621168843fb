import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { langOfPath, languages, PAGE_KINDS, pagePath } from '../../content-models/routes';
import { startupScripts } from '../../scripts/lib/startup-scripts.mjs';
import { distDir, fileForPath, htmlPages, requireDist } from '../support/dist';

/**
 * The JS budget of issues #16 and #19: at most 3 KB gzip per page, whatever script a page kind
 * loads and whoever adds one. Every built page is weighed, not a sample: the JS it loads at
 * startup (scripts/lib/startup-scripts.mjs: its module scripts, `modulepreload` links and their
 * static imports through the import graph, each file once; a dynamic `import()`, fetched only when
 * a reader acts, is not counted). Gzip is zlib's default level, each file alone, as a server sends them.
 */
const BUDGET = 3 * 1024;

const gzipBytes = (file: string) => gzipSync(readFileSync(file)).length;

/** What a page is, for the figures: its kind and language, from the route table. */
function pageType(urlPath: string): string {
  const lang = langOfPath(urlPath);
  if (/\/404(\.html|\/)$/.test(urlPath)) return `${lang} 404`;
  if (urlPath.startsWith(`${pagePath('home', lang)}embed/`)) return `${lang} embed`;
  const single = PAGE_KINDS.find((kind) => kind !== 'session' && kind !== 'speaker' && pagePath(kind, lang) === urlPath);
  if (single) return `${lang} ${single}`;
  if (urlPath.startsWith(pagePath('programme', lang))) return `${lang} session`;
  if (urlPath.startsWith(pagePath('speakers', lang))) return `${lang} speaker`;
  return `${lang} other (${urlPath})`;
}

describe('JS loaded at startup, per page', () => {
  requireDist();
  const pages = htmlPages().map((urlPath) => {
    const files = startupScripts(distDir, urlPath, readFileSync(fileForPath(urlPath) ?? '', 'utf8'));
    return { urlPath, type: pageType(urlPath), files, gzip: files.reduce((sum, f) => sum + gzipBytes(f), 0) };
  });
  const byType = new Map<string, typeof pages>();
  for (const p of pages) byType.set(p.type, [...(byType.get(p.type) ?? []), p]);

  it('prints the figures of every page type', () => {
    const rows = [...byType].map(([type, list]) => {
      const worst = list.reduce((a, b) => (b.gzip > a.gzip ? b : a));
      return `  ${type.padEnd(22)} ${String(worst.gzip).padStart(5)} B gzip in ${worst.files.length} file(s) (${list.length} page(s), worst ${worst.urlPath})`;
    });
    console.log(`JS at startup, gzip, budget ${BUDGET} B:\n${rows.join('\n')}`);
    // Every page kind of every language was found and weighed: a page the classification missed
    // would be weighed under "other", and a kind with no page would go unmeasured.
    for (const lang of languages)
      for (const kind of [...PAGE_KINDS, 'embed', '404']) expect([...byType.keys()], `${lang} ${kind}`).toContain(`${lang} ${kind}`);
  });

  it('follows static imports and modulepreloads, not dynamic imports, so a split script is weighed whole', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'script-budget-'));
    try {
      mkdirSync(path.join(dir, '_astro'));
      const files = {
        'a.js': 'import{x as y}from"./b.js";import"./c.js";const later=()=>import("./lazy.js");',
        'b.js': 'export*from"./d.js";export const x=1;',
        'c.js': 'import"./b.js";',
        'd.js': 'export const z=2;',
        'e.js': 'export const preloaded=3;',
        'lazy.js': 'export const never=4;',
      };
      for (const [name, code] of Object.entries(files)) writeFileSync(path.join(dir, '_astro', name), code);
      const html =
        '<script type="module" src="/_astro/a.js"></script><link rel="modulepreload" href="../_astro/e.js"><script src="https://elsewhere.example/x.js"></script>';
      const found = startupScripts(dir, '/page/', html).map((f) => path.basename(f));
      expect(found.sort()).toEqual(['a.js', 'b.js', 'c.js', 'd.js', 'e.js']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // And on the real site: pages with behaviour load at least one script, each of them JS.
    expect(pages.find((p) => p.urlPath === pagePath('programme', 'es'))?.files.length).toBeGreaterThan(0);
    for (const f of pages.flatMap((p) => p.files)) expect(f).toMatch(/\.m?js$/);
  });

  it.each([...byType.keys()])('%s: every page within 3 KB gzip', (type) => {
    for (const p of byType.get(type) ?? []) expect(p.gzip, `${p.urlPath}: ${p.files.map((f) => path.basename(f)).join(', ')}`).toBeLessThanOrEqual(BUDGET);
  });

  it('carries no Vite preload helper: code loaded on demand costs nothing at startup but its import() call', () => {
    const scripts = readdirSync(path.join(distDir, '_astro'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(distDir, '_astro', f), 'utf8'));
    // The case the helper is inserted for exists (My programme's share panel and calendar)…
    expect(scripts.some((code) => /\bimport\(/.test(code))).toBe(true);
    // …and no script carries its code (its error event and its <link rel=modulepreload> tags).
    for (const code of scripts) {
      expect(code).not.toContain('vite:preloadError');
      expect(code).not.toContain('modulepreload');
    }
  });
});
