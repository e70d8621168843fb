import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Lang, languages, pagePath } from '../../content-models/routes';
import { t } from '../../site/i18n';
import { openPage, pageKinds, samplePages, useSiteInBrowser } from '../support/browser';

const site = useSiteInBrowser();

/** Clicks a link and waits for the page it leads to; returns that page's path. */
async function follow(page: Page, selector: string): Promise<string> {
  const link = page.locator(selector).first();
  const href = await link.getAttribute('href');
  expect(href, `no link matches ${selector} on ${page.url()}`).toBeTruthy();
  await Promise.all([page.waitForURL((url) => url.pathname === new URL(href!, page.url()).pathname), link.click()]);
  await page.waitForLoadState('load');
  return new URL(page.url()).pathname;
}

async function expectPage(page: Page, lang: Lang, path: string) {
  expect(new URL(page.url()).pathname).toBe(path);
  expect(await page.getAttribute('html', 'lang')).toBe(lang);
  await expect.poll(() => page.locator('main h1').first().isVisible()).toBe(true);
  expect((await page.title()).trim()).not.toBe('');
}

describe('a reader navigates through every kind of page', () => {
  it.each(languages)(
    'in %s: home → programme → a session → a speaker → speakers → concept note → 404, with no console error and no off-host request',
    async (lang) => {
      const opened = await openPage(site.browser, site.server);
      const { page } = opened;
      try {
        const home = await page.goto(site.server.url(pagePath('home', lang)));
        expect(home?.status()).toBe(200);
        await expectPage(page, lang, pagePath('home', lang));

        await follow(page, `header.site nav a[href="${pagePath('programme', lang)}"]`);
        await expectPage(page, lang, pagePath('programme', lang));

        // The opening session names its speakers, so its page leads on to a speaker page.
        await follow(page, `article[data-session="session-inauguracion"] h3 a`);
        await expectPage(page, lang, pagePath('session', lang, 'inauguracion'));

        const speakerPath = await follow(page, `main a[href^="${pagePath('speakers', lang)}"]`);
        expect(speakerPath.startsWith(pagePath('speakers', lang))).toBe(true);
        expect(speakerPath).not.toBe(pagePath('speakers', lang));
        await expectPage(page, lang, speakerPath);

        await follow(page, `header.site nav a[href="${pagePath('speakers', lang)}"]`);
        await expectPage(page, lang, pagePath('speakers', lang));
        expect(await page.locator(`main a[href^="${pagePath('speakers', lang)}"]`).count()).toBeGreaterThan(0);

        await follow(page, `header.site nav a[href="${pagePath('conceptNote', lang)}"]`);
        await expectPage(page, lang, pagePath('conceptNote', lang));

        const missing = `${pagePath('home', lang)}no-such-page/`;
        const notFound = await page.goto(site.server.url(missing));
        expect(notFound?.status()).toBe(404);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect((await page.locator('main h1').textContent())?.trim()).toBe(t(lang, 'notFound.title'));
        // The 404 page leads back home.
        await follow(page, `main a[href="${pagePath('home', lang)}"]`);
        await expectPage(page, lang, pagePath('home', lang));

        expect(opened.problemList({ allow404For: [missing] })).toEqual([]);
      } finally {
        await opened.close();
      }
    },
  );

  it('serves the 404 page of the language the missing address is in', async () => {
    const opened = await openPage(site.browser, site.server);
    try {
      for (const [path, lang] of [
        ['/programa/no-existe/', 'es'],
        ['/en/programme/does-not-exist/', 'en'],
        ['/pt/programa/nao-existe/', 'pt'],
      ] as const) {
        const response = await opened.page.goto(site.server.url(path));
        expect(response?.status(), path).toBe(404);
        expect(await opened.page.getAttribute('html', 'lang'), path).toBe(lang);
      }
    } finally {
      await opened.close();
    }
  });
});

describe('the language switcher', () => {
  it('takes a session page from Spanish to English and Portuguese, keeping the slug', async () => {
    const opened = await openPage(site.browser, site.server);
    const { page } = opened;
    try {
      await page.goto(site.server.url('/programa/mesa-de-reflexion-1/'));
      await follow(page, 'nav.lang-switch a[hreflang="en"]');
      await expectPage(page, 'en', '/en/programme/mesa-de-reflexion-1/');
      await follow(page, 'nav.lang-switch a[hreflang="pt"]');
      await expectPage(page, 'pt', '/pt/programa/mesa-de-reflexion-1/');
      await follow(page, 'nav.lang-switch a[hreflang="es"]');
      await expectPage(page, 'es', '/programa/mesa-de-reflexion-1/');
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('leads from every kind of page to the same page in each other language', async () => {
    const opened = await openPage(site.browser, site.server);
    const { page } = opened;
    const kinds = pageKinds.filter((k) => k !== 'notFound');
    try {
      for (const [i, from] of languages.entries()) {
        for (const kind of kinds) {
          await page.goto(site.server.url(samplePages[from][kind]));
          const here = samplePages[from][kind];
          expect(await page.locator(`nav.lang-switch a[hreflang="${from}"]`).getAttribute('aria-current'), `${here} marks its own language`).toBe('true');
          for (const to of languages)
            expect(await page.locator(`nav.lang-switch a[hreflang="${to}"]`).getAttribute('href'), `${here} → ${to}`).toBe(samplePages[to][kind]);
          // Follow one of the links for real, cycling through the target languages.
          const to = languages[(i + 1) % languages.length]!;
          await follow(page, `nav.lang-switch a[hreflang="${to}"]`);
          await expectPage(page, to, samplePages[to][kind]);
        }
      }
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
    // Nine page kinds in three languages since issue #20 (report, products): more than the default minute on a loaded machine.
  }, 180_000);
});
