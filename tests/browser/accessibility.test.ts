import type { Result } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages } from '../../content-models/routes';
import { runAxe } from '../support/axe';
import { launchBrowser, type OpenedPage, openPage, pageKinds, samplePages } from '../support/browser';
import { htmlPages, requireDist } from '../support/dist';
import { type StaticServer, startStaticServer } from '../support/static-server';

// The bar is zero violations of WCAG 2.0, 2.1 and 2.2 A and AA (support/axe.ts) on every page.
// Enumerated from dist/ at collection time so every built page, 404s included, is its own test.
const pages = htmlPages(requireDist());

let browser: Browser;
let server: StaticServer;
const contexts = new Map<string, OpenedPage>();

beforeAll(async () => {
  server = await startStaticServer({ root: requireDist() });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const opened of contexts.values()) await opened.close();
  await browser?.close();
  await server?.close();
});

/** One page per colour scheme, reused across tests (axe is injected again after each navigation). */
async function pageFor(scheme: 'light' | 'dark'): Promise<OpenedPage> {
  let opened = contexts.get(scheme);
  if (!opened) {
    opened = await openPage(browser, server, { colorScheme: scheme });
    contexts.set(scheme, opened);
  }
  return opened;
}

/** One line per violation and node: rule, impact, what it means, where, and axe's summary of the fix. */
function describeViolations(path: string, scheme: string, violations: Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${path} [${scheme}] ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    target: ${node.target.join(' ')}\n    html: ${node.html.slice(0, 160)}\n    ${(node.failureSummary ?? '').replace(/\n\s*/g, ' ')}\n    ${v.helpUrl}`,
    ),
  );
}

async function check(path: string, scheme: 'light' | 'dark', prepare?: (page: Page) => Promise<void>) {
  const opened = await pageFor(scheme);
  const { page } = opened;
  await page.goto(server.url(path));
  await prepare?.(page);
  const results = await runAxe(page);
  const lines = describeViolations(path, scheme, results.violations);
  if (lines.length) console.error(`axe violations:\n${lines.join('\n')}`);
  expect(lines).toEqual([]);
}

describe('axe-core finds no WCAG 2.2 A/AA violation', () => {
  it('runs over a complete build (every language, 404s included)', () => {
    for (const lang of languages) for (const kind of pageKinds) expect(pages, `${lang} ${kind}`).toContain(samplePages[lang][kind]);
  });

  it.each(pages)('on %s (light)', async (path) => {
    await check(path, 'light');
  });

  it.each(languages.flatMap((lang) => pageKinds.map((kind) => samplePages[lang][kind])))('on %s (dark)', async (path) => {
    await check(path, 'dark');
  });

  // Issue #20: My programme with its share panel open, the QR code drawn and a shared link asking
  // before it changes anything; the search page with results. None of it is in the default view.
  it.each(['light', 'dark'] as const)('on My programme sharing, and on search results (%s)', async (scheme) => {
    await check(samplePages.en.myProgramme, scheme, async (page) => {
      await page.evaluate(() => localStorage.setItem('seminario.starred', JSON.stringify(['session-inauguracion'])));
      await page.reload();
      await page.locator('.mine-share summary').click();
      await page.locator('[data-share-qr]').click();
      await page.locator('canvas.share-qr').waitFor();
    });
    const link = await (await pageFor(scheme)).page.locator('[data-share-url]').inputValue();
    await check(samplePages.es.myProgramme, scheme, async (page) => {
      await page.evaluate(() => localStorage.setItem('seminario.starred', JSON.stringify(['session-introduccion'])));
      await page.goto(server.url(`${samplePages.es.myProgramme}${new URL(link).search}`));
      await page.locator('[data-share-prompt]').waitFor();
    });
    await (await pageFor(scheme)).page.evaluate(() => localStorage.clear());
    await check(samplePages.pt.search, scheme, async (page) => {
      await page.locator('#search-q').fill('mishaan');
      await page.locator('.search-results li').first().waitFor();
    });
  });

  // Content a reader reveals (the per-country tables in <details>, the chosen-zone lines and the
  // status message) is not in the default view, where axe skips it.
  it.each(['light', 'dark'] as const)('on the programme with every <details> open and a zone chosen (%s)', async (scheme) => {
    await check(samplePages.es.programme, scheme, async (page) => {
      await page.locator('#zone-picker-select').selectOption('America/Havana');
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
    });
  });
});
