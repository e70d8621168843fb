import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { alternatePaths, filePath, type Lang, languages, pagePath } from '../../content-models/routes.ts';
import { myProgrammeDataPath } from './my-programme-path.ts';
import { searchIndexPath } from './search-index-path.ts';
import { shellBundle } from './shell-bundle.ts';
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

/** A precache entry: the shell bundle, or a file cached as it is; what the worker fetches on install. */
export interface PrecacheEntry {
  url: string;
  /** The content hash; null for /_astro/ files, whose hashed names are their revision. */
  revision: string | null;
}

/**
 * Files the shell's pages fetch as they run, named nowhere in their HTML, precached with them: one
 * line each, a function of the language giving the file's URL path in dist/. (My programme's data
 * file and the search index grow with the programme, so they are kept as loaded or saved instead.)
 */
const SHELL_DATA: ((lang: Lang) => string)[] = [
  // The zone picker's table of zone names, fetched for a zone that is not a capital (site/scripts/zone-picker.ts).
  zoneNamesPath,
];

/** The URL path of a language's shell bundle (site/lib/shell-bundle.ts), next to its worker. */
export const shellBundlePath = (lang: Lang) => filePath(lang, 'offline-shell.json');

/** The URL path of a built `…/index.html` relative to dist/, or null for other files. */
function pageOf(file: string): string | null {
  return file === 'index.html' || file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : null;
}

/**
 * What assetsLoadedBy follows beyond static imports: the chunks scripts import on demand
 * (`import("./x.js")`, fetched only when the reader asks for what they hold), `all` of them, or the
 * `direct` ones (imported by the page's own scripts, not by another on-demand chunk), with their
 * static imports; `leave` names on-demand chunks not followed.
 */
export interface OnDemand {
  onDemand?: 'all' | 'direct';
  leave?: (asset: string) => boolean;
}

/**
 * The /_astro/ files a page loads, scripts' static imports included; with `onDemand`, also chunks
 * its scripts import on demand (OnDemand). `read` gives a built file's text by its path relative to dist/.
 * @example assetsLoadedBy('<script src="/_astro/a.js">', () => 'import"./b.js"') // ['/_astro/a.js', '/_astro/b.js']
 */
export function assetsLoadedBy(html: string, read: (file: string) => string, { onDemand, leave = () => false }: OnDemand = {}): string[] {
  // Each file and whether it is reached only through an on-demand import (`late`), whose own
  // on-demand imports `direct` does not follow; a file found late and then statically is read again.
  const found = new Map<string, boolean>();
  const queue = [...html.matchAll(/\/_astro\/[^"'\s)?#]+/g)].map((m) => ({ asset: m[0], late: false }));
  const imports = /(?:\bfrom\s*|\bimport\s*(\(?)\s*)(["'`])(\.{1,2}\/[^"'`]+)\2/g;
  while (queue.length) {
    const { asset, late } = queue.shift()!;
    if (found.has(asset) && (late || !found.get(asset))) continue;
    found.set(asset, late);
    if (!asset.endsWith('.js')) continue;
    for (const [, call, , file] of read(asset.slice(1)).matchAll(imports)) {
      const url = new URL(file!, `http://x${asset}`).pathname;
      if (!call) queue.push({ asset: url, late });
      else if ((onDemand === 'all' || (onDemand === 'direct' && !late)) && !leave(url)) queue.push({ asset: url, late: true });
    }
  }
  return [...found.keys()].sort();
}

/**
 * On-demand chunks the shell leaves out although its pages import them: what they do needs the
 * network anyway, and their page says so when they cannot load. Saving the whole programme
 * (site/scripts/offline-save.ts, one copy per page kind, ~220 B gzip each) fetches every page it
 * saves: offline it fails with or without its code (site/scripts/offline.ts shows the note's
 * "failed" text either way).
 */
const NEEDS_NETWORK = /^\/_astro\/offline-save\.[\w-]+\.js$/;

/**
 * Whether the shell leaves out an on-demand chunk (NEEDS_NETWORK).
 * @example needsNetwork('/_astro/offline-save.Bt-iGUkK.js') // true
 */
export const needsNetwork = (asset: string): boolean => NEEDS_NETWORK.test(asset);

/**
 * One language's shell among the built files (paths relative to dist/): its shell pages by the URL
 * they are visited at, and the files they load or fetch (/_astro/ files, their scripts' on-demand
 * chunks but those that need the network anyway, SHELL_DATA); each sorted.
 * @example shellOf(['programa/index.html', 'programa/x/index.html'], 'es', () => '') // { pages: ['/programa/'], files: [] }
 */
export function shellOf(files: readonly string[], lang: Lang, read: (file: string) => string): { pages: string[]; files: string[] } {
  const pages: string[] = [];
  const loaded = new Set<string>(SHELL_DATA.map((data) => data(lang)));
  for (const file of files) {
    const page = pageOf(file);
    if (page === null || !isShellPage(page) || alternatePaths(page)?.lang !== lang) continue;
    pages.push(page);
    // The chunks its own scripts import on demand too, so every button of a shell page works
    // offline; not those that these chunks import in turn (the QR code's library, 2 KB gzip, left
    // to the worker's cache-as-fetched: share-panel.ts says when it cannot load).
    for (const asset of assetsLoadedBy(read(file), read, { onDemand: 'direct', leave: needsNetwork })) loaded.add(asset);
  }
  return { pages: pages.sort(), files: [...loaded].filter((f) => files.includes(f.slice(1))).sort() };
}

const md5 = (data: string | Buffer) => createHash('md5').update(data).digest('hex');

/**
 * Writes a language's shell bundle from the pages as they are in `dir` now, and returns the
 * worker's precache manifest: the bundle with its content hash, the shell's files (/_astro/ ones
 * without revision), sorted by URL.
 */
export function writeShell(dir: string, files: readonly string[], lang: Lang): PrecacheEntry[] {
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const shell = shellOf(files, lang, read);
  // scripts/build.mjs changes every page after Astro (the policy's <meta>) and then writes each
  // bundle and its revision again from the final pages; it says so, and this step then writes
  // only the list of the bundle's pages for it, instead of packing pages that are about to change.
  const bundle =
    process.env.OFFLINE_SHELL_REWRITTEN === '1'
      ? JSON.stringify({ pages: shell.pages.map((url) => ({ url })) })
      : shellBundle(shell.pages.map((url) => ({ url, html: read(`${url.slice(1)}index.html`) })));
  const bundlePath = shellBundlePath(lang);
  writeFileSync(path.join(dir, bundlePath), bundle);
  const entries: PrecacheEntry[] = [
    { revision: md5(bundle), url: bundlePath },
    ...shell.files.map((url) => ({ revision: url.startsWith('/_astro/') ? null : md5(readFileSync(path.join(dir, url))), url })),
  ];
  return entries.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * What one language's "save the whole programme" stores beyond its shell: its other pages
 * (sessions, speakers, speaker pages), My programme's data file, and every /_astro/ file they
 * load or every page of the language (the shell's too) imports on demand, each list sorted.
 * @example savedProgramme(['index.html', 'programa/x/index.html', 'en/programme/x/index.html'], 'es', () => '') // { pages: ['/programa/x/'], assets: [] }
 */
export function savedProgramme(files: readonly string[], lang: Lang, read: (file: string) => string): { pages: string[]; assets: string[] } {
  const pages: string[] = [];
  const assets = new Set<string>();
  for (const file of files) {
    const page = pageOf(file);
    if (page === null || !isOfflinePage(page) || alternatePaths(page)?.lang !== lang) continue;
    if (!isShellPage(page)) pages.push(page);
    for (const asset of assetsLoadedBy(read(file), read, { onDemand: 'all' })) assets.add(asset);
  }
  // My programme draws its cards from this file: saved with the rest, offline it works for any star.
  if (files.includes(myProgrammeDataPath(lang).slice(1))) pages.push(myProgrammeDataPath(lang));
  // The search page looks through this file: saved too, search works offline.
  if (files.includes(searchIndexPath(lang).slice(1))) pages.push(searchIndexPath(lang));
  return { pages: pages.sort(), assets: [...assets].sort() };
}

/** Every file of a built site, as paths relative to it with `/` separators. */
function builtFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The precache manifest as the worker holds it: one JSON array, which the tests and the bench read back. */
const MANIFEST_PLACEHOLDER = 'self.__SHELL_MANIFEST';

/**
 * Writes, for every language, `<prefix>sw.js`: the worker (`source`,
 * site/scripts/service-worker.js) bundled into one classic script (no `import`, no
 * `importScripts`, so `script-src 'self'` holds) with the language's precache manifest in it; its
 * shell bundle, `<prefix>offline-shell.json`; and `<prefix>offline-pages.json`, the list its
 * "save the whole programme" action fetches. Returns how many files each worker precaches.
 */
export async function writeServiceWorkers(dir: string, source: string): Promise<Record<Lang, number>> {
  const bundled = await build({ entryPoints: [source], bundle: true, format: 'iife', target: 'es2020', minify: true, legalComments: 'none', write: false });
  const worker = bundled.outputFiles[0]!.text;
  if (worker.split(MANIFEST_PLACEHOLDER).length !== 2) throw new Error(`the service worker must name ${MANIFEST_PLACEHOLDER} once`);
  const files = builtFiles(dir);
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const counts = {} as Record<Lang, number>;
  for (const lang of languages) {
    const manifest = writeShell(dir, files, lang);
    writeFileSync(
      path.join(dir, filePath(lang, 'sw.js')),
      worker.replace(MANIFEST_PLACEHOLDER, () => JSON.stringify(manifest)),
    );
    writeFileSync(path.join(dir, filePath(lang, 'offline-pages.json')), JSON.stringify(savedProgramme(files, lang, read)));
    counts[lang] = manifest.length;
  }
  return counts;
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
