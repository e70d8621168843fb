import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Lang, languages, pagePath } from '../../content-models/routes';
import { openPage, useSiteInBrowser } from '../support/browser';

const site = useSiteInBrowser();

interface Focused {
  /** `data-kbd` index given before tabbing, or null for an element that was not expected. */
  index: number | null;
  description: string;
  /** A focus indicator a sighted keyboard user can see: an outline or a box-shadow. */
  indicator: boolean;
  inViewport: boolean;
}

/** What has focus now, and whether it shows it (computed style while focused). */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const rect = el.getBoundingClientRect();
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return {
      index: el.dataset.kbd ? Number(el.dataset.kbd) : null,
      description:
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${text}" ${el.getAttribute('href') ?? ''}`.trim(),
      indicator: outline || shadow,
      inViewport: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth,
    };
  });
}

/**
 * Numbers every element a keyboard user should reach with Tab (visible links, form controls,
 * buttons, summaries, anything with tabindex >= 0) in document order; returns their descriptions.
 */
function markFocusable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], select, button, input:not([type="hidden"]), textarea, summary, [tabindex]:not([tabindex="-1"])';
    // A radio group is one Tab stop (its checked radio, else its first); arrow keys move inside it.
    const radioStop = (el: HTMLInputElement) => {
      const group = [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(el.name)}"]`)].filter((r) => r.form === el.form);
      return el === (group.find((r) => r.checked) ?? group[0]);
    };
    const els = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (el) =>
        !(el as HTMLButtonElement).disabled &&
        el.checkVisibility({ visibilityProperty: true }) &&
        el.tabIndex >= 0 &&
        !(el instanceof HTMLInputElement && el.type === 'radio' && el.name && !radioStop(el)),
    );
    return els.map((el, i) => {
      el.dataset.kbd = String(i);
      return `${el.tagName.toLowerCase()} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}" ${el.getAttribute('href') ?? ''}`.trim();
    });
  });
}

async function expectSkipLinkWorks(page: Page, lang: Lang) {
  await page.goto(site.server.url(pagePath('programme', lang)));
  await page.keyboard.press('Tab');
  const first = await focused(page);
  expect(first?.description, 'the first Tab lands on the skip link').toMatch(/^a\.skip-link /);
  expect(first?.inViewport, 'the focused skip link is on screen').toBe(true);
  expect(first?.indicator, 'the focused skip link shows focus').toBe(true);
  expect(await page.locator('.skip-link').isVisible()).toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  expect(new URL(page.url()).hash).toBe('#main');
  // The next Tab continues inside the main content, not back in the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
}

describe('keyboard only', () => {
  it.each(languages)('in %s the first Tab focuses a visible skip link, and Enter moves focus to the main content', async (lang) => {
    const opened = await openPage(site.browser, site.server);
    try {
      await expectSkipLinkWorks(opened.page, lang);
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('reaches every link, select, button and radio group of the programme with Tab, each with a visible focus indicator', async () => {
    const opened = await openPage(site.browser, site.server);
    const { page } = opened;
    try {
      await page.goto(site.server.url(pagePath('programme', 'es')));
      await expect.poll(() => page.locator('#zone-picker-select').isVisible()).toBe(true);
      // The "save the whole programme" button appears once the service worker is active: wait for
      // it, so the list of what Tab must reach is the page as a reader gets to use it.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await expect.poll(() => page.locator('button.offline-save').isVisible(), { timeout: 15_000 }).toBe(true);
      const expected = await markFocusable(page);
      expect(expected.length).toBeGreaterThan(20);
      expect(expected.some((d) => d.startsWith('select'))).toBe(true);

      const reached = new Map<number, Focused>();
      const unexpected: string[] = [];
      for (let presses = 0; presses < expected.length + 5; presses++) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        if (!now) break;
        if (now.index === null) unexpected.push(now.description);
        else if (reached.has(now.index)) break;
        else reached.set(now.index, now);
      }
      const missed = expected.filter((_, i) => !reached.has(i));
      const noIndicator = [...reached.values()].filter((f) => !f.indicator).map((f) => f.description);
      const offScreen = [...reached.values()].filter((f) => !f.inViewport).map((f) => f.description);
      expect(missed, 'elements Tab never reached').toEqual([]);
      expect(noIndicator, 'focused elements without a visible focus indicator').toEqual([]);
      expect(offScreen, 'focused elements not scrolled into view').toEqual([]);
      expect(unexpected, 'focus landed on elements that are not interactive').toEqual([]);
      // Tab order follows the document order.
      expect([...reached.keys()]).toEqual([...reached.keys()].sort((a, b) => a - b));
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('operates the zone picker with the keyboard alone', async () => {
    const opened = await openPage(site.browser, site.server, { timezoneId: 'Europe/Madrid' });
    const { page } = opened;
    try {
      await page.goto(site.server.url(pagePath('programme', 'es')));
      const select = page.locator('#zone-picker-select');
      await select.focus();
      const before = await select.inputValue();
      const next = await select.evaluate((el: HTMLSelectElement) => {
        const option = el.options[el.selectedIndex + 1];
        return { value: option?.value ?? '', label: option?.textContent ?? '' };
      });
      // On a focused closed <select>, ArrowDown picks the next option without opening the list.
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => select.inputValue()).toBe(next.value);
      expect(next.value).not.toBe(before);
      const label = page.locator('article[data-session="session-inauguracion"] [data-chosen] [data-zone-label]');
      await expect.poll(async () => (await label.textContent()) ?? '').toContain(next.label);
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
