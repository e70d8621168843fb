import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../support/axe';
import { launchBrowser, type OpenedPage, openPage } from '../support/browser';
import { requireDist } from '../support/dist';
import { type StaticServer, startStaticServer } from '../support/static-server';

/**
 * The embeddable programme as a member agency would use it: the snippet of docs/embed.md on a
 * page of another origin (a second local server: Chromium blocks a public page from framing a
 * loopback address), framing /en/embed/ from the site's server.
 */

let browser: Browser;
let server: StaticServer;
/** The agency's site. */
let agency: StaticServer;
let agencyRoot: string;

beforeAll(async () => {
  server = await startStaticServer({ root: requireDist() });
  agencyRoot = mkdtempSync(path.join(tmpdir(), 'agency-'));
  writeFileSync(
    path.join(agencyRoot, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agency</title><link rel="icon" href="data:,"></head><body>
<h1>Our agency</h1>
<iframe src="${server.url('/en/embed/')}" title="Seminar programme" loading="lazy" style="width:100%;height:600px;border:0"></iframe>
</body></html>`,
  );
  agency = await startStaticServer({ root: agencyRoot });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await agency?.close();
  if (agencyRoot) rmSync(agencyRoot, { recursive: true, force: true });
});

/** The agency's page with the iframe snippet from docs/embed.md, framing the English embed. */
async function openAgencyPage(): Promise<OpenedPage> {
  const opened = await openPage(browser, server, { timezoneId: 'Europe/Madrid', locale: 'en-GB' });
  // openPage aborts requests to any other host; the agency's own server is let through.
  await opened.context.route(
    (url) => url.host === agency.host,
    (route) => route.continue(),
  );
  await opened.page.goto(agency.url('/'));
  await opened.page.frameLocator('iframe').locator('h1').waitFor();
  return opened;
}

describe('the programme embedded in another site', () => {
  it('loads in the iframe, with Guatemala and Peru times', async () => {
    const opened = await openAgencyPage();
    try {
      const frame = opened.page.frameLocator('iframe');
      expect(await frame.locator('h1').textContent()).toBe('Programme');
      const lines = frame.locator('.embed-session').first().locator('[data-times] > p:visible');
      expect(await lines.nth(0).textContent()).toMatch(/^9:00–9:20 Guatemala time/);
      expect(await lines.nth(1).textContent()).toMatch(/^10:00–10:20 Peru time/);
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("has a zone picker that works inside the frame and shows the reader's zone", async () => {
    const opened = await openAgencyPage();
    try {
      const frame = opened.page.frameLocator('iframe');
      const select = frame.locator('#zone-picker-select');
      await select.waitFor({ state: 'visible' });
      await select.selectOption('local');
      const chosen = frame.locator('.embed-session [data-chosen]').first();
      await chosen.waitFor({ state: 'visible' });
      // The reader's zone by its country, never its IANA id.
      expect(await chosen.textContent()).toMatch(/^16:00–16:20 .*Spain.*UTC\+1/);
      await select.selectOption('America/Havana');
      expect(await chosen.textContent()).toMatch(/^11:00–11:20 Cuba time \(UTC−4\)/);
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("opens a session's page in the agency's window, not inside the frame", async () => {
    const opened = await openAgencyPage();
    try {
      const frame = opened.page.frameLocator('iframe');
      const links = frame.locator('.embed-session h3 a');
      expect(await links.count()).toBeGreaterThan(0);
      expect(new Set(await links.evaluateAll((as) => as.map((a) => a.getAttribute('target'))))).toEqual(new Set(['_top']));
      await links.first().click();
      await opened.page.waitForURL(server.url('/en/programme/inauguracion/'));
      expect(await opened.page.locator('h1').textContent()).toMatch(/Opening/);
    } finally {
      await opened.close();
    }
  });
});

describe('the embed page on its own', () => {
  it.each(['/embed/', '/en/embed/', '/pt/embed/'])('%s has no WCAG 2.2 A/AA violation', async (embedPath) => {
    const opened = await openPage(browser, server);
    try {
      await opened.page.goto(server.url(embedPath));
      const { violations } = await runAxe(opened.page);
      expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('registers no service worker', async () => {
    const opened = await openPage(browser, server, { context: { serviceWorkers: 'allow' } });
    try {
      await opened.page.goto(server.url('/embed/'), { waitUntil: 'load' });
      await opened.page.waitForTimeout(300);
      expect(await opened.page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
    } finally {
      await opened.close();
    }
  });
});
