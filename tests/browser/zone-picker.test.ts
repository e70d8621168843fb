import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pagePath } from '../../content-models/routes';
import { openPage, useSiteInBrowser } from '../support/browser';

// The opening session is written as 09:00–09:20 Guatemala time (UTC−6) on Monday 26 October 2020,
// i.e. 15:00Z. Spain left summer time on Sunday 25 October, so Madrid is UTC+1 that day: 16:00.
// Chile was on summer time (UTC−3): 12:00. Cuba still was (UTC−4, until 1 November): 11:00.
// Peru has no DST (UTC−5): 10:00. A fixed-offset table would get Madrid and Cuba wrong.
const OPENING = 'article[data-session="session-inauguracion"]';
const STORAGE_KEY = 'seminario.timeZone';

const site = useSiteInBrowser();

/** The reference lines (Guatemala, Peru) and the chosen-zone line of the opening session, as text. */
async function openingTimes(page: Page) {
  const card = page.locator(OPENING);
  const lines = card.locator('[data-times] > p:not([data-chosen])');
  const chosen = card.locator('[data-times] > p[data-chosen]');
  return {
    reference: await lines.allTextContents(),
    chosenVisible: await chosen.isVisible(),
    chosenStart: (await chosen.locator('time').first().textContent())?.trim() ?? '',
    chosenEnd: (await chosen.locator('time').nth(1).textContent())?.trim() ?? '',
    chosenLabel: (await chosen.locator('[data-zone-label]').textContent())?.trim() ?? '',
  };
}

/** Every `datetime` on the page, in document order. */
const datetimes = (page: Page) => page.locator('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')));

describe('the zone picker, for a reader in Madrid', () => {
  it('shows the 09:00 Guatemala opening at 16:00 local time, 12:00 in Chile and 11:00 in Cuba, never touching datetime', async () => {
    const opened = await openPage(site.browser, site.server, { timezoneId: 'Europe/Madrid', locale: 'es-ES' });
    const { page } = opened;
    try {
      await page.goto(site.server.url(pagePath('programme', 'es')));
      const select = page.locator('#zone-picker-select');
      await expect.poll(() => select.isVisible()).toBe(true);
      const before = await datetimes(page);
      expect(before.length).toBeGreaterThan(0);
      expect((await page.locator(`${OPENING} [data-times] time`).first().getAttribute('datetime'))?.startsWith('2020-10-26T15:00:00')).toBe(true);
      // A first visit already shows the reader's own zone (the line is reserved in the layout).
      expect(await select.inputValue()).toBe('local');
      // Drawn in a task after the script's own (zone-picker.ts: ICU's first use is long enough alone).
      await expect.poll(async () => (await openingTimes(page)).chosenVisible).toBe(true);
      let times = await openingTimes(page);
      expect([times.chosenStart, times.chosenEnd]).toEqual(['16:00', '16:20']);

      await select.selectOption('America/Santiago');
      times = await openingTimes(page);
      expect([times.chosenStart, times.chosenEnd]).toEqual(['12:00', '12:20']);
      expect(times.chosenLabel).toContain('Chile');
      expect(times.chosenLabel).toContain('UTC−3');

      await select.selectOption('local');
      times = await openingTimes(page);
      expect(times.chosenVisible).toBe(true);
      expect([times.chosenStart, times.chosenEnd]).toEqual(['16:00', '16:20']);
      // The reader's own zone is named like a country, never as an IANA id.
      expect(times.chosenLabel).toBe('Hora de España (UTC+1) (tu hora)');
      expect(times.chosenLabel).toContain('UTC+1');

      await select.selectOption('America/Havana');
      times = await openingTimes(page);
      expect([times.chosenStart, times.chosenEnd]).toEqual(['11:00', '11:20']);
      expect(times.chosenLabel).toContain('Cuba');
      expect(times.chosenLabel).toContain('UTC−4');

      // The reference zones stay as built, and every instant is untouched.
      expect(times.reference).toHaveLength(2);
      expect(times.reference[0]).toMatch(/^9:00–9:20 .*Guatemala.*UTC−6/);
      expect(times.reference[1]).toMatch(/^10:00–10:20 .*Perú.*UTC−5/);
      expect(await datetimes(page)).toEqual(before);
      // Every session line was filled, not just the first one.
      const chosenLines = page.locator('[data-times] > p[data-chosen]');
      const emptyLines = await chosenLines.evaluateAll(
        (els) => els.filter((el) => (el as HTMLElement).hidden || !el.querySelector('time')?.textContent).length,
      );
      expect(await chosenLines.count()).toBeGreaterThan(10);
      expect(emptyLines).toBe(0);
      // Screen readers hear which zone was added.
      expect((await page.locator('[data-zone-status]').textContent())?.trim()).toContain('Cuba');

      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('remembers the choice across a reload and on other pages, through localStorage', async () => {
    const opened = await openPage(site.browser, site.server, { timezoneId: 'Europe/Madrid', locale: 'es-ES' });
    const { page } = opened;
    try {
      await page.goto(site.server.url(pagePath('programme', 'es')));
      await page.locator('#zone-picker-select').selectOption('America/Havana');
      expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe('America/Havana');

      await page.reload();
      await expect.poll(() => page.locator('#zone-picker-select').inputValue()).toBe('America/Havana');
      await expect.poll(async () => (await openingTimes(page)).chosenStart).toBe('11:00');
      const times = await openingTimes(page);
      expect([times.chosenVisible, times.chosenStart]).toEqual([true, '11:00']);

      // The session page in English reads the same choice and formats it for English readers.
      await page.goto(site.server.url(pagePath('session', 'en', 'inauguracion')));
      await expect.poll(() => page.locator('#zone-picker-select').inputValue()).toBe('America/Havana');
      const chosen = page.locator('[data-times] > p[data-chosen]').first();
      await expect.poll(() => chosen.isVisible()).toBe(true);
      expect((await chosen.locator('time').first().textContent())?.trim()).toBe('11:00');

      // "Guatemala and Peru only" is a choice too, and it is remembered as well.
      await page.locator('#zone-picker-select').selectOption('');
      expect(await chosen.isVisible()).toBe(false);
      expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).not.toBeNull();
      await page.reload();
      await expect.poll(() => page.locator('#zone-picker-select').inputValue()).toBe('');
      expect(await page.locator('[data-times] > p[data-chosen]').first().isVisible()).toBe(false);
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe('the programme without JavaScript', () => {
  it('shows Guatemala and Peru times and keeps the zone picker hidden', async () => {
    const opened = await openPage(site.browser, site.server, { timezoneId: 'Europe/Madrid', javaScriptEnabled: false });
    const { page } = opened;
    site.server.clearRequests();
    try {
      for (const path of [pagePath('programme', 'es'), pagePath('session', 'es', 'inauguracion')]) {
        await page.goto(site.server.url(path));
        expect(await page.locator('[data-zone-picker]').isVisible(), `${path}: picker hidden`).toBe(false);
        expect(await page.locator('#zone-picker-select').isVisible(), `${path}: select hidden`).toBe(false);
        const times = page.locator('[data-times]').first();
        const lines = times.locator('> p:visible');
        expect(await lines.count(), `${path}: two visible lines`).toBe(2);
        expect(await lines.nth(0).textContent()).toMatch(/^9:00–9:20 .*Guatemala/);
        expect(await lines.nth(1).textContent()).toMatch(/^10:00–10:20 .*Perú/);
        expect(await page.locator('[data-chosen]:visible').count(), `${path}: no chosen-zone line`).toBe(0);
      }
      expect(site.server.requests.some((p) => p.startsWith('/_astro/'))).toBe(false);
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
