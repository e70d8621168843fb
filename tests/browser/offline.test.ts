import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagePath } from '../../content-models/routes';
import { myProgrammeDataPath } from '../../site/lib/my-programme-path';
import { decodeTexts, type Part, shellBundle } from '../../site/lib/shell-bundle';
import { zoneNamesPath } from '../../site/lib/zone-names-path';
import { launchBrowser, type OpenedPage, openPage } from '../support/browser';
import { requireDist } from '../support/dist';
import { type StaticServer, startStaticServer } from '../support/static-server';

/**
 * The offline programme in Chromium: the language's worker registers from any page, caches that
 * language's shell, keeps the pages a reader visits or saves, and serves them when the network is gone. The server serves a copy of dist/, so one scenario can
 * publish a new /sw.js as a rebuild would.
 */

interface ManifestEntry {
  url: string;
  revision: string | null;
}

let browser: Browser;
let server: StaticServer;
let root: string;
/** The precache manifest site/lib/offline.ts wrote into the Spanish worker, /sw.js. */
let manifest: ManifestEntry[];
/** The pages it precaches (the Spanish shell, in its bundle), sorted. */
let pages: string[];
const MANIFEST = /\[\{"revision":(?:"[0-9a-f]+"|null),"url":"[^"]*"\}(?:,\{"revision":(?:"[0-9a-f]+"|null),"url":"[^"]*"\})*\]/;
/** The precache: one cache per worker, named after its scope (the language's folder) and its manifest. */
const PRECACHE = /^seminario-shell-\/((en|pt)\/)?-[0-9a-z]+$/;
/** What the workers keep besides their shell: pages visited or saved, and the /_astro/ files of those pages. */
const KEPT = ['seminario-pages', 'seminario-saved', 'seminario-assets'];

/** The pages of a shell bundle, unpacked as the worker does. */
function unpack(file: string): { url: string; html: string }[] {
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as { pages: { url: string; parts: Part[] }[] };
  const texts = decodeTexts(bundle.pages.map((p) => p.parts));
  return bundle.pages.map((p, i) => ({ url: p.url, html: texts[i]! }));
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'offline-site-'));
  cpSync(requireDist(), root, { recursive: true });
  const match = readFileSync(path.join(root, 'sw.js'), 'utf8').match(MANIFEST);
  if (!match) throw new Error('dist/sw.js has no precache manifest');
  manifest = JSON.parse(match[0]) as ManifestEntry[];
  pages = unpack(path.join(root, 'offline-shell.json'))
    .map((p) => p.url)
    .sort();
  server = await startStaticServer({ root });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const NOTE = '[data-offline-note]';
/** Service workers on, whatever openPage's default for other tests. */
const WITH_WORKER = { context: { serviceWorkers: 'allow' } } as const;

/** Every cache of the page's origin and the paths in it (`full`: the URLs, Workbox's revision parameter included). */
function cacheContents(page: Page, full = false): Promise<Record<string, string[]>> {
  return page.evaluate(async (full) => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => (full ? r.url.slice(location.origin.length) : new URL(r.url).pathname)).sort();
    }
    return out;
  }, full);
}

/**
 * Asks the page's registration for an update and waits until it has settled: nothing installing
 * or waiting. Returns whether the worker active before was replaced. Waiting on the worker's
 * state, not on the list of caches: reading a cache opens it, and a cache opened just as the new
 * worker's activate deletes it would be created again, empty.
 */
async function updateWorker(page: Page): Promise<'replaced' | 'kept'> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    (window as unknown as { before: unknown }).before = registration?.active;
    await registration?.update();
  });
  const state = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const before = (window as unknown as { before: unknown }).before;
      if (registration?.installing || registration?.waiting || registration?.active?.state !== 'activated')
        return `installing: ${registration?.installing?.state}, waiting: ${registration?.waiting?.state}, active: ${registration?.active?.state}`;
      return registration.active === before ? 'kept' : 'replaced';
    });
  await expect.poll(state, { timeout: 60_000 }).toMatch(/^(replaced|kept)$/);
  return (await state()) as 'replaced' | 'kept';
}

/** Waits until a worker is active for the page and the footer says the programme is available offline. */
async function waitForOfflineCopy(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.locator(NOTE).filter({ hasText: /\S/ }).waitFor({ state: 'visible' });
}

/**
 * The /_astro/ files the browser itself loads for the listed pages, with no worker involved: the
 * oracle for what the worker must have cached (scripts and every module they import). On My
 * programme, with a session starred, what its buttons load when pressed too: the share panel and
 * the calendar download (not the QR code's library, loaded by the panel in turn, which the shell
 * leaves out; the footer's save button shows only with a worker, and saving needs the network).
 */
async function assetsLoadedBy(pages: string[]): Promise<string[]> {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  try {
    const page = await context.newPage();
    const found = new Set<string>();
    for (const p of pages) {
      await page.goto(server.url(p), { waitUntil: 'load' });
      if (p === pagePath('myProgramme', 'es')) {
        await page.evaluate(() => localStorage.setItem('seminario.starred', JSON.stringify(['session-inauguracion'])));
        await page.reload({ waitUntil: 'load' });
        await page.locator('[data-mine] [data-session]').first().waitFor();
        await page.locator('[data-mine-tools] summary').click();
        await expect.poll(() => page.locator('[data-share-copy]').isEnabled()).toBe(true);
        await Promise.all([page.waitForEvent('download'), page.locator('[data-mine-download]').click()]);
      }
      const names = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      for (const n of names) if (n.startsWith('/_astro/')) found.add(n);
    }
    return [...found].sort();
  } finally {
    await context.close();
  }
}

describe('the offline programme', () => {
  let opened: OpenedPage;

  beforeAll(async () => {
    opened = await openPage(browser, server, WITH_WORKER);
  });

  afterAll(async () => {
    await opened?.close();
  });

  // The oracle below loads every precached page: more than the default minute on a busy machine.
  it('registers the Spanish worker, which caches exactly the Spanish shell and the files it loads, and then says so in the footer and offers to save the rest', {
    timeout: 180_000,
  }, async () => {
    const { page } = opened;
    await page.goto(server.url(pagePath('programme', 'es')));
    const note = page.locator(NOTE);
    expect(await note.getAttribute('role')).toBe('status');
    await waitForOfflineCopy(page);
    expect(await note.textContent()).toBe('Programa disponible sin conexión.');
    // The note is the footer's last line, inside the footer.
    expect(await page.locator(`footer ${NOTE}`).count()).toBe(1);

    const contents = await cacheContents(page);
    expect(Object.keys(contents)).toHaveLength(1);
    expect(Object.keys(contents)[0]).toMatch(PRECACHE);
    const assets = await assetsLoadedBy(pages);
    expect(assets.length).toBeGreaterThan(0);
    // Besides the pages and their files, the zone picker's naming tables (fetched for a zone that is not a capital).
    expect(Object.values(contents)[0]).toEqual([...pages, zoneNamesPath('es'), ...assets].sort());
    expect(pages).toEqual([pagePath('home', 'es'), pagePath('programme', 'es'), pagePath('conceptNote', 'es'), pagePath('myProgramme', 'es')].sort());
    expect(await page.locator('footer [data-offline-save]').isVisible()).toBe(true);
    expect(opened.problemList()).toEqual([]);
  });

  it('goes to the network first while online, so an update shows at once', async () => {
    const { page } = opened;
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    server.clearRequests();
    await page.reload();
    expect(server.requests).toContain(pagePath('programme', 'es'));
  });

  it('keeps a session page visited online; offline, serves it, the programme and the concept note, scripts included', async () => {
    const { page, context } = opened;
    const session = pagePath('session', 'es', 'inauguracion');
    await page.goto(server.url(session));
    expect(Object.keys(await cacheContents(page))).toContain('seminario-pages');
    expect((await cacheContents(page))['seminario-pages']).toEqual([session]);
    await page.goto(server.url(pagePath('programme', 'es')));
    await context.setOffline(true);
    server.clearRequests();
    try {
      await page.reload();
      expect(await page.locator('h1').textContent()).toBe('Programa');
      // The zone picker's script came from the cache and works.
      await page.locator('#zone-picker-select').selectOption('America/Havana');
      const chosen = page.locator('[data-session="session-inauguracion"] [data-chosen]').first();
      await chosen.waitFor({ state: 'visible' });
      expect(await chosen.textContent()).toMatch(/^11:00–11:20 .*Cuba/);

      await page.locator(`main a[href="${session}"]`).first().click();
      await page.waitForURL(server.url(session));
      expect(await page.locator('h1').textContent()).toMatch(/Inauguración/);

      await page.goto(server.url(pagePath('conceptNote', 'es')));
      expect(await page.locator('h1').textContent()).toBe('Nota conceptual');
      expect(await page.locator(NOTE).textContent()).toBe('Programa disponible sin conexión.');
      // Nothing reached the server: every answer came from the cache (the browser's own update check of /sw.js is no page fetch).
      expect(server.requests.filter((r) => r !== '/sw.js')).toEqual([]);
    } finally {
      await context.setOffline(false);
    }
  });

  it('moves a page visited again to the end of its cache, where the limit trims from the start', async () => {
    const { page } = opened;
    const [first, second] = [pagePath('session', 'es', 'inauguracion'), pagePath('speakers', 'es')];
    // In the order Chromium keeps the entries, which the worker's trim relies on.
    const order = () => page.evaluate(async () => (await (await caches.open('seminario-pages')).keys()).map((r) => new URL(r.url).pathname));
    await page.goto(server.url(second));
    await expect.poll(order, { timeout: 10_000 }).toEqual([first, second]);
    await page.goto(server.url(first));
    await expect.poll(order, { timeout: 10_000 }).toEqual([second, first]);
  });

  it("keeps My programme's data file once the page has loaded it; offline, draws the starred sessions from it", async () => {
    const { page, context } = opened;
    await page.goto(server.url(pagePath('myProgramme', 'es')));
    await expect.poll(async () => (await cacheContents(page))['seminario-pages'] ?? [], { timeout: 10_000 }).toContain(myProgrammeDataPath('es'));
    await page.evaluate(() => localStorage.setItem('seminario.starred', JSON.stringify(['session-inauguracion'])));
    await context.setOffline(true);
    try {
      await page.reload();
      await expect
        .poll(() => page.locator('[data-mine] [data-session]').evaluateAll((els) => els.map((e) => e.getAttribute('data-session'))), { timeout: 10_000 })
        .toEqual(['session-inauguracion']);
    } finally {
      await context.setOffline(false);
      await page.evaluate(() => localStorage.removeItem('seminario.starred'));
    }
  });

  it('offline, has no copy of a page never visited nor saved', async () => {
    const { page, context } = opened;
    await page.goto(server.url(pagePath('programme', 'es')));
    await context.setOffline(true);
    try {
      await expect(page.goto(server.url(pagePath('speaker', 'es', 'rita-mishaan')))).rejects.toThrow(/ERR_(INTERNET_DISCONNECTED|FAILED)/);
    } finally {
      await context.setOffline(false);
    }
  });

  it('offline, does not serve what it was never asked to keep: calendars, feeds, the embed page', async () => {
    const { page, context } = opened;
    await page.goto(server.url(pagePath('programme', 'es')));
    await context.setOffline(true);
    try {
      const results = await page.evaluate(() =>
        Promise.all(
          ['/ics/evento.ics', '/schedule.json', '/embed/'].map((u) =>
            fetch(u).then(
              (r) => `${u} ${r.status}`,
              () => `${u} failed`,
            ),
          ),
        ),
      );
      expect(results).toEqual(['/ics/evento.ics failed', '/schedule.json failed', '/embed/ failed']);
      await expect(page.goto(server.url('/ics/evento.ics'))).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
      await expect(page.goto(server.url('/en/embed/'))).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    } finally {
      await context.setOffline(false);
    }
  });

  it('never stores what it fetches online for other files', async () => {
    const { page } = opened;
    await page.goto(server.url(pagePath('programme', 'es')));
    const before = await cacheContents(page);
    const statuses = await page.evaluate(() => Promise.all(['/ics/evento.ics', '/schedule.json', '/embed/'].map((u) => fetch(u).then((r) => r.status))));
    expect(statuses).toEqual([200, 200, 200]);
    expect(await cacheContents(page)).toEqual(before);
  });

  it('"save the whole programme" stores every session and speaker page of the language; offline, they are served', async () => {
    const { page, context, problems } = opened;
    await page.goto(server.url(pagePath('programme', 'es')));
    await waitForOfflineCopy(page);
    // Only what this scenario causes: the one before failed on purpose.
    for (const list of Object.values(problems)) list.length = 0;
    const list = JSON.parse(readFileSync(path.join(root, 'offline-pages.json'), 'utf8')) as { pages: string[] };
    expect(list.pages).toContain(pagePath('speaker', 'es', 'rita-mishaan'));
    await page.locator('footer [data-offline-save]').click();
    await page.locator(NOTE).filter({ hasText: 'Todo el programa está guardado para leerlo sin conexión.' }).waitFor();
    expect((await cacheContents(page))['seminario-saved']).toEqual(list.pages);
    // Online, saving raised no error (offline, the favicon alone fails: it is no page).
    expect(opened.problemList()).toEqual([]);
    await context.setOffline(true);
    server.clearRequests();
    try {
      await page.goto(server.url(pagePath('speaker', 'es', 'rita-mishaan')));
      expect(await page.locator('h1').textContent()).toMatch(/Rita Mishaan/);
      await page.goto(server.url(pagePath('speakers', 'es')));
      expect(await page.locator('h1').textContent()).toBe('Ponentes');
      // Every page came from the cache; the browser's own update check of /sw.js is not a page fetch.
      expect(server.requests.filter((r) => r !== '/sw.js')).toEqual([]);
      // Offline, saving again says it failed, in the live region.
      await page.locator('footer [data-offline-save]').click();
      await page.locator(NOTE).filter({ hasText: 'No se pudo guardar el programa. Vuelve a intentarlo con conexión.' }).waitFor();
    } finally {
      await context.setOffline(false);
    }
  });
});

describe('offline, with nothing pressed online', () => {
  // Two visits online, a worker install, then a few pages offline: more than the default minute on a busy machine.
  it('on a fresh device, My programme downloads the calendar of a session starred offline: the code behind the button came with the shell', {
    timeout: 120_000,
  }, async () => {
    const opened = await openPage(browser, server, { context: { serviceWorkers: 'allow', acceptDownloads: true } });
    const { page, context } = opened;
    try {
      await page.goto(server.url(pagePath('myProgramme', 'es')));
      await waitForOfflineCopy(page);
      // Loaded again under the worker, which keeps the data file the cards and the calendar come from.
      await page.reload();
      await expect.poll(async () => (await cacheContents(page))['seminario-pages'] ?? [], { timeout: 10_000 }).toContain(myProgrammeDataPath('es'));
      // No button was pressed: the page itself never asked for the calendar's code.
      const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      expect(fetched.filter((f) => f.startsWith('/_astro/calendar-download'))).toEqual([]);
      await context.setOffline(true);
      try {
        await page.goto(server.url(pagePath('programme', 'es')));
        const star = page.locator('[data-session="session-inauguracion"] button.star');
        await star.click();
        expect(await star.getAttribute('aria-pressed')).toBe('true');
        await page.goto(server.url(pagePath('myProgramme', 'es')));
        await page.locator('[data-mine] [data-session="session-inauguracion"]').waitFor();
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.locator('[data-mine-download]').click()]);
        expect(download.suggestedFilename()).toMatch(/\.ics$/);
        const text = readFileSync((await download.path())!, 'utf8');
        expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
        expect(text.match(/^UID:.*$/gm)).toEqual(['UID:session-inauguracion@seminario-taller-css.pifcss']);
        // The share panel came with the shell too; the QR code's library did not, and its button says so.
        await page.locator('[data-mine-tools] summary').click();
        const qr = page.locator('[data-share-qr]');
        await expect.poll(() => qr.isEnabled()).toBe(true);
        expect(await page.locator('[data-share-url]').inputValue()).toMatch(/\?s=[0-9a-z]+$/);
        await qr.click();
        await page.locator('[data-share-status]').filter({ hasText: 'Sin conexión no se puede mostrar el código QR. Puede copiar el enlace.' }).waitFor();
        expect(await page.locator('#mine-qr').isHidden()).toBe(true);
        expect(await qr.getAttribute('aria-expanded')).toBe('false');
      } finally {
        await context.setOffline(false);
      }
    } finally {
      await opened.close();
    }
  });
  it('on a fresh device whose My programme never loaded its data online, says why it shows no sessions instead of offering buttons that could do nothing', async () => {
    const opened = await openPage(browser, server, WITH_WORKER);
    const { page, context } = opened;
    try {
      await page.goto(server.url(pagePath('home', 'es')));
      await waitForOfflineCopy(page);
      await page.evaluate(() => localStorage.setItem('seminario.starred', JSON.stringify(['session-inauguracion'])));
      await context.setOffline(true);
      try {
        await page.goto(server.url(pagePath('myProgramme', 'es')));
        const note = page.locator('[data-mine-offline]');
        await note.waitFor({ state: 'visible' });
        expect(await note.textContent()).toMatch(/^Sin conexión no se pueden mostrar aquí sus sesiones/);
        expect(await note.locator('a').getAttribute('href')).toBe(pagePath('programme', 'es'));
        // Visible means shown: the room's hidden parts are only invisible (my-programme.css).
        const shown = (selector: string) => page.locator(selector).evaluate((el) => getComputedStyle(el).visibility !== 'hidden');
        expect(await shown('[data-mine-empty]')).toBe(false);
        expect(await shown('[data-mine-download]')).toBe(false);
        expect(await shown('[data-mine-tools]')).toBe(false);
      } finally {
        await context.setOffline(false);
      }
    } finally {
      await opened.close();
    }
  });
});

describe('a new deploy', () => {
  it('on activate, deletes the caches of the workers before this one (hand-written, then Workbox) and leaves other caches alone', async () => {
    const opened = await openPage(browser, server, WITH_WORKER);
    const { page } = opened;
    try {
      // The embed page registers no worker: a same-origin page to prepare the caches from.
      await page.goto(server.url('/embed/'));
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
      await page.evaluate(async () => {
        await (await caches.open('seminario-offline-0000000000000000')).put('/programa/', new Response('old copy'));
        await (await caches.open(`workbox-precache-v2-${location.origin}/pt/`)).put('/pt/', new Response('old copy'));
        await (await caches.open('someone-else')).put('/x', new Response('x'));
      });
      await page.goto(server.url(pagePath('home', 'pt')));
      await waitForOfflineCopy(page);
      await expect
        .poll(async () => Object.keys(await cacheContents(page)).filter((name) => !PRECACHE.test(name) && !KEPT.includes(name)))
        .toEqual(['someone-else']);
      expect(Object.keys(await cacheContents(page)).filter((name) => PRECACHE.test(name))).toEqual([expect.stringMatching(/^seminario-shell-\/pt\/-/)]);
    } finally {
      await opened.close();
    }
  });

  it('is picked up: the new worker fetches the changed bundle, serves the changed page offline, and drops what the build no longer lists', async () => {
    const opened = await openPage(browser, server, WITH_WORKER);
    const { page, context } = opened;
    const worker = path.join(root, 'sw.js');
    const bundle = path.join(root, 'offline-shell.json');
    const [originalWorker, originalBundle] = [readFileSync(worker, 'utf8'), readFileSync(bundle, 'utf8')];
    const dropped = manifest.find((e) => e.url.startsWith('/_astro/BasicScript'))!.url;
    try {
      await page.goto(server.url(pagePath('home', 'es')));
      await waitForOfflineCopy(page);
      const before = Object.keys(await cacheContents(page)).filter((name) => PRECACHE.test(name));
      expect(before).toHaveLength(1);
      expect((await cacheContents(page))[before[0]!]).toContain(dropped);

      // What a rebuild does: the programme page changes (so does the bundle and its revision) and
      // a file is no longer listed.
      const rebuilt = unpack(bundle).map((p) => (p.url === '/programa/' ? { ...p, html: p.html.replace('<h1', '<p data-rebuilt>Nueva versión</p><h1') } : p));
      writeFileSync(bundle, shellBundle(rebuilt));
      const next = manifest.filter((e) => e.url !== dropped).map((e) => (e.url === '/offline-shell.json' ? { ...e, revision: 'f'.repeat(32) } : e));
      writeFileSync(worker, originalWorker.replace(MANIFEST, JSON.stringify(next)));
      expect(await updateWorker(page)).toBe('replaced');

      const shells = Object.keys(await cacheContents(page)).filter((name) => PRECACHE.test(name));
      expect(shells).toHaveLength(1);
      expect(shells[0]).not.toBe(before[0]);
      const contents = (await cacheContents(page))[shells[0]!]!;
      expect(contents).toEqual([...pages, zoneNamesPath('es'), ...next.filter((e) => e.url.startsWith('/_astro/')).map((e) => e.url)].sort());

      await context.setOffline(true);
      try {
        await page.goto(server.url(pagePath('programme', 'es')));
        expect(await page.locator('[data-rebuilt]').textContent()).toBe('Nueva versión');
      } finally {
        await context.setOffline(false);
      }
    } finally {
      writeFileSync(worker, originalWorker);
      writeFileSync(bundle, originalBundle);
      await opened.close();
    }
  });

  it('that lists a file the host does not have fails to install, leaves no half-filled copy behind, and the worker before it serves on', async () => {
    const opened = await openPage(browser, server, WITH_WORKER);
    const { page, context } = opened;
    const worker = path.join(root, 'sw.js');
    const originalWorker = readFileSync(worker, 'utf8');
    try {
      await page.goto(server.url(pagePath('home', 'es')));
      await waitForOfflineCopy(page);
      const before = Object.keys(await cacheContents(page)).filter((name) => PRECACHE.test(name));
      expect(before).toHaveLength(1);

      // The install opens its cache first, so the cache exists whatever the install wrote into it.
      const next = [...manifest, { revision: null, url: '/_astro/not-deployed.js' }];
      writeFileSync(worker, originalWorker.replace(MANIFEST, JSON.stringify(next)));
      expect(await updateWorker(page)).toBe('kept');
      expect(Object.keys(await cacheContents(page)).filter((name) => PRECACHE.test(name))).toEqual(before);

      await context.setOffline(true);
      try {
        await page.goto(server.url(pagePath('programme', 'es')));
        expect(await page.locator('h1').count()).toBe(1);
      } finally {
        await context.setOffline(false);
      }
    } finally {
      writeFileSync(worker, originalWorker);
      await opened.close();
    }
  });
});
