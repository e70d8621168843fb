/**
 * The service worker that keeps the programme readable without a connection, on Workbox. After the
 * Astro build, site/lib/offline.ts bundles this file and the Workbox modules it imports into one
 * classic script, dist/sw.js, and fills `self.__WB_MANIFEST` with what to precache: the pages
 * `isPrecachedPage` accepts and the /_astro/ files, each with a revision (a page's content hash; an
 * asset's name already changes with its content).
 *
 * - install: Workbox precaches every entry it does not hold at that revision. One failed fetch
 *   fails the install, so a half-filled precache never becomes active; the browser retries later.
 *   A new build changes some revision, so the browser sees a new sw.js and installs it.
 * - activate: Workbox deletes the entries the new manifest no longer lists (old revisions, removed
 *   pages); the caches of the worker before Workbox (`seminario-offline-<version>`) are deleted too,
 *   other caches are left alone. The worker then takes charge of open pages.
 * - fetch, same-origin GET only: a navigation to a precached page goes to the network first (so an
 *   update shows as soon as the reader is online) and falls back to the precached copy; an /_astro/
 *   file comes from the precache, or the network when it is not there. Nothing else is answered or
 *   stored: calendars, feeds, other pages and other origins go to the network as usual.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, PrecacheController } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';

/** @typedef {Event & { waitUntil(promise: Promise<unknown>): void }} ExtendableEvent */

/**
 * What this file uses of the worker's global scope, which the DOM types the site is checked with
 * do not describe.
 * @type {{ skipWaiting(): Promise<void>, location: Location, addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void }}
 */
const scope = /** @type {any} */ (self);

const ASSETS = '/_astro/';
/** Cache names of the hand-written worker this one replaced, still on readers' devices. */
const PRE_WORKBOX_CACHES = 'seminario-offline-';

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
const isPrecachedPage = (url) => !url.pathname.startsWith(ASSETS) && precache.getCacheKeyForURL(url.pathname) !== undefined;

/** @param {Request} request The precached copy of the page asked for, whatever its query string. */
const precachedCopy = (request) => precache.matchPrecache(new URL(request.url).pathname);

/** The precached copy when the network fails, or when the host answers 5xx (down, while the copy is still good). */
const fallBackToPrecache = {
  /** @param {{ request: Request, response: Response }} options */
  fetchDidSucceed: async ({ request, response }) => (response.status >= 500 ? ((await precachedCopy(request)) ?? response) : response),
  /** @param {{ request: Request }} options */
  handlerDidError: ({ request }) => precachedCopy(request),
};

// NetworkOnly, not NetworkFirst: a page fetched online is not stored again; the precache has it.
registerRoute(({ request, url }) => request.mode === 'navigate' && sameOrigin(url) && isPrecachedPage(url), new NetworkOnly({ plugins: [fallBackToPrecache] }));
registerRoute(({ url }) => sameOrigin(url) && url.pathname.startsWith(ASSETS), precache.strategy);
