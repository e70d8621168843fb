import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { openPage, useSiteInBrowser } from '../support/browser';

const site = useSiteInBrowser();
const STARS = 'seminario.starred';
const clean = (problems: string[]) => problems.filter((p) => !/favicon\.svg: net::ERR_ABORTED/.test(p));

/** The session ids of the cards My programme shows, once they are drawn. */
const cardIds = (page: import('playwright-core').Page) =>
  page.locator('[data-mine] [data-session]').evaluateAll((els) => els.map((e) => e.getAttribute('data-session')));

/** The share link as the page shows it, once it carries keys. */
async function shareLink(page: import('playwright-core').Page): Promise<string> {
  await page.locator('.mine-share summary').click();
  const field = page.locator('[data-share-url]');
  await expect.poll(() => field.inputValue(), { timeout: 10_000 }).toMatch(/\?s=/);
  return field.inputValue();
}

describe('My programme that travels (issue #20)', () => {
  it('shares the selection as a link that restores it in a fresh browser, and as a QR code that decodes to the link', async () => {
    const a = await openPage(site.browser, site.server);
    await a.page.goto(site.server.url('/en/programme/'));
    for (const id of ['session-mesa-de-reflexion-2', 'session-recapitulacion', 'session-inauguracion'])
      await a.page.locator(`[data-session="${id}"] button.star`).click();
    await a.page.goto(site.server.url('/en/my-programme/'));
    await expect.poll(() => cardIds(a.page), { timeout: 10_000 }).toHaveLength(3);
    const mine = await cardIds(a.page);
    const link = await shareLink(a.page);
    expect(new URL(link).pathname).toBe('/en/my-programme/');
    // One short key per session, not the ids.
    expect(new URL(link).searchParams.get('s')).toMatch(/^[0-9a-z]{5}(\.[0-9a-z]{5}){2}$/);

    // The QR library loads only when asked.
    const before = await a.page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    const qr = a.page.locator('canvas.share-qr');
    expect(await qr.isHidden()).toBe(true);
    await a.page.locator('[data-share-qr]').click();
    await qr.waitFor();
    expect(await a.page.locator('[data-share-qr]').getAttribute('aria-expanded')).toBe('true');
    const after = await a.page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(after.length).toBeGreaterThan(before.length);
    const shot = await qr.screenshot();
    const { data: pixels, info } = await sharp(shot).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const rgba = new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.byteLength);
    expect(jsQR(rgba, info.width, info.height)?.data).toBe(link);
    expect(clean(a.problemList())).toEqual([]);
    await a.close();

    // A fresh browser, nothing starred: the link simply applies and leaves the address clean.
    const b = await openPage(site.browser, site.server);
    await b.page.goto(link);
    await expect.poll(() => cardIds(b.page), { timeout: 10_000 }).toEqual(mine);
    expect(JSON.parse((await b.page.evaluate((key) => localStorage.getItem(key), STARS)) ?? '[]').sort()).toEqual([...mine].sort());
    expect(new URL(b.page.url()).search).toBe('');
    expect(await b.page.locator('[data-share-prompt]').isHidden()).toBe(true);
    // Its own share link is the same link.
    expect(await shareLink(b.page)).toBe(link);
    expect(clean(b.problemList())).toEqual([]);
    await b.close();
  });

  it('asks before changing a selection that differs, and adds or replaces as answered (es, pt)', async () => {
    const a = await openPage(site.browser, site.server);
    await a.page.goto(site.server.url('/mi-programa/'));
    await a.page.evaluate((key) => localStorage.setItem(key, JSON.stringify(['session-inauguracion'])), STARS);
    await a.page.reload();
    const link = await shareLink(a.page);
    await a.close();

    for (const [path, answer, expected] of [
      ['/mi-programa/', '[data-share-add]', ['session-inauguracion', 'session-introduccion']],
      ['/pt/meu-programa/', '[data-share-replace]', ['session-inauguracion']],
      ['/mi-programa/', '[data-share-keep]', ['session-introduccion']],
    ] as const) {
      const b = await openPage(site.browser, site.server);
      await b.page.goto(site.server.url(path));
      await b.page.evaluate((key) => localStorage.setItem(key, JSON.stringify(['session-introduccion'])), STARS);
      const target = new URL(link);
      await b.page.goto(site.server.url(`${path}${target.search}`));
      const prompt = b.page.locator('[data-share-prompt]');
      await prompt.waitFor({ timeout: 10_000 });
      // Nothing is changed before the answer.
      expect(JSON.parse((await b.page.evaluate((key) => localStorage.getItem(key), STARS)) ?? '[]')).toEqual(['session-introduccion']);
      expect(await prompt.textContent()).toMatch(path.startsWith('/pt/') ? /O que prefere\?/ : /¿Qué prefiere\?/);
      await b.page.locator(answer).click();
      expect(await prompt.isHidden()).toBe(true);
      await expect.poll(async () => (await cardIds(b.page)).sort(), { timeout: 10_000 }).toEqual([...expected]);
      expect(new URL(b.page.url()).search).toBe('');
      expect(clean(b.problemList())).toEqual([]);
      await b.close();
    }
  });

  it('adds a VALARM to every event of the downloaded calendar only when a reminder is chosen, with code fetched on the first download', async () => {
    const { page, problemList, close } = await openPage(site.browser, site.server, { context: { acceptDownloads: true } });
    await page.goto(site.server.url('/en/my-programme/'));
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify(['session-inauguracion', 'session-recapitulacion'])), STARS);
    await page.reload();
    await page.locator('[data-mine]').first().waitFor();
    const download = async () => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-mine-download]').click()]);
      const events = new ICAL.Component(ICAL.parse(readFileSync((await file.path())!, 'utf8'))).getAllSubcomponents('vevent');
      return events.map((e) => e.getAllSubcomponents('valarm').map((v) => String(v.getFirstPropertyValue('trigger'))));
    };
    // At startup, with sessions starred and drawn, the page's one script and nothing else: the
    // calendar's code (and the share panel's) is fetched only when the reader asks for it.
    const scripts = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((r) => new URL(r.name).pathname)
          .filter((p) => p.startsWith('/_astro/')),
      );
    const atStartup = await scripts();
    expect(atStartup).toHaveLength(1);
    expect(await page.locator('script[type="module"][src]').getAttribute('src')).toBe(atStartup[0]);
    expect(await page.locator('[data-mine-reminder]').inputValue()).toBe('');
    expect(await download()).toEqual([[], []]);
    expect((await scripts()).length).toBeGreaterThan(atStartup.length);
    await page.locator('[data-mine-reminder]').selectOption('15');
    expect(await download()).toEqual([['-PT15M'], ['-PT15M']]);
    expect(clean(problemList())).toEqual([]);
    await close();
  });
});
