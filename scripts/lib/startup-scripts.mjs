// The JS a built page runs at startup, for the JS budget (3 KB gzip per page, issues #16 and #19):
// its module scripts and `modulepreload` links, and every file those import statically, followed
// through the import graph, each file once. A dynamic `import()` is not followed: code fetched only
// when a reader acts costs nothing until then. Used by tests/build/script-budget.test.ts and by
// `npm run bench`, so both weigh the same files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';

/** `import … from "x"`, `import "x"`, `export … from "x"`; never `import("x")`, which is dynamic. */
const STATIC_IMPORT = /(?:^|[;{}\s)])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;

/**
 * The built files (absolute paths) of the JS a page loads at startup, each once; files on another
 * host are left out (the site loads none).
 * @param {string} dir the built site
 * @param {string} urlPath the page's URL path, e.g. /programa/
 * @param {string} html the page's HTML
 * @returns {string[]}
 * @example startupScripts('dist', '/programa/', html) // ['…/dist/_astro/ProgrammeScript….js']
 */
export function startupScripts(dir, urlPath, html) {
  const { document } = parseHTML(html);
  const siteFile = (/** @type {string} */ ref, /** @type {string} */ base) => {
    const url = new URL(ref, `http://site${base}`);
    return url.host === 'site' ? path.join(dir, decodeURIComponent(url.pathname)) : null;
  };
  const roots = [
    ...[...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src') ?? ''),
    ...[...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.getAttribute('href') ?? ''),
  ];
  /** @type {Set<string>} */
  const seen = new Set();
  const queue = roots.map((ref) => siteFile(ref, urlPath)).filter((f) => f !== null);
  while (queue.length) {
    const file = /** @type {string} */ (queue.shift());
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const next = spec ? siteFile(spec, `/${path.relative(dir, file).split(path.sep).join('/')}`) : null;
      if (next) queue.push(next);
    }
  }
  return [...seen];
}
