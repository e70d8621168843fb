import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { alternatePaths } from './routes';

/**
 * The offline programme: what the service worker (site/scripts/service-worker.js) precaches, and
 * the build step that writes dist/sw.js with Workbox once Astro has written every page.
 */

/**
 * Whether a built page is precached: every page of the route table in every language (home,
 * programme, sessions, speakers, speaker pages, concept note, My programme), the pages a reader
 * consults during the event. Not the embed or the 404 pages; no calendar or feed file is a page.
 * @example isPrecachedPage('/en/programme/inauguracion/') // true
 * @example isPrecachedPage('/embed/') // false
 */
export function isPrecachedPage(pathname: string): boolean {
  return alternatePaths(pathname) !== null;
}

/** What a precache entry is for: a page's URL path, an /_astro/ file (its name changes with its content), or nothing. */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/**
 * Turns Workbox's list of built files (paths relative to dist/, each with its content hash) into
 * the precache manifest: pages by the URL they are visited at, /_astro/ files without a revision
 * (their hashed name is one), everything else left out; sorted by URL.
 * @example precacheManifest([{ url: 'programa/index.html', revision: 'ab12' }, { url: '404.html', revision: 'cd34' }]) // [{ url: '/programa/', revision: 'ab12' }]
 */
export function precacheManifest(files: readonly { url: string; revision: string | null }[]): PrecacheEntry[] {
  const entries: PrecacheEntry[] = [];
  for (const { url, revision } of files) {
    if (url.startsWith('_astro/')) entries.push({ url: `/${url}`, revision: null });
    else if (url === 'index.html' || url.endsWith('/index.html')) {
      const page = `/${url.slice(0, -'index.html'.length)}`;
      if (isPrecachedPage(page)) entries.push({ url: page, revision });
    }
  }
  return entries.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * Writes `<dir>/sw.js`: the worker (`source`, site/scripts/service-worker.js) bundled with the Workbox modules it imports into one classic
 * script (no `import`, no `importScripts` from elsewhere, so `script-src 'self'` holds), with the
 * precache manifest of the files in `dir` injected by workbox-build.
 */
export async function writeServiceWorker(dir: string, source: string): Promise<{ count: number }> {
  const bundled = await build({
    entryPoints: [source],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
    // Workbox strips its development logging and checks from production builds.
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const work = mkdtempSync(path.join(tmpdir(), 'sw-'));
  try {
    const swSrc = path.join(work, 'sw.js');
    writeFileSync(swSrc, bundled.outputFiles[0]!.text);
    const { count, warnings } = await injectManifest({
      swSrc,
      swDest: path.join(dir, 'sw.js'),
      globDirectory: dir,
      globPatterns: ['**/index.html', '_astro/**'],
      manifestTransforms: [async (files) => ({ manifest: precacheManifest(files), warnings: [] })],
    });
    if (warnings.length) throw new Error(`sw.js: ${warnings.join('; ')}`);
    return { count };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The Astro integration that writes sw.js after every production build. */
export function serviceWorker(): AstroIntegration {
  let source = '';
  return {
    name: 'seminario-service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        source = fileURLToPath(new URL('scripts/service-worker.js', config.srcDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { count } = await writeServiceWorker(fileURLToPath(dir), source);
        logger.info(`sw.js precaches ${count} files`);
      },
    },
  };
}
