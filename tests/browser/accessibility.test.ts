import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages } from '../../site/lib/routes';
import { launchBrowser, type OpenedPage, openPage, pageKinds, samplePages } from '../support/browser';
import { htmlPages, requireDist } from '../support/dist';
import { type StaticServer, startStaticServer } from '../support/static-server';

/** WCAG 2.0, 2.1 and 2.2 A and AA: the bar is zero violations on every page. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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

async function runAxe(page: Page): Promise<AxeResults> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, TAGS);
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
