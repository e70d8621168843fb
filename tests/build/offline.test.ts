import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineVersion } from '../../site/lib/offline';
import { distDir, fileForPath, htmlPages, listFiles, pageDocument, requireDist } from '../support/dist';
import { publishedOfType, readNdjson, seedDatasetFile, slugOf } from '../support/ndjson';

/**
 * The offline programme as built: /sw.js (its page list, what its install caches, which requests
 * it answers) and the web app manifests. The worker is run here in a `vm` sandbox against the
 * files in dist/; tests/browser/offline.test.ts runs it in Chromium.
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

interface WorkerConfig {
  prefix: string;
  version: string;
  pages: string[];
}

function workerSource(): string {
  return readFileSync(path.join(distDir, 'sw.js'), 'utf8');
}

function workerConfig(source = workerSource()): WorkerConfig {
  const match = source.match(/const CONFIG = (\{.*?\});/);
  if (!match) throw new Error('sw.js has no CONFIG line');
  return JSON.parse(match[1]!) as WorkerConfig;
}

type Listener = (event: Record<string, unknown>) => void;

/**
 * dist/sw.js in a sandbox: `fetch` answers from dist/ (404 for what is not built), `caches` is an
 * in-memory CacheStorage. Returns the worker's event listeners, its caches and what it fetched.
 */
function sandboxedWorker(source = workerSource()) {
  const origin = 'https://seminario.example';
  const stores = new Map<string, Map<string, Response>>();
  const fetched: string[] = [];
  const cacheOf = (name: string) => {
    let store = stores.get(name);
    if (!store) {
      store = new Map();
      stores.set(name, store);
    }
    return {
      put: async (key: string, response: Response) => void store.set(new URL(key, origin).pathname, response),
      match: async (key: string) => store.get(new URL(key, origin).pathname),
      keys: async () => [...store.keys()],
    };
  };
  const caches = {
    open: async (name: string) => cacheOf(name),
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    match: async (key: string, options: { cacheName: string }) => stores.get(options.cacheName)?.get(new URL(key, origin).pathname),
  };
  const fetch = async (input: string | { url: string }) => {
    const url = new URL(typeof input === 'string' ? input : input.url, origin);
    fetched.push(url.pathname);
    const file = fileForPath(url.pathname);
    if (!file) return new Response('not found', { status: 404 });
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream';
    return new Response(readFileSync(file), { headers: { 'content-type': type } });
  };
  const listeners = new Map<string, Listener>();
  const self = {
    location: new URL('/sw.js', origin),
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: async () => {},
    clients: { claim: async () => {} },
  };
  vm.runInNewContext(source, { self, caches, fetch, URL });
  /** Dispatches an extendable event and waits for what the worker handed to waitUntil. */
  const dispatch = async (type: 'install' | 'activate') => {
    const waits: Promise<unknown>[] = [];
    listeners.get(type)!({ waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
  };
  /** Whether the worker answers a request (calls respondWith) or leaves it to the browser. */
  const answers = (url: string, init: { method?: string; mode?: string } = {}) => {
    let answered = false;
    listeners.get('fetch')!({
      request: { url: new URL(url, origin).href, method: init.method ?? 'GET', mode: init.mode ?? 'navigate' },
      respondWith: () => (answered = true),
    });
    return answered;
  };
  return { origin, stores, fetched, dispatch, answers };
}

beforeAll(() => {
  requireDist();
});

describe('the service worker /sw.js', () => {
  it('lists exactly the home, programme, session, speakers, speaker, concept-note and My programme pages of every language', () => {
    const { pages } = workerConfig();
    const expected = expectedPages();
    expect(expected.length).toBe(3 * (5 + sessions.length + speakers.length));
    for (const l of langs) {
      for (const s of sessions) expect(expected).toContain(`${l.prefix}${l.programme}/${s}/`);
      for (const s of speakers) expect(expected).toContain(`${l.prefix}${l.speakers}/${s}/`);
    }
    expect(pages).toEqual(expected);
  });

  it('lists no calendar, feed, embed, 404 or other non-page file', () => {
    const { pages } = workerConfig();
    const forbidden = pages.filter((p) => /\.(ics|json|xml|txt|webmanifest)$|\/embed\/|404|\/ics\//.test(p));
    expect(forbidden).toEqual([]);
    for (const p of pages) expect(fileForPath(p), p).not.toBeNull();
  });

  it('names its cache after a version', () => {
    const config = workerConfig();
    expect(config.prefix).toBe('seminario-offline-');
    expect(config.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is plain JavaScript that parses as a classic worker script', () => {
    expect(() => new vm.Script(workerSource())).not.toThrow();
  });

  it('on install caches exactly the listed pages and the /_astro/ files they load, modules they import included', async () => {
    const worker = sandboxedWorker();
    await worker.dispatch('install');
    const config = workerConfig();
    expect([...worker.stores.keys()]).toEqual([config.prefix + config.version]);
    const cached = [...worker.stores.values()][0]!;
    const expectedAssets = assetsOf(config.pages);
    expect(expectedAssets.length).toBeGreaterThan(0);
    expect([...cached.keys()].sort()).toEqual([...config.pages, ...expectedAssets].sort());
    // Each file once, nothing else fetched.
    expect(worker.fetched.sort()).toEqual([...cached.keys()].sort());
  });

  it('fails the install when a page cannot be fetched, so a half-filled cache never becomes active', async () => {
    const source = workerSource().replace(/("pages":\[)/, '$1"/no-such-page/",');
    const worker = sandboxedWorker(source);
    await expect(worker.dispatch('install')).rejects.toThrow(/no-such-page/);
  });

  it('on activate deletes its caches of other versions and leaves other caches alone', async () => {
    const worker = sandboxedWorker();
    const config = workerConfig();
    worker.stores.set(`${config.prefix}0000000000000000`, new Map());
    worker.stores.set('someone-else', new Map());
    await worker.dispatch('install');
    await worker.dispatch('activate');
    expect([...worker.stores.keys()].sort()).toEqual([config.prefix + config.version, 'someone-else'].sort());
  });

  it('answers only same-origin GET navigations to listed pages and requests for /_astro/ files', () => {
    const { answers } = sandboxedWorker();
    const { pages } = workerConfig();
    for (const page of pages) expect(answers(page), page).toBe(true);
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
});

describe('the cache version', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'offline-version-'));
  const changed = path.join(out, 'changed.ndjson');
  const saved = process.env.CONTENT_DATASET_FILE;
  const inputs = { pages: ['/', '/programa/'], site: 'https://seminario.example', paths: [path.resolve('site')] };

  beforeAll(() => {
    // One session title edited, as an editor would.
    const edited = readNdjson(seedDatasetFile).map((doc) =>
      doc._id === 'session-inauguracion' ? { ...doc, title: { ...(doc.title as object), es: 'Inauguración (nuevo título)' } } : doc,
    );
    writeFileSync(changed, `${edited.map((d) => JSON.stringify(d)).join('\n')}\n`);
  });

  afterAll(() => {
    if (saved === undefined) delete process.env.CONTENT_DATASET_FILE;
    else process.env.CONTENT_DATASET_FILE = saved;
    rmSync(out, { recursive: true, force: true });
  });

  it('stays the same when nothing changed, so a rebuild does not make readers download the site again', async () => {
    process.env.CONTENT_DATASET_FILE = seedDatasetFile;
    expect(await offlineVersion(inputs)).toBe(await offlineVersion(inputs));
  });

  it('changes with the content, the page list, the public origin and the files it reads', async () => {
    process.env.CONTENT_DATASET_FILE = seedDatasetFile;
    const base = await offlineVersion(inputs);
    expect(await offlineVersion({ ...inputs, pages: [...inputs.pages, '/ponentes/'] })).not.toBe(base);
    expect(await offlineVersion({ ...inputs, site: 'https://other.example' })).not.toBe(base);
    expect(await offlineVersion({ ...inputs, paths: [path.resolve('content-models')] })).not.toBe(base);
    process.env.CONTENT_DATASET_FILE = changed;
    expect(await offlineVersion(inputs)).not.toBe(base);
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
    const { pages } = workerConfig();
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
