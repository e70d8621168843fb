import { describe, expect, it } from 'vitest';
import { pagePath } from '../../content-models/routes';
import { openPage, useSiteInBrowser } from '../support/browser';

const site = useSiteInBrowser();
const clean = (problems: string[]) => problems.filter((p) => !/favicon\.svg: net::ERR_ABORTED/.test(p));

/** The results' links and labels after typing a query. */
async function search(page: import('playwright-core').Page, query: string) {
  await page.locator('#search-q').fill(query);
  const status = page.locator('[data-search-status]');
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).not.toBe('');
  return {
    status: await status.textContent(),
    results: await page.locator('.search-results li').evaluateAll((els) =>
      els.map((li) => ({
        kind: li.querySelector('.kind')?.textContent,
        href: li.querySelector('a')?.getAttribute('href'),
        title: li.querySelector('a')?.textContent,
      })),
    ),
  };
}

describe('search (issue #20)', () => {
  it.each([
    ['es', 'MISHAAN', 'segeplan', 'Ponente', 'Resultados: '],
    ['en', 'mishaan', 'SEGEPLAN', 'Speaker', 'Results: '],
    ['pt', 'Mishaan', 'Segeplan', 'Palestrante', 'Resultados: '],
  ] as const)('finds a speaker by name and an institution by acronym, instantly (%s)', async (lang, name, acronym, label, count) => {
    const { page, problemList, close } = await openPage(site.browser, site.server);
    await page.goto(site.server.url(pagePath('search', lang)));
    // The index is fetched on the first keystroke, not with the page.
    const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/search.json')));
    expect(await loaded()).toBe(false);
    const speaker = pagePath('speaker', lang, 'rita-mishaan');
    const byName = await search(page, name);
    expect(await loaded()).toBe(true);
    expect(byName.results).toContainEqual({ kind: label, href: speaker, title: 'Rita Mishaan' });
    expect(byName.status).toBe(`${count}${byName.results.length}`);
    // A session she takes part in is found through her too.
    expect(byName.results.some((r) => r.href?.startsWith(pagePath('programme', lang)) && r.href !== pagePath('programme', lang))).toBe(true);
    const byAcronym = await search(page, acronym);
    expect(byAcronym.results).toContainEqual({ kind: label, href: speaker, title: 'Rita Mishaan' });
    await page.locator(`.search-results a[href="${speaker}"]`).click();
    await page.waitForURL(`**${speaker}`);
    expect(clean(problemList())).toEqual([]);
    await close();
  });

  it('ignores accents and case, and says when nothing matches', async () => {
    const { page, close } = await openPage(site.browser, site.server);
    await page.goto(site.server.url(pagePath('search', 'es')));
    const plain = await search(page, 'mesa de reflexion');
    const accented = await search(page, 'MESA DE REFLEXIÓN');
    expect(plain.results.length).toBeGreaterThan(1);
    expect(accented.results).toEqual(plain.results);
    for (const r of plain.results) expect(r.title).toMatch(/Mesa de reflexión/);
    const none = await search(page, 'zzqxw');
    expect(none.results).toEqual([]);
    expect(none.status).toBe('Ninguna sesión ni ponente coincide con su búsqueda.');
    await close();
  });

  it('without JavaScript, hides the form and leads to the programme and the speakers', async () => {
    const { page, close } = await openPage(site.browser, site.server, { javaScriptEnabled: false });
    for (const lang of ['es', 'en', 'pt'] as const) {
      await page.goto(site.server.url(pagePath('search', lang)));
      expect(await page.locator('#search-q').isHidden()).toBe(true);
      const links = await page.locator('main a').evaluateAll((els) => els.map((a) => a.getAttribute('href')));
      expect(links).toEqual(expect.arrayContaining([pagePath('programme', lang), pagePath('speakers', lang)]));
      expect(await page.locator('noscript').count()).toBe(1);
    }
    // The programme and the footer lead here, and the programme carries no search code.
    await page.goto(site.server.url(pagePath('programme', 'en')));
    expect(await page.locator(`.programme-intro a[href="${pagePath('search', 'en')}"]`).count()).toBe(1);
    expect(await page.locator(`footer a[href="${pagePath('search', 'en')}"]`).count()).toBe(1);
    await close();
  });
});
