import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { pagePath } from '../../content-models/routes';
import { myProgrammeDataPath } from '../../site/lib/my-programme-path';
import { searchIndexPath } from '../../site/lib/search-index-path';
import { decodeTexts, type Part } from '../../site/lib/shell-bundle';
import { zoneNamesPath } from '../../site/lib/zone-names-path';
import { distDir, fileForPath, htmlPages, listFiles, pageDocument, requireDist } from '../support/dist';
import { publishedOfType, readNdjson, slugOf } from '../support/ndjson';

/**
 * The offline programme as built: one worker per language (/sw.js, /en/sw.js, /pt/sw.js: its
 * precache manifest, what its install caches, which requests it answers and how, what "save the
 * whole programme" stores) and the web app manifests. The workers run here in a `vm` sandbox
 * against the files in dist/; tests/browser/offline.test.ts runs them in Chromium.
 */

const docs = readNdjson();
const sessions = publishedOfType(docs, 'session').map(slugOf);
const speakers = publishedOfType(docs, 'speaker').map(slugOf);
const event = publishedOfType(docs, 'event')[0]!;
const langs = [
  { lang: 'es', prefix: '/', programme: 'programa', speakers: 'ponentes', conceptNote: 'nota-conceptual', mine: 'mi-programa', search: 'buscar' },
  { lang: 'en', prefix: '/en/', programme: 'programme', speakers: 'speakers', conceptNote: 'concept-note', mine: 'my-programme', search: 'search' },
  { lang: 'pt', prefix: '/pt/', programme: 'programa', speakers: 'palestrantes', conceptNote: 'nota-conceitual', mine: 'meu-programa', search: 'buscar' },
] as const;

type LangRow = (typeof langs)[number];

/** The shell of one language as built in dist/: home, programme, concept note and My programme. */
function shellPages(l: LangRow): string[] {
  return [l.prefix, `${l.prefix}${l.programme}/`, `${l.prefix}${l.conceptNote}/`, `${l.prefix}${l.mine}/`].filter((p) => fileForPath(p) !== null).sort();
}

/** The other pages of one language a reader may keep: speakers, search, every session and speaker page. */
function otherPages(l: LangRow): string[] {
  const re = new RegExp(`^${l.prefix}(${l.programme}/[^/]+|${l.speakers}(/[^/]+)?|${l.search})/$`);
  // Issue #20's single pages (the report, the products, the accessibility statement) are outside the shell too.
  const archive = [pagePath('report', l.lang), pagePath('products', l.lang), pagePath('accessibility', l.lang)];
  return htmlPages()
    .filter((p) => re.test(p) || archive.includes(p))
    .sort();
}

const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["']([^"']+)["']/g;
const ANY_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["'`]([^"'`]+)["'`]/g;
/** The chunk that saves the whole programme (site/scripts/offline-save.ts, one per page kind): it needs the network anyway. */
const SAVING = /^\/_astro\/offline-save\.[^/]+\.js$/;

/**
 * The /_astro/ files a set of pages loads: script and link URLs, url() in inline styles, then every
 * module those scripts import statically; with `onDemand`, also what they import on demand
 * (`import("./x.js")`, which the browser fetches only when the reader asks for it): `all` of it,
 * or `shell`: what the pages' own scripts import on demand (not what those chunks import on demand
 * in turn), but the saving chunk, with their static imports.
 */
function assetsOf(pages: string[], onDemand: false | 'shell' | 'all' = false): string[] {
  const found = new Set<string>();
  const queue: string[] = [];
  const add = (p: string) => {
    if (p.startsWith('/_astro/') && !found.has(p)) {
      found.add(p);
      queue.push(p);
    }
  };
  const code = (asset: string) => readFileSync(path.join(distDir, asset), 'utf8');
  const drain = (imports: RegExp) => {
    while (queue.length) {
      const asset = queue.shift()!;
      if (!asset.endsWith('.js')) continue;
      for (const m of code(asset).matchAll(imports)) add(new URL(m[1]!, `http://x${asset}`).pathname);
    }
  };
  for (const page of pages) {
    const doc = pageDocument(page);
    for (const el of doc.querySelectorAll('script[src], link[href], img[src]'))
      add(new URL(el.getAttribute('src') ?? el.getAttribute('href')!, 'http://x/').pathname);
    for (const style of doc.querySelectorAll('style')) for (const m of (style.textContent ?? '').matchAll(/url\(\s*["']?([^"')]+)/g)) add(m[1]!);
  }
  drain(onDemand === 'all' ? ANY_IMPORT : STATIC_IMPORT);
  if (onDemand === 'shell') {
    const loaded = [...found].filter((a) => a.endsWith('.js'));
    for (const asset of loaded)
      for (const m of code(asset).matchAll(DYNAMIC_IMPORT)) {
        const chunk = new URL(m[1]!, `http://x${asset}`).pathname;
        if (!SAVING.test(chunk)) add(chunk);
      }
    drain(STATIC_IMPORT);
  }
  return [...found].sort();
}

interface ManifestEntry {
  url: string;
  revision: string | null;
}

/** The worker of a language (by its prefix: '/', '/en/', '/pt/'). */
function workerSource(prefix = '/'): string {
  return readFileSync(path.join(distDir, prefix, 'sw.js'), 'utf8');
}

/** The precache manifest site/lib/offline.ts wrote into sw.js (in place of `self.__SHELL_MANIFEST`). */
function workerManifest(source = workerSource()): ManifestEntry[] {
  const match = source.match(/\[\{"revision":(?:"[0-9a-f]+"|null),"url":"[^"]*"\}(?:,\{"revision":(?:"[0-9a-f]+"|null),"url":"[^"]*"\})*\]/);
  if (!match) throw new Error('sw.js has no precache manifest');
  return JSON.parse(match[0]) as ManifestEntry[];
}

/** The shell bundle of a language (by its prefix), unpacked as the worker does: each page's URL and text. */
function bundlePages(prefix = '/'): { url: string; html: string }[] {
  const bundle = JSON.parse(readFileSync(path.join(distDir, prefix, 'offline-shell.json'), 'utf8')) as { pages: { url: string; parts: Part[] }[] };
  const texts = decodeTexts(bundle.pages.map((p) => p.parts));
  return bundle.pages.map((p, i) => ({ url: p.url, html: texts[i]! }));
}

/** The pages a language's worker precaches: those of its shell bundle, sorted. */
const pagesOf = (prefix = '/') =>
  bundlePages(prefix)
    .map((p) => p.url)
    .sort();
const md5 = (file: string) => createHash('md5').update(readFileSync(file)).digest('hex');

type Listener = (event: Record<string, unknown>) => void;

/** The policy header the sandbox's host sends with every file. */
const POLICY = "default-src 'self'";
const BUNDLE = (prefix: string) => `${prefix}offline-shell.json`;

/**
 * An in-memory CacheStorage with what Workbox uses of it: open, keys, delete, match; and per cache
 * put, match, keys and delete, by URL (`ignoreSearch` honoured).
 */
function memoryCaches(origin: string) {
  const stores = new Map<string, Map<string, { request: Request; response: Response }>>();
  const href = (key: Request | string) => new URL(typeof key === 'string' ? key : key.url, origin).href;
  const bare = (url: string) => url.split('?')[0];
  const cacheOf = (name: string) => {
    let store = stores.get(name);
    if (!store) {
      store = new Map();
      stores.set(name, store);
    }
    const entries = (key?: Request | string, options?: { ignoreSearch?: boolean }) =>
      [...store.values()].filter((e) => key === undefined || (options?.ignoreSearch ? bare(e.request.url) === bare(href(key)) : e.request.url === href(key)));
    return {
      put: async (key: Request | string, response: Response) =>
        void store.set(href(key), { request: typeof key === 'string' ? new Request(href(key)) : key, response }),
      match: async (key: Request | string, options?: { ignoreSearch?: boolean }) => entries(key, options)[0]?.response.clone(),
      keys: async (key?: Request | string, options?: { ignoreSearch?: boolean }) => entries(key, options).map((e) => e.request),
      delete: async (key: Request | string) => store.delete(href(key)),
    };
  };
  const caches = {
    open: async (name: string) => cacheOf(name),
    has: async (name: string) => stores.has(name),
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    match: async (key: Request | string) => {
      for (const name of stores.keys()) {
        const found = await cacheOf(name).match(key);
        if (found) return found;
      }
      return undefined;
    },
  };
  /** Cache name → URL paths in it. */
  const contents = () => new Map([...stores].map(([name, store]) => [name, [...store.keys()].map((k) => new URL(k).pathname).sort()]));
  return { caches, stores, contents };
}

/**
 * dist/sw.js in a sandbox: `fetch` answers from dist/ (404 for what is not built, `offline` makes
 * every fetch fail, `down` makes it answer 503), `caches` is in memory. Returns the worker's
 * listeners, its caches and what it fetched.
 */
function sandboxedWorker(source = workerSource(), prefix = '/') {
  const origin = 'https://seminario.example';
  const { caches, stores, contents } = memoryCaches(origin);
  const fetched: string[] = [];
  const network = { offline: false, down: false };
  const fetch = async (input: Request | string) => {
    const url = new URL(typeof input === 'string' ? input : input.url, origin);
    fetched.push(url.pathname);
    if (network.offline) throw new TypeError('Failed to fetch');
    if (network.down) return new Response('down', { status: 503 });
    const file = fileForPath(url.pathname);
    if (!file) return new Response('not found', { status: 404 });
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream';
    // The host's policy on every path, as _headers sets it: the shell bundle's answer carries it too.
    return new Response(readFileSync(file), { headers: { 'content-type': type, 'content-security-policy': POLICY } });
  };
  const listeners = new Map<string, Listener[]>();
  const location = new URL(`${prefix}sw.js`, origin);
  const self = {
    location,
    registration: { scope: `${origin}${prefix}` },
    caches,
    addEventListener: (type: string, listener: Listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    skipWaiting: async () => {},
    clients: { claim: async () => {} },
  };
  class FetchEvent {}
  vm.runInNewContext(source, {
    self,
    registration: self.registration,
    location,
    caches,
    fetch,
    Request,
    Response,
    Headers,
    URL,
    FetchEvent,
    console,
    setTimeout,
    clearTimeout,
  });
  /** Dispatches an extendable event and waits for what the worker handed to waitUntil. */
  const dispatch = async (type: 'install' | 'activate') => {
    const waits: Promise<unknown>[] = [];
    for (const listener of listeners.get(type) ?? []) listener({ type, waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
  };
  /** Posts a message to the worker with a port, and resolves with what the worker answers on it. */
  const message = async (data: unknown): Promise<unknown> => {
    let answer: unknown;
    const waits: Promise<unknown>[] = [];
    const port = { postMessage: (value: unknown) => (answer = value) };
    for (const listener of listeners.get('message') ?? [])
      listener({ type: 'message', data, ports: [port], waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
    return answer;
  };
  /** What the worker still does after answering (Workbox stores a fetched copy in waitUntil). */
  const pending: Promise<unknown>[] = [];
  const idle = () => Promise.allSettled(pending);
  /** The worker's answer to a request, or null when it leaves the request to the browser. */
  const respond = (url: string, init: { method?: string; mode?: string } = {}): Promise<Response> | null => {
    let answer: Promise<Response> | null = null;
    const request = {
      url: new URL(url, origin).href,
      method: init.method ?? 'GET',
      mode: init.mode ?? 'navigate',
      headers: new Headers(),
      clone: () => request,
    };
    const event = { type: 'fetch', request, respondWith: (p: Promise<Response>) => (answer = p), waitUntil: (p: Promise<unknown>) => void pending.push(p) };
    for (const listener of listeners.get('fetch') ?? []) listener(event);
    return answer;
  };
  return {
    origin,
    stores,
    contents,
    fetched,
    network,
    dispatch,
    message,
    respond,
    idle,
    answers: (url: string, init?: { method?: string; mode?: string }) => respond(url, init) !== null,
  };
}

beforeAll(() => {
  requireDist();
});

describe.each(langs)('the service worker of $lang', (l) => {
  const source = () => workerSource(l.prefix);
  const shell = () => shellPages(l);

  it('exists next to the language home, and precaches exactly its home, programme, concept note and My programme, in one bundle', () => {
    expect(shell()).toHaveLength(4);
    expect(pagesOf(l.prefix)).toEqual(shell());
    // Nothing else outside /_astro/ but the bundle and the zone picker's naming tables (a small file
    // the shell's pages fetch for a zone that is not a capital): My programme's data file grows with
    // the programme, so it is kept as visited or saved.
    expect(
      workerManifest(source())
        .filter((e) => !e.url.startsWith('/_astro/'))
        .map((e) => e.url)
        .sort(),
    ).toEqual([BUNDLE(l.prefix), zoneNamesPath(l.lang)].sort());
  });

  it('precaches no session, speaker, calendar, feed, embed, 404 or other non-page file, nor another language', () => {
    const pages = pagesOf(l.prefix);
    const forbidden = pages.filter((p) => /\.(ics|json|xml|txt|webmanifest)$|\/embed\/|404|\/ics\//.test(p) || otherPages(l).includes(p));
    expect(forbidden).toEqual([]);
    for (const other of langs.filter((o) => o !== l)) for (const p of shellPages(other)) expect(pages).not.toContain(p);
    for (const p of pages) expect(fileForPath(p), p).not.toBeNull();
  });

  it('gives the bundle the hash of its file as revision, unpacks each page to exactly its built file, and lists exactly the /_astro/ files the shell loads by their hashed names', () => {
    const manifest = workerManifest(source());
    expect(manifest.find((e) => e.url === BUNDLE(l.prefix))?.revision).toBe(md5(fileForPath(BUNDLE(l.prefix))!));
    for (const page of bundlePages(l.prefix)) expect(page.html === readFileSync(fileForPath(page.url)!, 'utf8'), page.url).toBe(true);
    // The point of the bundle: the pages' common head is sent once, so it weighs less than the pages do.
    const gzip = (file: string) => gzipSync(readFileSync(file)).length;
    expect(gzip(fileForPath(BUNDLE(l.prefix))!)).toBeLessThan(0.75 * shell().reduce((sum, p) => sum + gzip(fileForPath(p)!), 0));
    const assets = manifest.filter((e) => e.url.startsWith('/_astro/'));
    const expectedAssets = assetsOf(shell(), 'shell');
    expect(expectedAssets.length).toBeGreaterThan(0);
    expect(assets.map((e) => e.url)).toEqual(expectedAssets);
    for (const entry of assets) expect(entry.revision, entry.url).toBeNull();
  });

  it("precaches the chunks the shell's scripts import on demand, so their buttons work offline; not the saving code (it needs the network), nor the QR library a chunk loads in turn", () => {
    const manifest = workerManifest(source()).map((e) => e.url);
    const onDemand = assetsOf(shell(), 'shell').filter((a) => !assetsOf(shell()).includes(a));
    // My programme's calendar download and share panel at least.
    expect(onDemand.filter((a) => /\/(calendar-download|share-panel)\.[^/]+\.js$/.test(a))).toHaveLength(2);
    expect(manifest).toEqual(expect.arrayContaining(onDemand));
    // Left out, though the shell's scripts reach them: the saving chunks, and what the chunks above import on demand.
    const left = assetsOf(shell(), 'all').filter((a) => !assetsOf(shell(), 'shell').includes(a));
    expect(left.filter((a) => SAVING.test(a)).length).toBeGreaterThan(0);
    expect(left.filter((a) => !SAVING.test(a)).length).toBeGreaterThan(0);
    expect(manifest.filter((url) => left.includes(url))).toEqual([]);
  });

  it('is one classic worker script: it parses as a script and loads no other script', () => {
    expect(() => new vm.Script(source())).not.toThrow();
    expect(source()).not.toMatch(/\bimportScripts\s*\(|\bimport\s*\(|^\s*import\s|__SHELL_MANIFEST/m);
  });

  it('on install fetches the bundle and the files once each, and caches exactly the shell pages and files', async () => {
    const worker = sandboxedWorker(source(), l.prefix);
    await worker.dispatch('install');
    const manifest = workerManifest(source());
    const contents = worker.contents();
    expect([...contents.keys()]).toEqual([expect.stringMatching(new RegExp(`^seminario-shell-${l.prefix}-[0-9a-z]+$`))]);
    // The shell's pages, their files, and the zone picker's naming tables (SHELL_DATA).
    expect([...contents.values()][0]).toEqual([...shell(), zoneNamesPath(l.lang), ...assetsOf(shell(), 'shell')].sort());
    expect(worker.fetched.sort()).toEqual(manifest.map((e) => e.url).sort());
  });

  it('precaches a file the shell fetches as it runs (a SHELL_DATA line adds it to the manifest) and serves it offline', async () => {
    const data = `${l.prefix}manifest.webmanifest`;
    const worker = sandboxedWorker(source().replace('[{"revision":', `[{"revision":"0","url":"${data}"},{"revision":`), l.prefix);
    await worker.dispatch('install');
    expect([...worker.contents().values()][0]).toContain(data);
    worker.network.offline = true;
    expect(await (await worker.respond(data, { mode: 'cors' }))!.text()).toBe(readFileSync(fileForPath(data)!, 'utf8'));
  });

  it('fails the install when a page cannot be fetched, so a half-filled cache never becomes active', async () => {
    const worker = sandboxedWorker(source().replace('[{"revision":', '[{"revision":"0","url":"/no-such-page/"},{"revision":'), l.prefix);
    await expect(worker.dispatch('install')).rejects.toThrow(/no-such-page/);
  });

  it("on activate deletes its scope's older shells and the caches of the workers before it (hand-written, then Workbox), and leaves other caches alone", async () => {
    const worker = sandboxedWorker(source(), l.prefix);
    worker.stores.set('seminario-offline-0000000000000000', new Map());
    worker.stores.set(`workbox-precache-v2-${worker.origin}${l.prefix}`, new Map());
    worker.stores.set(`seminario-shell-${l.prefix}-older`, new Map());
    worker.stores.set('someone-else', new Map());
    await worker.dispatch('install');
    await worker.dispatch('activate');
    const names = [...worker.stores.keys()];
    expect(names).not.toContain('seminario-offline-0000000000000000');
    expect(names).toContain('someone-else');
    expect(names).toHaveLength(2);
  });

  it("answers only same-origin GET navigations to pages of the route table, requests for /_astro/ files and My programme's data file", () => {
    const { answers } = sandboxedWorker(source(), l.prefix);
    for (const page of [...shell(), ...otherPages(l)]) expect(answers(page), page).toBe(true);
    expect(answers(`${l.prefix}${l.programme}/?utm_source=x`)).toBe(true);
    expect(answers('/_astro/anything.js', { mode: 'cors' })).toBe(true);
    expect(answers(myProgrammeDataPath(l.lang), { mode: 'cors' })).toBe(true);
    const left = [
      ['/ics/evento.ics', {}],
      ['/en/ics/evento.ics', { mode: 'no-cors' }],
      ['/schedule.json', { mode: 'cors' }],
      ['/offline-pages.json', { mode: 'cors' }],
      [`${l.prefix}offline-shell.json`, { mode: 'cors' }],
      ['/embed/', {}],
      ['/en/embed/', {}],
      ['/404.html', {}],
      ['/sitemap-index.xml', {}],
      ['/manifest.webmanifest', { mode: 'cors' }],
      ['/favicon.svg', { mode: 'no-cors' }],
      ['/programa', {}],
      ['/programa/', { method: 'POST' }],
      ['/programa/', { mode: 'cors' }],
      ['https://cdn.sanity.io/images/x.jpg', { mode: 'no-cors' }],
      ['https://elsewhere.example/programa/', {}],
    ] as const;
    for (const [url, init] of left) expect(answers(url, init), `${url} ${JSON.stringify(init)}`).toBe(false);
  });

  it('serves a shell page from the network while online, and its precached copy when offline or when the host answers 5xx', async () => {
    const worker = sandboxedWorker(source(), l.prefix);
    await worker.dispatch('install');
    await worker.dispatch('activate');
    const programme = `${l.prefix}${l.programme}/`;
    const built = readFileSync(fileForPath(programme)!, 'utf8');
    worker.fetched.length = 0;
    expect(await (await worker.respond(programme))!.text()).toBe(built);
    expect(worker.fetched).toEqual([programme]);
    worker.network.down = true;
    const whileDown = (await worker.respond(`${programme}?utm_source=x`))!;
    expect([whileDown.status, await whileDown.text()]).toEqual([200, built]);
    worker.network.down = false;
    worker.network.offline = true;
    const offline = (await worker.respond(programme))!;
    expect(await offline.text()).toBe(built);
    // Unpacked from the bundle, the copy is an HTML page under the host's policy, as the bundle was.
    expect(offline.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(offline.headers.get('content-security-policy')).toBe(POLICY);
  });

  it('keeps a session page once visited, serves that copy offline or while the host answers 5xx, and has nothing for a page never visited', async () => {
    const worker = sandboxedWorker(source(), l.prefix);
    await worker.dispatch('install');
    await worker.dispatch('activate');
    const [visited, never] = otherPages(l).filter((p) => p.startsWith(`${l.prefix}${l.programme}/`));
    const built = readFileSync(fileForPath(visited!)!, 'utf8');
    expect(await (await worker.respond(`${visited}?utm_source=x`))!.text()).toBe(built);
    await worker.idle();
    expect(worker.contents().get('seminario-pages')).toEqual([visited]);
    worker.network.down = true;
    const whileDown = (await worker.respond(visited!))!;
    expect([whileDown.status, await whileDown.text()]).toEqual([200, built]);
    worker.network.down = false;
    worker.network.offline = true;
    expect(await (await worker.respond(visited!))!.text()).toBe(built);
    await expect(worker.respond(never!)!).rejects.toThrow();
  });

  it('keeps the most recently visited pages up to its limit, a page visited again counting as recent', async () => {
    // The limit as written in the worker, lowered so the seed's pages exceed it.
    const limited = source().replace(/\bpages:100\b/, 'pages:2');
    expect(limited).not.toBe(source());
    const worker = sandboxedWorker(limited, l.prefix);
    await worker.dispatch('install');
    await worker.dispatch('activate');
    const [a, b, c] = otherPages(l).filter((p) => p.startsWith(`${l.prefix}${l.programme}/`));
    for (const page of [a, b, a, c]) {
      await worker.respond(page!);
      await worker.idle();
    }
    expect(worker.contents().get('seminario-pages')).toEqual([a, c].sort());
  });

  it('publishes the list "save the whole programme" stores: every other page of its language, My programme\'s data and the /_astro/ files its pages load or import on demand', () => {
    const list = JSON.parse(readFileSync(fileForPath(`${l.prefix}offline-pages.json`)!, 'utf8')) as { pages: string[]; assets: string[] };
    expect(list.pages).toEqual([...otherPages(l), myProgrammeDataPath(l.lang), searchIndexPath(l.lang)].sort());
    // Speakers, search, the report, the products and the accessibility statement (issue #20), every
    // session and speaker page, and the two data files.
    expect(list.pages.length).toBe(7 + sessions.length + speakers.length);
    // What every page of the language loads or imports on demand; the worker skips what its shell holds.
    expect(list.assets).toEqual(assetsOf([...otherPages(l), ...shell()], 'all'));
  });

  it('on "save the whole programme", stores every page of the list and the files the shell lacks, then answers how many; offline, they are served', async () => {
    const worker = sandboxedWorker(source(), l.prefix);
    await worker.dispatch('install');
    await worker.dispatch('activate');
    const shellAssets = new Set(assetsOf(shell(), 'shell'));
    const extraAssets = assetsOf([...otherPages(l), ...shell()], 'all').filter((a) => !shellAssets.has(a));
    // What the shell leaves of My programme's on-demand chunks (the QR library, the saving code) is among them: saved, they work offline.
    const mine = [pagePath('myProgramme', l.lang)];
    const onDemand = assetsOf(mine, 'all').filter((a) => !assetsOf(mine, 'shell').includes(a));
    expect(onDemand.length).toBeGreaterThan(0);
    expect(extraAssets).toEqual(expect.arrayContaining(onDemand));
    const data = myProgrammeDataPath(l.lang);
    const saved = [...otherPages(l), data, searchIndexPath(l.lang)].sort();
    expect(await worker.message({ type: 'save-programme' })).toEqual({ saved: saved.length + extraAssets.length });
    expect(worker.contents().get('seminario-saved')).toEqual(saved);
    expect(worker.contents().get('seminario-pages')).toBeUndefined();
    expect(worker.contents().get('seminario-assets') ?? []).toEqual(extraAssets);
    worker.network.offline = true;
    for (const page of otherPages(l)) expect(await (await worker.respond(page))!.text(), page).toBe(readFileSync(fileForPath(page)!, 'utf8'));
    expect(await (await worker.respond(data, { mode: 'cors' }))!.text()).toBe(readFileSync(fileForPath(data)!, 'utf8'));
    const index = searchIndexPath(l.lang);
    expect(await (await worker.respond(index, { mode: 'cors' }))!.text()).toBe(readFileSync(fileForPath(index)!, 'utf8'));
    expect(await worker.message({ type: 'save-programme' })).toEqual({ error: expect.stringMatching(/fetch/i) });
    expect(await worker.message({ type: 'something-else' })).toBeUndefined();
  });
});

describe('the web app manifests', () => {
  const shortName = (event.shortName as Record<string, string>) ?? {};

  it.each(langs)('$lang: valid JSON with name, start_url at the language home and icons that exist', ({ lang, prefix }) => {
    const file = fileForPath(`${prefix}manifest.webmanifest`);
    expect(file).not.toBeNull();
    const manifest = JSON.parse(readFileSync(file!, 'utf8'));
    expect(manifest.name).toBe(shortName[lang] ?? shortName.es);
    expect(manifest.short_name).toBe(manifest.name);
    expect(manifest.lang).toBe(lang);
    expect(manifest.start_url).toBe(prefix);
    expect(fileForPath(manifest.start_url)).not.toBeNull();
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.length).toBeGreaterThanOrEqual(1);
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      const iconFile = fileForPath(icon.src);
      expect(iconFile, icon.src).not.toBeNull();
      if (icon.type === 'image/png') {
        const png = readFileSync(iconFile!);
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
      }
    }
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  it('are the only .webmanifest files, one per language', () => {
    expect(listFiles().filter((f) => f.endsWith('.webmanifest'))).toEqual(['en/manifest.webmanifest', 'manifest.webmanifest', 'pt/manifest.webmanifest']);
  });
});

describe('pages and the offline programme', () => {
  it("every page a worker keeps links its language's manifest", () => {
    const pages = langs.flatMap((l) => [...pagesOf(l.prefix), ...otherPages(l)]);
    const wrong: string[] = [];
    for (const page of pages) {
      const prefix = langs.find((l) => l.prefix !== '/' && page.startsWith(l.prefix))?.prefix ?? '/';
      const href = pageDocument(page).querySelector('link[rel="manifest"]')?.getAttribute('href');
      if (href !== `${prefix}manifest.webmanifest`) wrong.push(`${page}: ${href ?? 'no <link rel="manifest">'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every page with the site footer carries the empty offline note, its worker and the hidden save button, and only there', () => {
    for (const page of htmlPages()) {
      const doc = pageDocument(page);
      const notes = [...doc.querySelectorAll('[data-offline-note]')];
      if (!doc.querySelector('footer.site')) {
        expect(notes, page).toEqual([]);
        continue;
      }
      expect(notes.length, page).toBe(1);
      const note = notes[0]!;
      expect(note.closest('footer.site'), page).not.toBeNull();
      expect(note.getAttribute('role'), page).toBe('status');
      expect(note.textContent, page).toBe('');
      expect(note.getAttribute('data-text'), page).toMatch(/\S/);
      const prefix = langs.find((l) => l.prefix !== '/' && page.startsWith(l.prefix))?.prefix ?? '/';
      expect(note.getAttribute('data-worker'), page).toBe(`${prefix}sw.js`);
      const save = doc.querySelectorAll('footer.site [data-offline-save]');
      expect(save.length, page).toBe(1);
      expect(save[0]!.hasAttribute('hidden'), page).toBe(true);
      expect(save[0]!.getAttribute('type'), page).toBe('button');
    }
  });
});
