import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { langOfPath, languages, PAGE_KINDS, pagePath } from '../../content-models/routes';
import { distDir, htmlPages, pageDocument, requireDist } from '../support/dist';

/**
 * The JS budget of issues #16 and #19: at most 3 KB gzip per page, whatever script a page kind
 * loads and whoever adds one. Every built page is weighed, not a sample: the JS it loads at
 * startup, that is its module scripts, the `modulepreload` links, and everything those files
 * import statically, followed through the import graph (each file counted once). A dynamic
 * `import()` is not followed: code fetched only when a reader acts costs nothing until then (the
 * site has none today; Vite's preload helper would cost more than it saves). Gzip is zlib's default level,
 * each file alone, as a server sends them.
 */
const BUDGET = 3 * 1024;

/** `import … from "x"`, `import "x"`, `export … from "x"`; never `import("x")`, which is dynamic. */
const STATIC_IMPORT = /(?:^|[;{}\s)])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;

const gzipBytes = (file: string) => gzipSync(readFileSync(file)).length;

/** The site's file for a URL path a page or script names, or null for another host. */
function siteFile(ref: string, base: string): string | null {
  const url = new URL(ref, `http://site${base}`);
  return url.host === 'site' ? path.join(distDir, decodeURIComponent(url.pathname)) : null;
}

/** Every JS file a page runs before any interaction, each once. */
function startupScripts(urlPath: string): string[] {
  const doc = pageDocument(urlPath);
  const roots = [
    ...[...doc.querySelectorAll('script[src]')].map((s) => s.getAttribute('src') ?? ''),
    ...[...doc.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.getAttribute('href') ?? ''),
  ];
  const seen = new Set<string>();
  const queue = roots.map((ref) => siteFile(ref, urlPath)).filter((f): f is string => !!f);
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) {
      const next = spec && siteFile(spec, `/${path.relative(distDir, file)}`);
      if (next) queue.push(next);
    }
  }
  return [...seen];
}

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
    const files = startupScripts(urlPath);
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

  it('follows static imports and modulepreloads, so a split script is weighed whole', () => {
    // Pages with behaviour load at least one script, and every file counted exists and is JS.
    const programme = pages.find((p) => p.urlPath === pagePath('programme', 'es'));
    expect(programme?.files.length).toBeGreaterThan(0);
    for (const f of pages.flatMap((p) => p.files)) expect(f).toMatch(/\.m?js$/);
  });

  it.each([...byType.keys()])('%s: every page within 3 KB gzip', (type) => {
    for (const p of byType.get(type) ?? []) expect(p.gzip, `${p.urlPath}: ${p.files.map((f) => path.basename(f)).join(', ')}`).toBeLessThanOrEqual(BUDGET);
  });
});
