import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Lang, languages, PAGE_KINDS, pagePath } from '../../content-models/routes';
import { CHROMIUM_FLAGS, chromiumPath } from '../../scripts/lib/browser-flags.mjs';
import { requireDist } from './dist';
import { type StaticServer, startStaticServer } from './static-server';

/**
 * Debian's Chromium through playwright-core (`npx playwright install` cannot download browsers
 * here). One browser per test file, launched in `beforeAll`; each scenario gets its own context.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

/** The built site on its local server and the browser that reads it, once a file's setup has started them. */
export interface SiteInBrowser {
  readonly browser: Browser;
  readonly server: StaticServer;
}

/**
 * The usual setup of a browser test file: the built site on a local static server and one
 * Chromium, started before the file's tests and closed after them. Read both from the handle it
 * returns, inside tests and hooks (they throw before the setup ran).
 * @example
 * const site = useSiteInBrowser();
 * it('…', async () => { const { page, close } = await openPage(site.browser, site.server); });
 */
export function useSiteInBrowser(): SiteInBrowser {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await startStaticServer({ root: requireDist() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('useSiteInBrowser: the browser is not started yet (read it inside a test or hook)');
      return browser;
    },
    get server() {
      if (!server) throw new Error('useSiteInBrowser: the server is not started yet (read it inside a test or hook)');
      return server;
    },
  };
}

export interface OpenOptions {
  /** IANA zone the page's `Intl` sees (Playwright's `timezoneId`); default the event's, America/Guatemala. */
  timezoneId?: string;
  /** Browser locale; default es-419. */
  locale?: string;
  javaScriptEnabled?: boolean;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Extra context options (e.g. `reducedMotion`). */
  context?: BrowserContextOptions;
}

/** What went wrong while a page was open: anything here fails a test through `expectClean`. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests to any host other than the local server; they are aborted, never sent. */
  offHost: string[];
  /** Requests to the local server that failed or answered >= 400 (besides allowed ones). */
  failed: string[];
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  /** Problems as readable lines, ignoring a 404 answer for the given paths (the 404 page itself). */
  problemList(options?: { allow404For?: string[] }): string[];
  close(): Promise<void>;
}

/**
 * A fresh context and page on the local server that records console errors, uncaught page errors,
 * failed requests and every request leaving the server's host (aborted, so a page can never reach
 * the network and a test never waits on it).
 * @example
 * const { page, problemList, close } = await openPage(browser, server, { timezoneId: 'Europe/Madrid' });
 * await page.goto(server.url('/programa/'));
 * expect(problemList()).toEqual([]);
 */
export async function openPage(browser: Browser, server: Pick<StaticServer, 'host'>, options: OpenOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    timezoneId: options.timezoneId ?? 'America/Guatemala',
    locale: options.locale ?? 'es-419',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    ...options.context,
  });
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], offHost: [], failed: [] };
  const statuses: { url: string; status: number }[] = [];
  await context.route(
    (url) => url.host !== server.host,
    (route) => {
      problems.offHost.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(`${message.text()} (${message.location().url || page.url()})`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(`${error.name}: ${error.message}`));
  page.on('requestfailed', (request) => {
    // ERR_ABORTED: the page navigated away before a subresource (typically the favicon) arrived.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (new URL(request.url()).host === server.host) problems.failed.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) statuses.push({ url: response.url(), status: response.status() });
  });
  return {
    context,
    page,
    problems,
    problemList({ allow404For = [] } = {}) {
      const allowed = (url: string, status: number) => status === 404 && allow404For.includes(new URL(url).pathname);
      // Chromium logs a console error for every >= 400 response, the allowed 404 document included.
      const allowedConsole = (text: string) => allow404For.length > 0 && /status of 404/.test(text) && allow404For.some((p) => text.includes(p));
      return [
        ...problems.consoleErrors.filter((t) => !allowedConsole(t)).map((t) => `console error: ${t}`),
        ...problems.pageErrors.map((t) => `page error: ${t}`),
        ...problems.offHost.map((u) => `off-host request: ${u}`),
        ...problems.failed.map((t) => `failed request: ${t}`),
        ...statuses.filter((s) => !allowed(s.url, s.status)).map((s) => `HTTP ${s.status}: ${s.url}`),
      ];
    },
    close: () => context.close(),
  };
}

/** The kinds of page a reader meets, one sample each (from the embedded dataset). */
export const pageKinds = [...PAGE_KINDS, 'notFound'] as const;
export type SampleKind = (typeof pageKinds)[number];

/** A session and a speaker of the embedded dataset whose pages stand for every session and speaker page. */
export const sampleSlugs = { session: 'inauguracion', speaker: 'rita-mishaan' } as const;

/**
 * One path per kind of page and language, from the route table (content-models/routes.ts).
 * @example samplePages.en.session // '/en/programme/inauguracion/'
 */
export const samplePages = Object.fromEntries(
  languages.map((lang) => [
    lang,
    {
      home: pagePath('home', lang),
      programme: pagePath('programme', lang),
      session: pagePath('session', lang, sampleSlugs.session),
      speakers: pagePath('speakers', lang),
      speaker: pagePath('speaker', lang, sampleSlugs.speaker),
      conceptNote: pagePath('conceptNote', lang),
      myProgramme: pagePath('myProgramme', lang),
      report: pagePath('report', lang),
      products: pagePath('products', lang),
      accessibility: pagePath('accessibility', lang),
      search: pagePath('search', lang),
      notFound: lang === 'es' ? '/404.html' : `${pagePath('home', lang)}404/`,
    },
  ]),
) as Record<Lang, Record<SampleKind, string>>;
