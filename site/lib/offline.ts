import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { languages, type PageKind } from '../../content-models/routes';
import { loadSite } from './content/load';
import { allPages } from './pages';

/**
 * What the service worker (/sw.js, site/scripts/service-worker.js) keeps for reading without a
 * connection: the pages a reader consults during the event, in every language. Not the embed, the
 * 404 pages, the My programme page or any calendar or feed file: those stay online-only.
 */
export const OFFLINE_PAGE_KINDS = ['home', 'programme', 'session', 'speakers', 'speaker', 'conceptNote', 'myProgramme'] as const satisfies readonly PageKind[];

/** Name prefix of the worker's caches; the version follows it, and other versions are deleted on activate. */
export const OFFLINE_CACHE_PREFIX = 'seminario-offline-';

/** What the build writes into /sw.js. */
export interface OfflineConfig {
  /** Start of every cache name this worker owns, {@link OFFLINE_CACHE_PREFIX}. */
  prefix: string;
  /** Changes whenever a precached page or a file it loads can have changed. */
  version: string;
  /** URL paths of the pages to precache, sorted. The /_astro/ files they load are found by the worker as it installs. */
  pages: string[];
}

/**
 * The paths of the pages the worker precaches, from the same route table as the pages themselves.
 * @example await precachedPages() // ['/', '/en/', '/en/concept-note/', …]
 */
export async function precachedPages(): Promise<string[]> {
  const kinds: readonly string[] = OFFLINE_PAGE_KINDS;
  const pages = await allPages();
  return pages
    .filter(({ entry }) => kinds.includes(entry.kind))
    .map(({ entry }) => entry.path)
    .sort();
}

/** Folders and files whose content shapes the pages: hashed into the version. */
export interface VersionInputs {
  pages: string[];
  /** The public origin (canonical URLs and calendar links are in every page). */
  site: string | undefined;
  /** Files and folders read byte for byte: the client bundle, the site's source, the lockfile… Missing ones are skipped. */
  paths: string[];
}

/**
 * The cache version: a hash of the page list, the content in every language and every input file.
 * Pages are rendered after endpoints run, so the built HTML cannot be hashed; its inputs can, and
 * the same inputs give the same version (a rebuild with nothing changed keeps readers' caches).
 */
export async function offlineVersion({ pages, site, paths }: VersionInputs): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ pages, site }));
  for (const lang of languages) hash.update(JSON.stringify(await loadSite(lang)));
  for (const p of paths) hashPath(hash, p);
  return hash.digest('hex').slice(0, 16);
}

function hashPath(hash: Hash, target: string): void {
  if (!existsSync(target)) return;
  if (statSync(target).isFile()) {
    hash.update(`\u0000${path.basename(target)}\u0000`).update(readFileSync(target));
    return;
  }
  const files = readdirSync(target, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`\u0000${path.relative(target, file)}\u0000`).update(readFileSync(file));
}

const CONFIG_SLOT = /\/\* @offline-config \*\/[\s\S]*?\/\* @end \*\//;

/**
 * The worker's source with the build's configuration in place of its development default.
 * @example serviceWorkerSource(template, { prefix: 'p-', version: 'abc', pages: ['/'] }) // '… const CONFIG = {"prefix":"p-","version":"abc","pages":["/"]}; …'
 */
export function serviceWorkerSource(template: string, config: OfflineConfig): string {
  if (!CONFIG_SLOT.test(template)) throw new Error('service-worker.js has no /* @offline-config */ … /* @end */ slot to fill');
  // The file's opening comment is for its readers here, not for every browser that installs it.
  const body = template.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '');
  // A function replacement, so `$` in a path can never be read as a replacement pattern.
  return `// Built from site/scripts/service-worker.js by site/pages/sw.js.ts.\n${body.replace(CONFIG_SLOT, () => JSON.stringify(config))}`;
}
