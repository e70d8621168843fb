import { describe, expect, it } from 'vitest';
import { pagePath } from '../../content-models/routes';
import { openPage, useSiteInBrowser } from '../support/browser';

const site = useSiteInBrowser();

const MESA_1 = 'session-mesa-de-reflexion-1';
const MESA_2 = 'session-mesa-de-reflexion-2';

describe('my programme', () => {
  it('warns when two starred sessions overlap, naming both, and stops once one is unstarred', async () => {
    const { page, problemList, close } = await openPage(site.browser, site.server);
    await page.goto(site.server.url(pagePath('myProgramme', 'es')));
    await page.evaluate((ids) => localStorage.setItem('seminario.starred', JSON.stringify(ids)), [MESA_1, MESA_2, 'session-recapitulacion']);
    await page.reload();
    const warning = page.locator('[data-mine-clashes]');
    // The cards are drawn once my-programme.json has arrived.
    await expect.poll(() => warning.isVisible(), { timeout: 10_000 }).toBe(true);
    // The titles as the cards show them, without their closing full stop (it would sit inside the quotes).
    const titles = (await page.locator(`[data-session="${MESA_1}"] h3, [data-session="${MESA_2}"] h3`).allTextContents()).map((t) =>
      t.trim().replace(/\.$/, ''),
    );
    expect(titles[0]).toMatch(/^Mesa de reflexión 1/);
    expect(await warning.textContent()).toBe(`Atención: «${titles[0]}» y «${titles[1]}» se superponen.`);
    await page.locator(`[data-session="${MESA_2}"] button.star`).click();
    expect(await warning.isHidden()).toBe(true);
    expect(problemList().filter((p) => !/favicon\.svg: net::ERR_ABORTED/.test(p))).toEqual([]);
    await close();
  });

  it('shows only the days that have a starred session, each under its date', async () => {
    const { page, close } = await openPage(site.browser, site.server);
    await page.goto(site.server.url(pagePath('myProgramme', 'en')));
    await page.evaluate(() => localStorage.setItem('seminario.starred', JSON.stringify(['session-inauguracion', 'session-espacio-interactivo-4'])));
    await page.reload();
    await page.locator('[data-mine-day]').first().waitFor();
    const days = await page.locator('[data-mine-day]:not([hidden])').evaluateAll((els) => els.map((e) => e.getAttribute('data-mine-day')));
    expect(days).toEqual(['2020-10-26', '2020-10-30']);
    expect(await page.locator('[data-mine-day="2020-10-30"] h2').textContent()).toMatch(/Friday,? 30 October 2020/);
    expect(await page.locator('[data-mine-clashes]').isHidden()).toBe(true);
    await close();
  });
});

describe('a speaker page read from Tokyo', () => {
  it('puts the date beside each session, and the reader\u2019s line names the next day it falls on', async () => {
    const { page, close } = await openPage(site.browser, site.server, { timezoneId: 'Asia/Tokyo', viewport: { width: 390, height: 844 } });
    await page.goto(site.server.url(pagePath('speaker', 'es', 'rita-mishaan')));
    const card = page.locator('[data-session="session-inauguracion"]');
    const date = card.locator('.session-date');
    expect(await date.isVisible()).toBe(true);
    expect(await date.textContent()).toBe('lunes, 26 de octubre de 2020');
    // 9:00 in Guatemala is 0:00 on 27 October in Tokyo: the reader's own line must say so.
    const chosen = card.locator('[data-chosen]');
    await expect.poll(() => chosen.isVisible()).toBe(true);
    expect(await chosen.textContent()).toMatch(/0:00.*27/s);
    // The date sits above the times, not after them.
    const [dateBox, timesBox] = [await date.boundingBox(), await card.locator('[data-times]').boundingBox()];
    expect(dateBox!.y).toBeLessThan(timesBox!.y);
    await close();
  });
});
