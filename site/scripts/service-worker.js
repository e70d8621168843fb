/**
 * The service worker that keeps the programme readable without a connection. The build serves it
 * as /sw.js (site/pages/sw.js.ts) with its configuration filled in from site/lib/offline.ts: a
 * version and the pages to keep. Plain JavaScript, shipped as written.
 *
 * - install: fetch every listed page and every /_astro/ file those pages load (their scripts and
 *   the modules those import) into a cache named after the version. One failed fetch fails the
 *   install, so a half-filled cache never becomes active; the browser retries on a later visit.
 * - activate: delete this site's caches of any other version, and take charge of open pages.
 * - fetch, same-origin GET only: a navigation to a listed page goes to the network first (so an
 *   update shows as soon as the reader is online) and falls back to the cache; a cached /_astro/
 *   file comes from the cache (its name changes with its content). Nothing else is answered or
 *   stored by the worker: calendars, feeds, other pages and other origins go to the network as usual.
 */
const CONFIG = /* @offline-config */ { prefix: 'seminario-offline-', version: 'dev', pages: [] } /* @end */;
const CACHE = CONFIG.prefix + CONFIG.version;
const PAGES = new Set(CONFIG.pages);
const ASSETS = '/_astro/';
/** `src="/_astro/…"`, `href="/_astro/…"` and `url(/_astro/…)` in a page. */
const PAGE_REFERENCE = /\b(?:src|href)="(\/_astro\/[^"?#]+)|url\(\s*["']?(\/_astro\/[^"')?#]+)/g;
/** `import … from "./x.js"`, `import "./x.js"` and `import("./x.js")` in a module. */
const MODULE_REFERENCE = /\b(?:from|import)\s*\(?\s*["']([./][^"']*)["']/g;

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(CONFIG.prefix) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && PAGES.has(url.pathname)) event.respondWith(networkFirst(request, url.pathname));
  else if (url.pathname.startsWith(ASSETS)) event.respondWith(cacheFirst(request, url.pathname));
});

/** Pages first, then what they load, each file fetched once, bypassing the HTTP cache. */
async function precache() {
  const cache = await caches.open(CACHE);
  const seen = new Set(PAGES);
  let batch = [...PAGES];
  while (batch.length > 0) {
    const found = [];
    await Promise.all(
      batch.map(async (path) => {
        const response = await fetch(path, { cache: 'no-cache' });
        if (!response.ok || response.redirected) throw new Error(`Offline copy not made: ${path} answered ${response.status}`);
        const type = response.headers.get('content-type') ?? '';
        if (/html|javascript/.test(type)) {
          for (const ref of references(await response.clone().text(), path)) {
            if (!seen.has(ref)) {
              seen.add(ref);
              found.push(ref);
            }
          }
        }
        await cache.put(path, response);
      }),
    );
    batch = found;
  }
}

/** The /_astro/ files a page or a module loads, as paths. */
function references(text, from) {
  const base = new URL(from, self.location.origin);
  const out = [];
  if (from.startsWith(ASSETS)) for (const m of text.matchAll(MODULE_REFERENCE)) out.push(new URL(m[1], base).pathname);
  else for (const m of text.matchAll(PAGE_REFERENCE)) out.push(m[1] ?? m[2]);
  return out.filter((path) => path.startsWith(ASSETS));
}

async function networkFirst(request, path) {
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const cached = await caches.match(path, { cacheName: CACHE });
    if (cached) return cached;
    throw error;
  }
  // A host that is down answers 5xx while the copy is still good.
  if (response.status >= 500) return (await caches.match(path, { cacheName: CACHE })) ?? response;
  return response;
}

async function cacheFirst(request, path) {
  return (await caches.match(path, { cacheName: CACHE })) ?? fetch(request);
}
