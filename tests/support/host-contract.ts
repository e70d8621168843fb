import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages, pagePath } from '../../content-models/routes';
import { cloudflareHeaders, parseHeadersFile } from '../../site/lib/hosting/headers-file';
import { CACHE_CONTROL, embedPrefixes, hostedLanguages, SECURITY_HEADERS } from '../../site/lib/hosting/policy';
import { launchBrowser, openPage, pageKinds, samplePages } from './browser';
import { requireDist } from './dist';
import type { Host } from './hosts';

/** A path that exists in no build, per language: what a reader with a broken link asks for. */
const missing = { es: '/no-existe/', en: '/en/no-such-page/', pt: '/pt/nao-existe/' } as const;

/** One URL per kind of page a reader meets, per language, plus the embed pages and a missing page. */
function pageUrls(): { kind: string; lang: (typeof languages)[number]; path: string }[] {
  return languages.flatMap((lang) => [
    ...pageKinds.filter((k) => k !== 'notFound').map((kind) => ({ kind, lang, path: samplePages[lang][kind] })),
    { kind: 'embed', lang, path: `${pagePath('home', lang)}embed/` },
    { kind: 'notFound', lang, path: missing[lang] },
  ]);
}

/** The policy and headers `dist/_headers` gives a path: what every host must send. */
function expectedHeaders(dist: string, urlPath: string): Map<string, string> {
  return cloudflareHeaders(parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8')), urlPath);
}

/** The short form of a response's headers for the closing table. */
function summary(res: Response): string {
  const csp = res.headers.get('content-security-policy') ?? '(none)';
  const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1] ?? '(none)';
  const hashes = (csp.match(/'sha256-/g) ?? []).length;
  return [
    res.status,
    `CSP frame-ancestors ${ancestors}, ${hashes} style hashes`,
    res.headers.get('x-content-type-options'),
    res.headers.get('referrer-policy'),
    res.headers.get('permissions-policy'),
    res.headers.get('cache-control'),
    res.headers.get('content-type'),
    res.headers.get('content-encoding') ?? 'identity',
  ].join(' | ');
}

/**
 * The contract every real host must keep with the built site, as a suite: the policy and headers
 * of `dist/_headers` on every page type and on the embed pages, caching, content types, gzip, a
 * per-language 404 page with status 404, and every page type working in Chromium under exactly
 * the headers the host sent. The host is started once for the file.
 */
export function describeHost(label: string, start: (dist: string) => Promise<Host>): void {
  let host: Host;
  let browser: Browser;
  let dist: string;
  const get = (urlPath: string, init?: RequestInit) => fetch(host.url(urlPath), { redirect: 'manual', ...init });

  beforeAll(async () => {
    dist = requireDist();
    host = await start(dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  describe(label, () => {
    it('sends the policy and security headers of dist/_headers on every page type and language, framing allowed only for the embed', async () => {
      const table: string[] = [];
      for (const { kind, lang, path: urlPath } of pageUrls()) {
        const res = await get(urlPath, { headers: { 'accept-encoding': 'gzip' } });
        const expected = expectedHeaders(dist, urlPath);
        const where = `${kind} ${lang} ${urlPath}: ${host.output().slice(-500)}`;
        expect(res.status, where).toBe(kind === 'notFound' ? 404 : 200);
        expect(res.headers.get('content-security-policy'), where).toBe(expected.get('content-security-policy'));
        expect(res.headers.get('content-security-policy'), where).toContain(kind === 'embed' ? 'frame-ancestors *;' : "frame-ancestors 'self';");
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), `${name} ${where}`).toBe(value);
        expect(res.headers.get('content-type'), where).toBe('text/html; charset=utf-8');
        expect(res.headers.get('content-encoding'), `${where}: HTML is sent compressed`).toBe('gzip');
        if (kind !== 'notFound') expect(res.headers.get('cache-control'), where).toBe(CACHE_CONTROL.revalidate);
        if (lang === 'es') table.push(`| ${kind} ${urlPath} | ${summary(res)} |`);
        await res.arrayBuffer();
      }
      for (const prefix of embedPrefixes) expect(pageUrls().some((p) => p.path === prefix)).toBe(true);
      console.info(`${host.name}, headers measured (status | policy | nosniff | referrer | permissions | cache | type | encoding):\n${table.join('\n')}`);
    });

    it('caches fingerprinted assets for a year and marks them immutable', async () => {
      const assets = readdirSync(path.join(dist, '_astro')).filter((f) => f.endsWith('.js'));
      expect(assets.length).toBeGreaterThan(0);
      for (const file of assets) {
        const res = await get(`/_astro/${file}`);
        expect(res.status, file).toBe(200);
        expect(res.headers.get('cache-control'), file).toBe(CACHE_CONTROL.immutable);
        expect(res.headers.get('content-type'), file).toMatch(/^(text|application)\/javascript\b/);
        expect(res.headers.get('x-content-type-options'), file).toBe('nosniff');
        await res.arrayBuffer();
      }
    });

    it('sends calendars, schedule.json and the web manifest with their content types in every language', async () => {
      for (const { prefix } of hostedLanguages) {
        const calendar = readdirSync(path.join(dist, ...prefix.split('/').filter(Boolean), 'ics')).find((f) => f.endsWith('.ics'));
        const checks: [string, RegExp][] = [
          [`${prefix}ics/${calendar}`, /^text\/calendar; ?charset=utf-8$/i],
          [`${prefix}schedule.json`, /^application\/json; ?charset=utf-8$/i],
          [`${prefix}manifest.webmanifest`, /^application\/manifest\+json(; ?charset=utf-8)?$/i],
        ];
        for (const [urlPath, type] of checks) {
          const res = await get(urlPath);
          expect(res.status, urlPath).toBe(200);
          expect(res.headers.get('content-type'), urlPath).toMatch(type);
          expect(res.headers.get('cache-control'), urlPath).toBe(CACHE_CONTROL.revalidate);
          expect(res.headers.get('x-content-type-options'), urlPath).toBe('nosniff');
          await res.arrayBuffer();
        }
      }
    });

    it("answers a missing page with its language's 404 page and status 404", async () => {
      for (const lang of languages) {
        for (const urlPath of [missing[lang], `${missing[lang]}deeper/still`]) {
          const res = await get(urlPath);
          const body = await res.text();
          expect(res.status, urlPath).toBe(404);
          expect(body, urlPath).toContain(`<html lang="${lang}"`);
          expect(body, urlPath).toContain('http-equiv="Content-Security-Policy"');
          expect(res.headers.get('content-security-policy'), urlPath).toContain("frame-ancestors 'self'");
        }
      }
    });

    it("runs every page type in Chromium under the headers it sent (and each language's home, embed and 404): no policy violation, no console error", async () => {
      for (const lang of languages) {
        // One page per language, navigated from URL to URL: a context per URL costs seconds on a
        // busy machine. No service worker, so every document comes from the host itself.
        const opened = await openPage(browser, host, { locale: lang === 'es' ? 'es-419' : lang, context: { serviceWorkers: 'block' } });
        try {
          await opened.context.addInitScript(() => {
            const seen: string[] = [];
            (window as unknown as { cspViolations: string[] }).cspViolations = seen;
            document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
          });
          // Every page type in Spanish; in the other languages the pages whose rules differ by
          // prefix (home, embed, 404). Headers are checked on every type in every language above.
          const urls = pageUrls().filter((p) => p.lang === lang && (lang === 'es' || ['home', 'embed', 'notFound'].includes(p.kind)));
          const allow404For = urls.filter((p) => p.kind === 'notFound').map((p) => p.path);
          for (const { kind, path: urlPath } of urls) {
            const before = opened.problemList({ allow404For }).length;
            const res = await opened.page.goto(host.url(urlPath), { waitUntil: 'load' });
            expect(res?.status(), urlPath).toBe(kind === 'notFound' ? 404 : 200);
            const violations = await opened.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
            expect(violations, `${kind} ${urlPath}`).toEqual([]);
            expect(opened.problemList({ allow404For }).slice(before), `${kind} ${urlPath}`).toEqual([]);
          }
        } finally {
          await opened.close();
        }
      }
    });

    it('keeps the zone picker working under its policy', async () => {
      const opened = await openPage(browser, host, { timezoneId: 'Europe/Madrid', locale: 'es-ES', context: { serviceWorkers: 'block' } });
      try {
        await opened.page.goto(host.url(pagePath('programme', 'es')));
        const select = opened.page.locator('#zone-picker-select');
        // Generous: the page's scripts load from the host under test on a shared, busy machine.
        await expect.poll(() => select.isVisible(), { timeout: 20_000 }).toBe(true);
        const opening = opened.page.locator('article[data-session="session-inauguracion"] [data-times] > p[data-chosen] time').first();
        // 09:00 in Guatemala on 26 October 2020 is 16:00 in Madrid and 12:00 in Santiago (UTC−3).
        await expect.poll(async () => (await opening.textContent())?.trim(), { timeout: 10_000 }).toBe('16:00');
        await select.selectOption('America/Santiago');
        await expect.poll(async () => (await opening.textContent())?.trim()).toBe('12:00');
        expect(opened.problemList()).toEqual([]);
      } finally {
        await opened.close();
      }
    });
  });
}
