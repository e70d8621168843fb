import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lang, languages, pagePath } from '../../content-models/routes';
import { runAxe } from '../support/axe';
import { launchBrowser, type OpenOptions, openPage } from '../support/browser';
import { type BuildRun, removeOutDir, runBuild, tempOutDir } from '../support/build';
import { LIFE, PHASE_NOW, writeLifeDataset } from '../support/event-life';
import { type StaticServer, startStaticServer } from '../support/static-server';

/**
 * Where the event stands, by the reader's clock (a fixed `page.clock`), in the three languages,
 * over a generated dataset (support/event-life.ts) built at the live moment (`SITE_NOW`): without
 * JavaScript that built phase stands; with it, the browser's clock decides, so before and after
 * are the browser correcting the build.
 */

let run: BuildRun;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const outDir = tempOutDir('life-live');
  const dataset = path.join(path.dirname(outDir), 'life.ndjson');
  writeLifeDataset(dataset);
  run = await runBuild({ outDir, env: { CONTENT_DATASET_FILE: dataset, SITE_NOW: PHASE_NOW.live }, timeoutMs: 280_000 });
  if (run.code !== 0) throw new Error(`build failed:\n${run.output}`);
  server = await startStaticServer({ root: run.outDir });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (run) removeOutDir(run.outDir);
});

/** A page on the built site with the clock fixed at `now` (installed before any script runs). */
async function openAt(now: string | null, urlPath: string, options: OpenOptions = {}) {
  const opened = await openPage(browser, server, options);
  if (now) await opened.page.clock.install({ time: new Date(now) });
  await opened.page.goto(server.url(urlPath));
  return opened;
}

const visibleTexts = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()));

async function expectNoAxeViolations(page: Page, where: string) {
  const { violations } = await runAxe(page);
  expect(
    violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    where,
  ).toEqual([]);
}

/** The machine is shared: a browser call can take seconds under load. */
const POLL = { timeout: 15_000 };

const countdown: Record<Lang, RegExp> = { es: /dentro de 7 días/u, en: /in 7 days/u, pt: /em 7 dias/u };
const tookPlace: Record<Lang, RegExp> = { es: /tuvo lugar/u, en: /took place/u, pt: /aconteceu/u };

describe('without JavaScript, the phase the build saw', () => {
  it('shows the opening in progress and the next session, with the join link, on the home page and the programme', async () => {
    const opened = await openAt(null, pagePath('home', 'es'), { javaScriptEnabled: false });
    try {
      const { page } = opened;
      expect(await page.locator('.event-phase').getAttribute('data-phase')).toBe('live');
      const items = await page.locator('.live-list li:visible').evaluateAll((els) => els.map((el) => el.querySelector('a')?.getAttribute('href')));
      expect(items).toEqual([pagePath('session', 'es', LIFE.slug), pagePath('session', 'es', 'introduccion')]);
      await expect.poll(() => page.locator(`.live-list li.is-now a[href="${LIFE.join}"]`).isVisible(), POLL).toBe(true);
      await page.goto(server.url(pagePath('programme', 'es')));
      const card = page.locator(`article[data-session="${LIFE.session}"]`);
      expect(await card.getAttribute('class')).toMatch(/\bis-now\b/u);
      expect(await card.locator(`.live-now a[href="${LIFE.join}"]`).isVisible()).toBe(true);
      // Another public session has no join link of its own to show, and is not in progress.
      expect(await page.locator('.live-now:visible').count()).toBe(1);
    } finally {
      await opened.close();
    }
  });
});

describe.each(languages)('with JavaScript and the reader’s clock (%s)', (lang) => {
  it('before: the home page counts down to the start; nothing live is shown', async () => {
    const opened = await openAt(PHASE_NOW.before, pagePath('home', lang));
    try {
      const { page } = opened;
      await expect.poll(() => page.locator('.event-phase').getAttribute('data-phase'), POLL).toBe('before');
      expect((await visibleTexts(page, '[data-countdown]'))[0]).toMatch(countdown[lang]);
      expect(await page.locator('#phase-live-h').isVisible()).toBe(false);
      expect(await page.locator(`a[href="${LIFE.registration}"]`).isVisible()).toBe(true);
      await expectNoAxeViolations(page, `${lang} home before`);
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('live: the public session in progress shows its join link on the home page and the programme, in the reader’s zone', async () => {
    const opened = await openAt(PHASE_NOW.live, pagePath('home', lang), { timezoneId: 'America/Sao_Paulo' });
    try {
      const { page } = opened;
      await expect.poll(() => page.locator('.event-phase').getAttribute('data-phase'), POLL).toBe('live');
      const now = page.locator('.live-list li.is-now');
      expect(await now.count()).toBe(1);
      expect(await now.locator(`a[href="${LIFE.join}"]`).isVisible()).toBe(true);
      expect(await now.locator(`a[href="${LIFE.qa}"]`).isVisible()).toBe(true);
      // 15:00 UTC is 12:00 in São Paulo (UTC−3), the reader's zone, not the event's 9:00.
      expect(await now.locator('[data-local]').textContent()).toMatch(/12:00/u);
      await expectNoAxeViolations(page, `${lang} home live`);

      await page.goto(server.url(pagePath('programme', lang)));
      const card = page.locator(`article[data-session="${LIFE.session}"]`);
      await expect.poll(() => card.getAttribute('class'), POLL).toMatch(/\bis-now\b/u);
      expect(await card.locator(`.live-now a[href="${LIFE.join}"]`).isVisible()).toBe(true);
      expect(await page.locator('[data-jump-now]').isVisible()).toBe(true);
      await expectNoAxeViolations(page, `${lang} programme live`);
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('after: the home page says it took place; a recording loads its player only when asked', async () => {
    const opened = await openAt(PHASE_NOW.after, pagePath('home', lang));
    try {
      const { page } = opened;
      await expect.poll(() => page.locator('.event-phase').getAttribute('data-phase'), POLL).toBe('after');
      expect((await visibleTexts(page, '.took-place'))[0]).toMatch(tookPlace[lang]);
      expect(await page.locator('.live-list').isVisible()).toBe(false);
      await expectNoAxeViolations(page, `${lang} home after`);

      await page.goto(server.url(pagePath('session', lang, LIFE.slug)));
      const play = page.locator('[data-player] button').first();
      await expect.poll(() => play.count(), POLL).toBe(1);
      expect(await page.locator(`.follow-up a[href="${LIFE.feedback}"]`).isVisible()).toBe(true);
      expect(await page.locator(`.follow-up a[href="${LIFE.qa}"]`).isVisible()).toBe(false);
      await expectNoAxeViolations(page, `${lang} session after`);
      expect(opened.problems.offHost, 'nothing from the video host before the press').toEqual([]);
      expect(await page.locator('iframe').count()).toBe(0);

      await play.click();
      const frame = page.locator('[data-player] iframe');
      expect(await frame.getAttribute('src')).toMatch(new RegExp(`^${LIFE.youtube.embed.replace(/[.?/]/g, '\\$&')}\\?autoplay=1$`, 'u'));
      await expect.poll(() => opened.problems.offHost.some((url) => url.startsWith(LIFE.youtube.embed)), POLL).toBe(true);
      expect(opened.problems.offHost.every((url) => new URL(url).hostname === 'www.youtube-nocookie.com')).toBe(true);
    } finally {
      await opened.close();
    }
  });
});
