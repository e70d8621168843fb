/**
 * The service worker that keeps the programme readable without a connection, on Workbox. After the
 * Astro build, site/lib/offline.ts bundles this file and the Workbox modules it imports into one
 * classic script per language (dist/sw.js, dist/en/sw.js, dist/pt/sw.js, each scoped to its
 * language's folder) and fills `self.__WB_MANIFEST` with that language's shell: home, programme,
 * concept note and My programme, and the /_astro/ files they load, each with a revision (a page's
 * content hash; an asset's name already changes with its content). A reader pays on the first visit
 * for what they are likely to read, not for every page of three languages.
 *
 * - install: Workbox precaches every shell entry it does not hold at that revision. One failed
 *   fetch fails the install, so a half-filled shell never becomes active; the browser retries later.
 * - activate: Workbox deletes the shell entries the new manifest no longer lists; the caches of the
 *   worker before Workbox (`seminario-offline-<version>`) are deleted too, other caches are left alone.
 * - fetch, same-origin GET only: a navigation to a shell page goes to the network first and falls
 *   back to the shell copy. A navigation to any other page of the route table (sessions, speakers)
 *   goes to the network first and keeps what it got in `seminario-pages`, the copy served offline
 *   or while the host answers 5xx (see RUNTIME_EXPIRY for how long). An /_astro/ file comes from the shell, else from
 *   `seminario-assets` (filled as pages load them; hashed names never change content), else the
 *   network. Nothing else is answered or stored: calendars, feeds, the embed and other origins.
 * - message `{ type: 'save-programme' }` (the footer's "save the whole programme" button): fetches
 *   the language's list of pages (`offline-pages.json` next to the worker) and stores every page
 *   and asset in it, then answers `{ saved: <count> }` or `{ error: <text> }` on the message's port.
 */
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, PrecacheController } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, NetworkOnly } from 'workbox-strategies';
import { alternatePaths, languages } from '../../content-models/routes';
import { myProgrammeDataPath } from '../lib/my-programme-path';
import { searchIndexPath } from '../lib/search-index-path';

/** @typedef {Event & { waitUntil(promise: Promise<unknown>): void }} ExtendableEvent */
/** @typedef {ExtendableEvent & { data: unknown, ports: readonly MessagePort[] }} MessageEvent_ */

/**
 * What this file uses of the worker's global scope, which the DOM types the site is checked with
 * do not describe.
 * @type {{ skipWaiting(): Promise<void>, location: Location, registration: { scope: string }, addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void, addEventListener(type: 'message', listener: (event: MessageEvent_) => void): void }}
 */
const scope = /** @type {any} */ (self);

const ASSETS = '/_astro/';
/** Cache names of the hand-written worker this one replaced, still on readers' devices. */
const PRE_WORKBOX_CACHES = 'seminario-offline-';
/** Pages kept as they are visited or saved; shared by the three languages' workers (one origin). */
const PAGES = 'seminario-pages';
/** /_astro/ files outside the shell, kept as pages load them. */
const ASSET_CACHE = 'seminario-assets';

/**
 * How long what a reader visits is kept, so the runtime caches stop growing with the programme (or
 * with every deploy's hashed asset names): the most recently used entries, up to a month old, the
 * rest deleted (and everything at once if the browser runs out of quota). A month covers a reader
 * who visits the week before and reads during the three days. Pages stored by "save the whole
 * programme" are put by hand, so they are not counted until visited again; the shell never expires.
 */
const MONTH_SECONDS = 30 * 24 * 60 * 60;
const RUNTIME_EXPIRY = {
  pages: { maxEntries: 100, maxAgeSeconds: MONTH_SECONDS, purgeOnQuotaError: true },
  assets: { maxEntries: 60, maxAgeSeconds: MONTH_SECONDS, purgeOnQuotaError: true },
};

const precache = new PrecacheController();
// Written as `self.__WB_MANIFEST`, the placeholder workbox-build replaces with the manifest.
precache.precache(/** @type {any} */ (self).__WB_MANIFEST);
cleanupOutdatedCaches();

scope.addEventListener('install', () => {
  scope.skipWaiting();
});
clientsClaim();

scope.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(names.filter((name) => name.startsWith(PRE_WORKBOX_CACHES)).map((name) => caches.delete(name)))));
});

/** @param {URL} url */
const sameOrigin = (url) => url.origin === scope.location.origin;

/** @param {URL} url */
const isShellPage = (url) => !url.pathname.startsWith(ASSETS) && precache.getCacheKeyForURL(url.pathname) !== undefined;

/** @param {URL} url My programme's data file or the search index, in any language. */
const isDataFile = (url) => languages.some((lang) => myProgrammeDataPath(lang) === url.pathname || searchIndexPath(lang) === url.pathname);

/** @param {URL} url A page of the route table (every language: a reader may follow a link to another one). */
const isSitePage = (url) => alternatePaths(url.pathname) !== null && url.pathname.endsWith('/');

/** @param {Request} request The shell copy of the page asked for, whatever its query string. */
const precachedCopy = (request) => precache.matchPrecache(new URL(request.url).pathname);

/** The shell copy when the network fails, or when the host answers 5xx (down, while the copy is still good). */
const fallBackToPrecache = {
  /** @param {{ request: Request, response: Response }} options */
  fetchDidSucceed: async ({ request, response }) => (response.status >= 500 ? ((await precachedCopy(request)) ?? response) : response),
  /** @param {{ request: Request }} options */
  handlerDidError: ({ request }) => precachedCopy(request),
};

/** @param {string} url A page's cache key: its URL without query, so `?utm_source=…` finds the same copy. */
const pageKey = (url) => {
  const { origin, pathname } = new URL(url, scope.location.origin);
  return `${origin}${pathname}`;
};

const byPath = {
  /** @param {{ request: Request }} options */
  cacheKeyWillBeUsed: async ({ request }) => pageKey(request.url),
};

/** A 5xx from the host counts as a failure when a kept copy exists, so NetworkFirst serves the copy. */
const keptCopyWhenDown = {
  /** @param {{ request: Request, response: Response }} options */
  fetchDidSucceed: async ({ request, response }) => {
    if (response.status >= 500 && (await caches.open(PAGES).then((c) => c.match(pageKey(request.url))))) throw new Error(`${response.status}`);
    return response;
  },
};

// NetworkOnly for the shell: a page fetched online is not stored again; the precache has it.
registerRoute(({ request, url }) => request.mode === 'navigate' && sameOrigin(url) && isShellPage(url), new NetworkOnly({ plugins: [fallBackToPrecache] }));
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && sameOrigin(url) && isSitePage(url),
  new NetworkFirst({ cacheName: PAGES, plugins: [byPath, keptCopyWhenDown, new ExpirationPlugin(RUNTIME_EXPIRY.pages)] }),
);
// My programme's data file grows with the programme, so it is not in the shell (the first visit
// would pay for it): kept like a page once My programme has loaded it, or saved with the programme.
registerRoute(
  ({ request, url }) => request.mode !== 'navigate' && sameOrigin(url) && isDataFile(url),
  new NetworkFirst({ cacheName: PAGES, plugins: [byPath, keptCopyWhenDown, new ExpirationPlugin(RUNTIME_EXPIRY.pages)] }),
);
registerRoute(({ url }) => sameOrigin(url) && url.pathname.startsWith(ASSETS) && precache.getCacheKeyForURL(url.pathname) !== undefined, precache.strategy);
registerRoute(
  ({ url }) => sameOrigin(url) && url.pathname.startsWith(ASSETS),
  new CacheFirst({ cacheName: ASSET_CACHE, plugins: [new ExpirationPlugin(RUNTIME_EXPIRY.assets)] }),
);

/**
 * Stores every page and asset of the language's list; a page already kept is fetched again, so
 * what the reader saves is current.
 * @returns {Promise<number>} how many files were stored
 */
async function saveProgramme() {
  const list = await fetch(new URL('offline-pages.json', scope.registration.scope).href, { cache: 'no-cache' });
  if (!list.ok) throw new Error(`offline-pages.json: ${list.status}`);
  const { pages, assets } = /** @type {{ pages: string[], assets: string[] }} */ (await list.json());
  const [pageCache, assetCache] = await Promise.all([caches.open(PAGES), caches.open(ASSET_CACHE)]);
  const missingAssets = assets.filter((a) => precache.getCacheKeyForURL(a) === undefined);
  await Promise.all([
    ...pages.map(async (page) => {
      const response = await fetch(pageKey(page), { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${page}: ${response.status}`);
      await pageCache.put(pageKey(page), response);
    }),
    ...missingAssets.map(async (asset) => {
      const key = new URL(asset, scope.location.origin).href;
      if (await assetCache.match(key)) return;
      const response = await fetch(key);
      if (!response.ok) throw new Error(`${asset}: ${response.status}`);
      await assetCache.put(key, response);
    }),
  ]);
  return pages.length + missingAssets.length;
}

scope.addEventListener('message', (event) => {
  const data = /** @type {{ type?: unknown } | null} */ (event.data);
  if (data?.type !== 'save-programme') return;
  const port = event.ports[0];
  event.waitUntil(
    saveProgramme().then(
      (saved) => port?.postMessage({ saved }),
      (error) => port?.postMessage({ error: String(error instanceof Error ? error.message : error) }),
    ),
  );
});
