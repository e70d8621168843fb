import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lang, pagePath } from '../../content-models/routes';
import { runAxe } from '../support/axe';
import { launchBrowser, openPage } from '../support/browser';
import { type BuildRun, removeOutDir, runBuild, tempOutDir } from '../support/build';
import { followableIn, offers, sessionsMatching, writeLanguageDataset } from '../support/language-dataset';
import { readNdjson } from '../support/ndjson';
import { type StaticServer, startStaticServer } from '../support/static-server';

/**
 * The programme's language and accessibility filters (issue 20) with and without JavaScript, in the
 * three languages, over a generated dataset (the seed has no interpretation, captions or sign
 * language, so its programme shows no such filter). The expected sessions come from the dataset's
 * plan, not from the site's code.
 */
let run: BuildRun;
let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  const outDir = tempOutDir('language-filters');
  run = await runBuild({ outDir, env: { CONTENT_DATASET_FILE: writeLanguageDataset(path.dirname(outDir)) } });
  if (run.code !== 0) throw new Error(`build failed:\n${run.output}`);
  server = await startStaticServer({ root: run.outDir });
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (run) removeOutDir(run.outDir);
});

const ids = readNdjson()
  .filter((d) => d._type === 'session')
  .map((d) => d._id);
const labels: Record<Lang, { pt: string; signLanguage: string }> = {
  es: { pt: 'Portugués', signLanguage: 'Con lengua de señas' },
  en: { pt: 'Portuguese', signLanguage: 'With sign language' },
  pt: { pt: 'Português', signLanguage: 'Com língua de sinais' },
};

describe.each([false, true])('with JavaScript %s', (javaScriptEnabled) => {
  it.each(['es', 'en', 'pt'] as const)('filters the %s programme by language, by accessibility and by both', async (lang) => {
    const { page, problemList, close } = await openPage(browser, server, { javaScriptEnabled });
    await page.goto(server.url(pagePath('programme', lang)));
    // Read through Playwright's own (isolated) scripts, which run even where the page's JavaScript is off.
    const visible = async () => {
      const shown: (string | null)[] = [];
      for (const card of await page.locator('.programme article.session-card').filter({ visible: true }).all())
        shown.push(await card.getAttribute('data-session'));
      return shown;
    };
    expect((await visible()).sort()).toEqual([...ids].sort());
    await page.locator('.filters-box > summary').click();
    // Labelled in the page's language, chosen with the keyboard like any radio button.
    expect((await page.locator('label:has(#f-lang-pt)').textContent())?.trim()).toBe(labels[lang].pt);
    expect((await page.locator('label:has(#f-a11y-signLanguage)').textContent())?.trim()).toBe(labels[lang].signLanguage);
    await page.locator('#f-lang-pt').focus();
    await page.keyboard.press('Space');
    expect((await visible()).sort()).toEqual(sessionsMatching(ids, followableIn('pt')).sort());
    if (javaScriptEnabled) await expect.poll(() => page.locator('[data-filter-status]').textContent()).toMatch(/\b3\b/);
    await page.locator('#f-a11y-captions').check();
    expect(await visible()).toEqual(sessionsMatching(ids, (p) => followableIn('pt')(p) && offers('captions')(p)));
    await page.locator('input[name="lang"][value=""]').check();
    await page.locator('#f-a11y-signLanguage').check();
    expect((await visible()).sort()).toEqual(sessionsMatching(ids, offers('signLanguage')).sort());
    await page.locator('#f-lang-en').check();
    expect(await visible()).toEqual(sessionsMatching(ids, (p) => followableIn('en')(p) && offers('signLanguage')(p)));
    // A day the filter emptied says so once the script runs; without it the day heading simply stays.
    if (javaScriptEnabled) await expect.poll(() => page.locator('[data-day="2020-10-28"] [data-no-match]').isVisible()).toBe(true);
    // axe runs as a page script, so only where scripts run (accessibility.test.ts covers every page).
    if (javaScriptEnabled) expect((await runAxe(page)).violations.map((v) => v.id)).toEqual([]);
    expect(problemList()).toEqual([]);
    await close();
  });
});
