import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { distDir, fileForPath, htmlPages, listFiles, pageDocument, requireDist } from '../support/dist';
import { publishedOfType, readNdjson, slugOf } from '../support/ndjson';

/**
 * The offline programme as built: /sw.js (its precache manifest, what its install caches, which
 * requests it answers and how) and the web app manifests. The worker, Workbox included, is run here
 * in a `vm` sandbox against the files in dist/; tests/browser/offline.test.ts runs it in Chromium.
 */

const docs = readNdjson();
const sessions = publishedOfType(docs, 'session').map(slugOf);
const speakers = publishedOfType(docs, 'speaker').map(slugOf);
const event = publishedOfType(docs, 'event')[0]!;
const langs = [
  { lang: 'es', prefix: '/', programme: 'programa', speakers: 'ponentes', conceptNote: 'nota-conceptual', mine: 'mi-programa' },
  { lang: 'en', prefix: '/en/', programme: 'programme', speakers: 'speakers', conceptNote: 'concept-note', mine: 'my-programme' },
  { lang: 'pt', prefix: '/pt/', programme: 'programa', speakers: 'palestrantes', conceptNote: 'nota-conceitual', mine: 'meu-programa' },
] as const;

/** Home, programme, sessions, speakers, speaker pages, concept note and My programme of every language, as built in dist/. */
function expectedPages(): string[] {
  const wanted = langs.flatMap((l) => [
    new RegExp(`^${l.prefix}$`),
    new RegExp(`^${l.prefix}(${l.programme}|${l.speakers})/([^/]+/)?$`),
    new RegExp(`^${l.prefix}${l.conceptNote}/$`),
    new RegExp(`^${l.prefix}${l.mine}/$`),
  ]);
  return htmlPages()
    .filter((p) => wanted.some((re) => re.test(p)))
    .sort();
}

/** The /_astro/ files a set of pages loads: script and link URLs, url() in inline styles, then every module those scripts import. */
function assetsOf(pages: string[]): string[] {
  const found = new Set<string>();
  const queue: string[] = [];
  const add = (p: string) => {
    if (p.startsWith('/_astro/') && !found.has(p)) {
      found.add(p);
      queue.push(p);
    }
  };
  for (const page of pages) {
    const doc = pageDocument(page);
    for (const el of doc.querySelectorAll('script[src], link[href], img[src]'))
      add(new URL(el.getAttribute('src') ?? el.getAttribute('href')!, 'http://x/').pathname);
    for (const style of doc.querySelectorAll('style')) for (const m of (style.textContent ?? '').matchAll(/url\(\s*["']?([^"')]+)/g)) add(m[1]!);
  }
  while (queue.length) {
    const asset = queue.shift()!;
    if (!asset.endsWith('.js')) continue;
    const code = readFileSync(path.join(distDir, asset), 'utf8');
    const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((m) => m[1]!);
    for (const s of specifiers) add(new URL(s, `http://x${asset}`).pathname);
  }
  return [...found].sort();
}

interface ManifestEntry {
  url: string;
  revision: string | null;
}

function workerSource(): string {
  return readFileSync(path.join(distDir, 'sw.js'), 'utf8');
}

/** The precache manifest workbox-build injected into sw.js (in place of `self.__WB_MANIFEST`). */
function workerManifest(source = workerSource()): ManifestEntry[] {
  const match = source.match(/\[\{"revision":(?:"[0-9a-f]+"|null),"url":"[^"]*"\}(?:,\{"revision":(?:"[0-9a-f]+"|null),"url":"[^"]*"\})*\]/);
  if (!match) throw new Error('sw.js has no precache manifest');
  return JSON.parse(match[0]) as ManifestEntry[];
}

const pagesOf = (manifest: ManifestEntry[]) => manifest.filter((e) => !e.url.startsWith('/_astro/')).map((e) => e.url);
const md5 = (file: string) => createHash('md5').update(readFileSync(file)).digest('hex');

type Listener = (event: Record<string, unknown>) => void;

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
function sandboxedWorker(source = workerSource()) {
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
    return new Response(readFileSync(file), { headers: { 'content-type': type } });
  };
  const listeners = new Map<string, Listener[]>();
  const location = new URL('/sw.js', origin);
  const self = {
    location,
    registration: { scope: `${origin}/` },
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
    const event = { type: 'fetch', request, respondWith: (p: Promise<Response>) => (answer = p), waitUntil: () => {} };
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
    respond,
    answers: (url: string, init?: { method?: string; mode?: string }) => respond(url, init) !== null,
  };
}

beforeAll(() => {
  requireDist();
});

describe('the service worker /sw.js', () => {
  it('precaches exactly the home, programme, session, speakers, speaker, concept-note and My programme pages of every language', () => {
    const expected = expectedPages();
    expect(expected.length).toBe(3 * (5 + sessions.length + speakers.length));
    for (const l of langs) {
      for (const s of sessions) expect(expected).toContain(`${l.prefix}${l.programme}/${s}/`);
      for (const s of speakers) expect(expected).toContain(`${l.prefix}${l.speakers}/${s}/`);
    }
    expect(pagesOf(workerManifest())).toEqual(expected);
  });

  it('precaches no calendar, feed, embed, 404 or other non-page file', () => {
    const pages = pagesOf(workerManifest());
    const forbidden = pages.filter((p) => /\.(ics|json|xml|txt|webmanifest)$|\/embed\/|404|\/ics\//.test(p));
    expect(forbidden).toEqual([]);
    for (const p of pages) expect(fileForPath(p), p).not.toBeNull();
  });

  it('gives each page the hash of its built file as revision, and lists the /_astro/ files the pages load by their hashed names', () => {
    const manifest = workerManifest();
    for (const entry of manifest.filter((e) => !e.url.startsWith('/_astro/'))) expect(entry.revision, entry.url).toBe(md5(fileForPath(entry.url)!));
    const assets = manifest.filter((e) => e.url.startsWith('/_astro/'));
    const expectedAssets = assetsOf(pagesOf(manifest));
    expect(expectedAssets.length).toBeGreaterThan(0);
    expect(assets.map((e) => e.url)).toEqual(expectedAssets);
    for (const entry of assets) expect(entry.revision, entry.url).toBeNull();
  });

  it('is one classic worker script: it parses as a script and loads no other script', () => {
    const source = workerSource();
    expect(() => new vm.Script(source)).not.toThrow();
    expect(source).not.toMatch(/\bimportScripts\s*\(|\bimport\s*\(|^\s*import\s|__WB_MANIFEST/m);
  });

  it('on install caches exactly the precached pages and files, each once', async () => {
    const worker = sandboxedWorker();
    await worker.dispatch('install');
    const manifest = workerManifest();
    const contents = worker.contents();
    expect([...contents.keys()]).toHaveLength(1);
    expect([...contents.values()][0]).toEqual(manifest.map((e) => e.url).sort());
    expect(worker.fetched.sort()).toEqual(manifest.map((e) => e.url).sort());
  });

  it('fails the install when a page cannot be fetched, so a half-filled cache never becomes active', async () => {
    const source = workerSource().replace('[{"revision":', '[{"revision":"0","url":"/no-such-page/"},{"revision":');
    const worker = sandboxedWorker(source);
    await expect(worker.dispatch('install')).rejects.toThrow(/no-such-page/);
  });

  it('on activate deletes the caches of the worker before Workbox and leaves other caches alone', async () => {
    const worker = sandboxedWorker();
    worker.stores.set('seminario-offline-0000000000000000', new Map());
    worker.stores.set('someone-else', new Map());
    await worker.dispatch('install');
    await worker.dispatch('activate');
    const names = [...worker.stores.keys()];
    expect(names).not.toContain('seminario-offline-0000000000000000');
    expect(names).toContain('someone-else');
    expect(names).toHaveLength(2);
  });

  it('answers only same-origin GET navigations to precached pages and requests for /_astro/ files', () => {
    const { answers } = sandboxedWorker();
    for (const page of pagesOf(workerManifest())) expect(answers(page), page).toBe(true);
    expect(answers('/programa/?utm_source=x')).toBe(true);
    expect(answers('/_astro/anything.js', { mode: 'cors' })).toBe(true);
    const left = [
      ['/ics/evento.ics', {}],
      ['/en/ics/evento.ics', { mode: 'no-cors' }],
      ['/schedule.json', { mode: 'cors' }],
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

  it('serves a page from the network while online, and its precached copy when offline or when the host answers 5xx', async () => {
    const worker = sandboxedWorker();
    await worker.dispatch('install');
    await worker.dispatch('activate');
    const built = readFileSync(fileForPath('/programa/')!, 'utf8');
    worker.fetched.length = 0;
    expect(await (await worker.respond('/programa/'))!.text()).toBe(built);
    expect(worker.fetched).toEqual(['/programa/']);
    worker.network.down = true;
    const whileDown = (await worker.respond('/programa/?utm_source=x'))!;
    expect([whileDown.status, await whileDown.text()]).toEqual([200, built]);
    worker.network.down = false;
    worker.network.offline = true;
    expect(await (await worker.respond('/programa/'))!.text()).toBe(built);
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
  it("every precached page links its language's manifest", () => {
    const pages = pagesOf(workerManifest());
    const wrong: string[] = [];
    for (const page of pages) {
      const prefix = langs.find((l) => l.prefix !== '/' && page.startsWith(l.prefix))?.prefix ?? '/';
      const href = pageDocument(page).querySelector('link[rel="manifest"]')?.getAttribute('href');
      if (href !== `${prefix}manifest.webmanifest`) wrong.push(`${page}: ${href ?? 'no <link rel="manifest">'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every page with the site footer carries the empty offline note, and only there', () => {
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
    }
  });
});
