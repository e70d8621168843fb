import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Lang, languages, pagePath } from '../../content-models/routes';
import { openPage, useSiteInBrowser } from '../support/browser';
import { publishedOfType, readNdjson } from '../support/ndjson';

// The counts come from the dataset itself, not from the page, so a card or question that print
// CSS hides (or that never rendered) shows up as a difference.
const sessions = publishedOfType(readNdjson(), 'session');
const questionCount = sessions.reduce((n, s) => n + ((s.questions as unknown[] | undefined)?.length ?? 0), 0);

const site = useSiteInBrowser();

/** How many elements matching `selector` are rendered (a box, not display:none, not visibility:hidden). */
const visibleCount = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.filter((el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true })).length);

async function openProgrammeForPrint(lang: Lang, colorScheme: 'light' | 'dark' = 'light') {
  const opened = await openPage(site.browser, site.server, { timezoneId: 'Europe/Madrid', colorScheme });
  await opened.page.goto(site.server.url(pagePath('programme', lang)));
  await opened.page.emulateMedia({ media: 'print' });
  return opened;
}

describe('printing the programme', () => {
  it.each(languages)('in %s hides the header navigation, the language switcher and the zone picker', async (lang) => {
    const opened = await openProgrammeForPrint(lang);
    const { page } = opened;
    try {
      for (const selector of ['header.site nav', 'nav.lang-switch', '[data-zone-picker]', '.skip-link']) {
        expect(await visibleCount(page, selector), `${selector} prints`).toBe(0);
        expect(await page.locator(selector).count(), `${selector} exists on screen`).toBeGreaterThan(0);
      }
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it.each(languages)('in %s still shows every session title, time and guiding question, in black, from a light or a dark screen', async (lang) => {
    for (const scheme of ['light', 'dark'] as const) {
      const opened = await openProgrammeForPrint(lang, scheme);
      const { page } = opened;
      try {
        expect(await visibleCount(page, 'article.card h3'), scheme).toBe(sessions.length);
        // Guatemala and Peru, start and end, for every session.
        expect(await visibleCount(page, 'article.card [data-times] > p:not([data-chosen]) time'), scheme).toBe(sessions.length * 2 * 2);
        expect(await visibleCount(page, 'article.card ol.questions > li'), scheme).toBe(questionCount);
        // Shown but light-on-white (a dark theme leaking into print) would not print legibly either.
        const colours = await page
          .locator('article.card h3, article.card h3 a, article.card [data-times] time, article.card ol.questions > li')
          .evaluateAll((els) => [...new Set(els.map((el) => getComputedStyle(el).color))]);
        expect(colours, scheme).toEqual(['rgb(0, 0, 0)']);
        expect(opened.problemList()).toEqual([]);
      } finally {
        await opened.close();
      }
    }
  });

  it('produces an A4 PDF', async () => {
    const opened = await openProgrammeForPrint('es');
    try {
      const pdf = await opened.page.pdf({ format: 'A4', printBackground: false });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
      // Every page of the PDF is A4 (595 × 842 pt).
      const boxes = pdf.toString('latin1').match(/\/MediaBox\s*\[[^\]]*\]/g) ?? [];
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) expect(box).toMatch(/\[\s*0 0 595(\.\d+)? 84[12](\.\d+)?\s*\]/);
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
