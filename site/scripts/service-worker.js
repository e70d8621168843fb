/**
 * The service worker that keeps the programme readable without a connection. Hand-written (it
 * replaced Workbox, whose modules weighed 9.4 KB gzip of a first visit budgeted at 60 KiB): after
 * the Astro build, site/lib/offline.ts bundles this file into one classic script per language
 * (dist/sw.js, dist/en/sw.js, dist/pt/sw.js, each scoped to its language's folder) and writes its
 * manifest in place of `self.__SHELL_MANIFEST`: the language's shell bundle (`offline-shell.json`
 * next to the worker: home, programme, concept note and My programme in one file, each page after
 * the first stored as the text it does not share with the pages before it, so their common head is
 * downloaded once) with its content hash as revision, and the /_astro/ files the shell loads, the
 * chunks its scripts import on demand included, so its buttons work offline (their hashed names are
 * their revision; which chunks: shellOf in site/lib/offline.ts). A reader pays on the first visit for what they are likely to
 * read, not for every page of three languages.
 *
 * - install: fills a cache named after the scope and the manifest (`seminario-shell-<scope>-<hash>`)
 *   with the shell pages, unpacked from the bundle, and its files (taken from an earlier cache when
 *   one holds them). One failed fetch fails the install, so a half-filled shell never becomes
 *   active (the cache it created is deleted); the browser retries later.
 * - activate: deletes this scope's older shell caches and the caches of the workers before this
 *   one (`seminario-offline-<version>`, Workbox's precache and its expiry database); other caches
 *   are left alone.
 * - fetch, same-origin GET only: a navigation to a page of the route table goes to the network
 *   first; if the network fails or the host answers 5xx, the kept copy is served (shell, then pages
 *   visited, then the saved programme). A page outside the shell that loads is kept in
 *   `seminario-pages`; so are My programme's data file and the search index once loaded. An
 *   /_astro/ file comes from the shell, else from `seminario-assets` (filled as pages load them,
 *   on-demand chunks included; hashed names never change content), else the network. Nothing else
 *   is answered or stored: calendars, feeds, the embed and other origins.
 * - message `{ type: 'save-programme' }` (the footer's "save the whole programme" button): fetches
 *   the language's list of pages (`offline-pages.json` next to the worker), stores every page in
 *   `seminario-saved` and every asset the shell lacks in `seminario-assets`, then answers
 *   `{ saved: <count> }` or `{ error: <text> }` on the message's port.
 */
import { alternatePaths, languages } from '../../content-models/routes';
import { myProgrammeDataPath } from '../lib/my-programme-path';
import { searchIndexPath } from '../lib/search-index-path';

/** @typedef {Event & { waitUntil(promise: Promise<unknown>): void }} ExtendableEvent */
/** @typedef {ExtendableEvent & { data: unknown, ports: readonly MessagePort[] }} MessageEvent_ */
/** @typedef {ExtendableEvent & { request: Request, respondWith(response: Promise<Response>): void }} FetchEvent_ */
/** @typedef {{ url: string, revision: string | null }} Entry */

/**
 * What this file uses of the worker's global scope, which the DOM types the site is checked with
 * do not describe.
 * @type {{ skipWaiting(): Promise<void>, clients: { claim(): Promise<void> }, location: Location, registration: { scope: string }, addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void, addEventListener(type: 'message', listener: (event: MessageEvent_) => void): void, addEventListener(type: 'fetch', listener: (event: FetchEvent_) => void): void }}
 */
const scope = /** @type {any} */ (self);

/** @type {Entry[]} Written as `self.__SHELL_MANIFEST`, the placeholder site/lib/offline.ts replaces. */
const MANIFEST = /** @type {any} */ (self).__SHELL_MANIFEST;
const ASSETS = '/_astro/';
const SCOPE = new URL(scope.registration.scope).pathname;
const BUNDLE = `${SCOPE}offline-shell.json`;

/** A short hash of the manifest: a new build's worker fills a cache of its own and the old one serves until it activates. */
const version = [...JSON.stringify(MANIFEST)].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7) >>> 0;
const SHELL_PREFIX = `seminario-shell-${SCOPE}-`;
const SHELL = `${SHELL_PREFIX}${version.toString(36)}`;
/** Cache names of the workers this one replaced, still on readers' devices. */
const OLD_CACHES = ['seminario-offline-', `workbox-precache-v2-${scope.registration.scope}`];
/** Pages (and data files) kept as they are visited; shared by the three languages' workers (one origin). */
const PAGES = 'seminario-pages';
/** Pages stored by "save the whole programme": replaced by the next save, never trimmed. */
const SAVED = 'seminario-saved';
/** /_astro/ files outside the shell, kept as pages load them or the programme is saved. */
const ASSET_CACHE = 'seminario-assets';

/**
 * How much the runtime caches keep, so they stop growing with the programme (or with every
 * deploy's hashed asset names): the most recently fetched entries, up to a month old (by the
 * answer's Date header). A month covers a reader who visits the week before and
 * reads during the three days. The shell and the saved programme are never trimmed.
 * (Written as one object: the build's minifier keeps its literal, which the tests lower.)
 */
const LIMITS = { pages: 100, assets: 60 };
const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

/** @param {URL} url */
const sameOrigin = (url) => url.origin === scope.location.origin;

/** @param {URL} url My programme's data file or the search index, in any language. */
const isDataFile = (url) => languages.some((lang) => myProgrammeDataPath(lang) === url.pathname || searchIndexPath(lang) === url.pathname);

/** @param {URL} url A page of the route table (every language: a reader may follow a link to another one). */
const isSitePage = (url) => alternatePaths(url.pathname) !== null && url.pathname.endsWith('/');

/** @param {string} url A page's cache key: its URL without query, so `?utm_source=…` finds the same copy. */
const pageKey = (url) => {
  const { origin, pathname } = new URL(url, scope.location.origin);
  return `${origin}${pathname}`;
};

/** @param {string} url @param {RequestInit} [init] A fetch that fails on anything but 2xx, naming the URL. */
async function fetchOk(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${new URL(url, scope.location.origin).pathname}: ${response.status}`);
  return response;
}

/**
 * Unpacks the shell bundle into its pages. Each page is a list of parts: text, or `[start, length]`
 * of the text of the pages before it. A page's response carries the bundle's own headers (the
 * host's policy for every path) as an HTML document.
 * @param {Cache} cache
 * @param {Response} response
 */
async function putShellPages(cache, response) {
  const { pages } = /** @type {{ pages: { url: string, parts: (string | [number, number])[] }[] }} */ (await response.clone().json());
  const headers = new Headers(response.headers);
  for (const name of ['content-length', 'content-encoding', 'etag', 'last-modified']) headers.delete(name);
  headers.set('content-type', 'text/html; charset=utf-8');
  let before = '';
  for (const { url, parts } of pages) {
    const html = parts.map((part) => (typeof part === 'string' ? part : before.slice(part[0], part[0] + part[1]))).join('');
    before += html;
    await cache.put(pageKey(url), new Response(html, { headers }));
  }
}

async function install() {
  // A cache of this name already there belongs to a worker of the same manifest (a worker whose
  // code changed): it stays whatever happens here. One this install creates goes if it fails, so
  // a half-filled copy does not sit in the reader's storage until a later install succeeds.
  const existed = await caches.has(SHELL);
  const cache = await caches.open(SHELL);
  const results = await Promise.allSettled(
    MANIFEST.map(async ({ url }) => {
      if (url === BUNDLE) return putShellPages(cache, await fetchOk(url, { cache: 'no-cache' }));
      if (await cache.match(url)) return;
      // A file with a hashed name an earlier worker already holds is the same file.
      const kept = url.startsWith(ASSETS) ? await caches.match(url) : undefined;
      await cache.put(url, kept ?? (await fetchOk(url, { cache: 'no-cache' })));
    }),
  );
  // Every fetch has settled (allSettled), so no write lands in the cache after it is deleted.
  const failed = results.find(/** @returns {result is PromiseRejectedResult} */ (result) => result.status === 'rejected');
  if (!failed) return;
  if (!existed) await caches.delete(SHELL);
  throw failed.reason;
}

async function activate() {
  const names = await caches.keys();
  const old = names.filter((name) => (name.startsWith(SHELL_PREFIX) && name !== SHELL) || OLD_CACHES.some((prefix) => name.startsWith(prefix)));
  await Promise.all(old.map((name) => caches.delete(name)));
  // Workbox's expiry kept its timestamps here; nothing reads them any more.
  if (typeof indexedDB !== 'undefined') indexedDB.deleteDatabase('workbox-expiration');
  await scope.clients.claim();
}

scope.addEventListener('install', (event) => event.waitUntil(install().then(() => scope.skipWaiting())));
scope.addEventListener('activate', (event) => event.waitUntil(activate()));

/**
 * Deletes the oldest entries of a runtime cache past its limit, and those older than a month.
 * @param {string} name
 * @param {number} max
 */
async function trim(name, max) {
  const cache = await caches.open(name);
  const keys = await cache.keys();
  const first = Math.max(0, keys.length - max);
  await Promise.all(keys.slice(0, first).map((key) => cache.delete(key)));
  for (const key of keys.slice(first)) {
    const date = Date.parse((await cache.match(key))?.headers.get('date') ?? '');
    if (!(Date.now() - date > MONTH_MS)) break;
    await cache.delete(key);
  }
}

/**
 * Puts a response at the end of a runtime cache's keys (deleted first: the order of keys is the
 * order entries were added), then trims the cache.
 * @param {string} name
 * @param {string} key
 * @param {Response} response
 * @param {number} max
 */
async function keep(name, key, response, max) {
  const cache = await caches.open(name);
  await cache.delete(key);
  await cache.put(key, response);
  await trim(name, max);
}

/** @param {string} key The kept copy of a page or data file: shell, visited, saved. */
async function keptCopy(key) {
  for (const name of [SHELL, PAGES, SAVED]) {
    const found = await (await caches.open(name)).match(key);
    if (found) return found;
  }
  return undefined;
}

/**
 * Network first; a good answer outside the shell is kept in `seminario-pages`; offline or on a
 * 5xx, the kept copy (a 5xx without one is passed on, an error without one fails the request).
 * @param {Request} request
 * @param {(promise: Promise<unknown>) => void} waitUntil
 */
async function networkFirst(request, waitUntil) {
  const key = pageKey(request.url);
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const kept = await keptCopy(key);
    if (kept) return kept;
    throw error;
  }
  if (response.status >= 500) return (await keptCopy(key)) ?? response;
  if (response.ok && !(await (await caches.open(SHELL)).match(key))) {
    const copy = response.clone();
    waitUntil(keep(PAGES, key, copy, LIMITS.pages));
  }
  return response;
}

/**
 * The shell's copy, else the kept one, else the network (kept for next time).
 * @param {Request} request
 * @param {(promise: Promise<unknown>) => void} waitUntil
 */
async function cacheFirst(request, waitUntil) {
  const found = (await (await caches.open(SHELL)).match(request.url)) ?? (await (await caches.open(ASSET_CACHE)).match(request.url));
  if (found) return found;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    waitUntil(keep(ASSET_CACHE, request.url, copy, LIMITS.assets));
  }
  return response;
}

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !sameOrigin(url)) return;
  const waitUntil = (/** @type {Promise<unknown>} */ promise) => event.waitUntil(promise);
  if (request.mode === 'navigate' ? isSitePage(url) : isDataFile(url)) event.respondWith(networkFirst(request, waitUntil));
  // A file the shell fetches as it runs (SHELL_DATA in site/lib/offline.ts) is answered like an asset.
  else if (url.pathname.startsWith(ASSETS) || (url.pathname !== BUNDLE && MANIFEST.some((entry) => entry.url === url.pathname)))
    event.respondWith(cacheFirst(request, waitUntil));
});

/**
 * Stores every page and asset of the language's list; pages are fetched again, so what the reader
 * saves is current, and pages the list no longer names are dropped.
 * @returns {Promise<number>} how many files were stored
 */
async function saveProgramme() {
  const list = await fetchOk(`${SCOPE}offline-pages.json`, { cache: 'no-cache' });
  const { pages, assets } = /** @type {{ pages: string[], assets: string[] }} */ (await list.json());
  const [shell, saved, assetCache] = await Promise.all([caches.open(SHELL), caches.open(SAVED), caches.open(ASSET_CACHE)]);
  const missing = (await Promise.all(assets.map(async (asset) => ((await shell.match(asset)) ? null : asset)))).filter((a) => a !== null);
  await Promise.all([
    ...pages.map(async (page) => saved.put(pageKey(page), await fetchOk(pageKey(page), { cache: 'no-cache' }))),
    ...missing.map(async (asset) => {
      const key = new URL(asset, scope.location.origin).href;
      if (!(await assetCache.match(key))) await assetCache.put(key, await fetchOk(key));
    }),
  ]);
  const listed = new Set(pages.map(pageKey));
  // Only this language's pages: the other languages' workers save into the same cache.
  for (const key of await saved.keys()) if (inScope(key.url) && !listed.has(key.url)) await saved.delete(key);
  return pages.length + missing.length;
}

/** @param {string} url Whether this worker's language owns the page (the Spanish scope `/` also covers /en/ and /pt/). */
const inScope = (url) => alternatePaths(new URL(url).pathname)?.lang === alternatePaths(SCOPE)?.lang;

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
