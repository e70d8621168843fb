import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { alternatePaths, filePath, type Lang, languages, pagePath } from '../../content-models/routes.ts';
import { myProgrammeDataPath } from './my-programme-path.ts';
import { searchIndexPath } from './search-index-path.ts';
import { zoneNamesPath } from './zone-names-path.ts';

/**
 * The offline programme: what each language's service worker (site/scripts/service-worker.js)
 * precaches, what its "save the whole programme" action stores, and the build step that writes
 * them once Astro has written every page.
 */

/** The pages a reader of one language gets on the first visit: the ones read before and during the event. */
const SHELL_KINDS = ['home', 'programme', 'conceptNote', 'myProgramme'] as const;

/**
 * Whether a built page is in its language's shell, precached when the worker installs: home,
 * programme, concept note and My programme. Session and speaker pages are kept as they are visited
 * or saved; the embed, the 404 pages, calendars and feeds never.
 * @example isShellPage('/en/programme/') // true
 * @example isShellPage('/en/programme/inauguracion/') // false
 */
export function isShellPage(pathname: string): boolean {
  const page = alternatePaths(pathname);
  return page !== null && SHELL_KINDS.some((kind) => pagePath(kind, page.lang) === pathname);
}

/**
 * Whether a built page may be kept offline: every page of the route table (the shell, sessions,
 * speakers, speaker pages); not the embed or the 404 pages.
 * @example isOfflinePage('/en/speakers/rita-mishaan/') // true
 * @example isOfflinePage('/embed/') // false
 */
export function isOfflinePage(pathname: string): boolean {
  return alternatePaths(pathname) !== null;
}

/** A precache entry: a page by the URL path it is visited at, or an /_astro/ file. */
export interface PrecacheEntry {
  url: string;
  /** The content hash; null for /_astro/ files, whose hashed names are their revision. */
  revision: string | null;
}

/** The URL path of a built `…/index.html` relative to dist/, or null for other files. */
function pageOf(file: string): string | null {
  return file === 'index.html' || file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : null;
}

/**
 * The /_astro/ files a page loads, scripts' imports included; `read` gives a built file's text by
 * its path relative to dist/.
 * @example assetsLoadedBy('<script src="/_astro/a.js">', () => 'import"./b.js"') // ['/_astro/a.js', '/_astro/b.js']
 */
export function assetsLoadedBy(html: string, read: (file: string) => string): string[] {
  const found = new Set<string>();
  const queue = [...html.matchAll(/\/_astro\/[^"'\s)?#]+/g)].map((m) => m[0]);
  while (queue.length) {
    const asset = queue.shift()!;
    if (found.has(asset)) continue;
    found.add(asset);
    if (!asset.endsWith('.js')) continue;
    for (const m of read(asset.slice(1)).matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g))
      queue.push(new URL(m[1]!, `http://x${asset}`).pathname);
  }
  return [...found].sort();
}

const byUrl = <T extends { url: string }>(a: T, b: T) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/**
 * Turns Workbox's list of built files (paths relative to dist/, each with its content hash) into
 * one language's precache manifest: its shell pages by the URL they are visited at, the
 * /_astro/ files they load without a revision; sorted by URL. (My programme's data file grows
 * with the programme, so it is kept as visited or saved instead, like session pages.) The entries keep whatever else
 * Workbox gave them (sizes).
 * @example precacheManifest([{ url: 'programa/index.html', revision: 'ab12' }, { url: 'programa/x/index.html', revision: 'cd34' }], 'es', () => '') // [{ url: '/programa/', revision: 'ab12' }]
 */
export function precacheManifest<T extends PrecacheEntry>(files: readonly T[], lang: Lang, read: (file: string) => string): T[] {
  const entries: T[] = [];
  const assets = new Set<string>();
  for (const file of files) {
    const page = pageOf(file.url);
    if (page === null || !isShellPage(page) || alternatePaths(page)?.lang !== lang) continue;
    entries.push({ ...file, url: page });
    for (const asset of assetsLoadedBy(read(file.url), read)) assets.add(asset);
  }
  for (const file of files) if (assets.has(`/${file.url}`)) entries.push({ ...file, url: `/${file.url}`, revision: null });
  // The zone picker's naming tables, fetched for a zone that is not a capital: offline too.
  for (const file of files) if (`/${file.url}` === zoneNamesPath(lang)) entries.push({ ...file, url: `/${file.url}` });
  return entries.sort(byUrl);
}

/**
 * What one language's "save the whole programme" stores beyond its shell: its other pages
 * (sessions, speakers, speaker pages), My programme's data file, and every /_astro/ file they
 * load, each list sorted.
 * @example savedProgramme(['index.html', 'programa/x/index.html', 'en/programme/x/index.html'], 'es', () => '') // { pages: ['/programa/x/'], assets: [] }
 */
export function savedProgramme(files: readonly string[], lang: Lang, read: (file: string) => string): { pages: string[]; assets: string[] } {
  const pages: string[] = [];
  const assets = new Set<string>();
  for (const file of files) {
    const page = pageOf(file);
    if (page === null || !isOfflinePage(page) || isShellPage(page) || alternatePaths(page)?.lang !== lang) continue;
    pages.push(page);
    for (const asset of assetsLoadedBy(read(file), read)) assets.add(asset);
  }
  // My programme draws its cards from this file: saved with the rest, offline it works for any star.
  if (files.includes(myProgrammeDataPath(lang).slice(1))) pages.push(myProgrammeDataPath(lang));
  // The search page looks through this file: saved too, search works offline.
  if (files.includes(searchIndexPath(lang).slice(1))) pages.push(searchIndexPath(lang));
  return { pages: pages.sort(), assets: [...assets].sort() };
}

/**
 * Writes, for every language, `<prefix>sw.js`: the worker (`source`,
 * site/scripts/service-worker.js) bundled with the Workbox modules it imports into one classic
 * script (no `import`, no `importScripts` from elsewhere, so `script-src 'self'` holds), with the
 * language's shell injected by workbox-build; and `<prefix>offline-pages.json`, the list its
 * "save the whole programme" action fetches.
 */
export async function writeServiceWorkers(dir: string, source: string): Promise<Record<Lang, number>> {
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
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const work = mkdtempSync(path.join(tmpdir(), 'sw-'));
  const counts = {} as Record<Lang, number>;
  try {
    const swSrc = path.join(work, 'sw.js');
    writeFileSync(swSrc, bundled.outputFiles[0]!.text);
    let builtFiles: string[] = [];
    for (const lang of languages) {
      const { count, warnings } = await injectManifest({
        swSrc,
        swDest: path.join(dir, filePath(lang, 'sw.js')),
        globDirectory: dir,
        globPatterns: ['**/index.html', '_astro/**', '**/my-programme.json', '**/search.json', '**/zone-names.json'],
        manifestTransforms: [
          (files) => {
            builtFiles = files.map((f) => f.url);
            return { manifest: precacheManifest(files, lang, read) };
          },
        ],
      });
      if (warnings.length) throw new Error(`${filePath(lang, 'sw.js')}: ${warnings.join('; ')}`);
      counts[lang] = count;
      writeFileSync(path.join(dir, filePath(lang, 'offline-pages.json')), JSON.stringify(savedProgramme(builtFiles, lang, read)));
    }
    return counts;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The Astro integration that writes the workers after every production build. */
export function serviceWorker(): AstroIntegration {
  let source = '';
  return {
    name: 'seminario-service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        source = fileURLToPath(new URL('scripts/service-worker.js', config.srcDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const counts = await writeServiceWorkers(fileURLToPath(dir), source);
        logger.info(`service workers precache ${languages.map((l) => `${l} ${counts[l]}`).join(', ')} files`);
      },
    },
  };
}
