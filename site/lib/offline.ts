import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { alternatePaths } from '../../content-models/routes';

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

/** A precache entry: a page by the URL path it is visited at, or an /_astro/ file. */
export interface PrecacheEntry {
  url: string;
  /** The content hash; null for /_astro/ files, whose hashed names are their revision. */
  revision: string | null;
}

/**
 * Turns Workbox's list of built files (paths relative to dist/, each with its content hash) into
 * the precache manifest: pages by the URL they are visited at, /_astro/ files without a revision,
 * everything else left out; sorted by URL. The entries keep whatever else Workbox gave them (sizes).
 * @example precacheManifest([{ url: 'programa/index.html', revision: 'ab12' }, { url: '404.html', revision: 'cd34' }]) // [{ url: '/programa/', revision: 'ab12' }]
 */
export function precacheManifest<T extends PrecacheEntry>(files: readonly T[]): T[] {
  const entries: T[] = [];
  for (const file of files) {
    if (file.url.startsWith('_astro/')) entries.push({ ...file, url: `/${file.url}`, revision: null });
    else if (file.url === 'index.html' || file.url.endsWith('/index.html')) {
      const page = `/${file.url.slice(0, -'index.html'.length)}`;
      if (isPrecachedPage(page)) entries.push({ ...file, url: page });
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
      manifestTransforms: [(files) => ({ manifest: precacheManifest(files) })],
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
