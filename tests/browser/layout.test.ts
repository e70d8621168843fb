import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Lang, languages, pagePath } from '../../content-models/routes';
import { openPage, pageKinds, samplePages, useSiteInBrowser } from '../support/browser';
import { publishedOfType, readNdjson } from '../support/ndjson';

// The measurable parts of the programme's design (issue 16): how long it is on a phone, how big
// its controls are, that the header is one row on a laptop and that it prints on few pages.

const site = useSiteInBrowser();

const PHONE = { width: 390, height: 844 };
const sessions = publishedOfType(readNdjson(), 'session');
const eventDoc = publishedOfType(readNdjson(), 'event')[0] as unknown as { shortName: Record<Lang, string> };

describe('the programme on a phone', () => {
  it.each(languages)('in %s is at most 5 screens of 390×844 with the details folded', async (lang) => {
    const opened = await openPage(site.browser, site.server, { viewport: PHONE });
    try {
      await opened.page.goto(site.server.url(pagePath('programme', lang)), { waitUntil: 'load' });
      const { height, cards, open } = await opened.page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        cards: document.querySelectorAll('.programme article.card').length,
        open: document.querySelectorAll('.programme details[open]').length,
      }));
      // Every session is on the page, folded, so the height is the agenda's and not a shorter page's.
      expect(cards).toBe(sessions.length);
      expect(open).toBe(0);
      expect(height / PHONE.height, `${height} px`).toBeLessThanOrEqual(5);
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('shows concurrent sessions as one labelled group, one above the other, and side by side at 1280 px', async () => {
    for (const [viewport, sideBySide] of [
      [PHONE, false],
      [{ width: 1280, height: 900 }, true],
    ] as const) {
      const opened = await openPage(site.browser, site.server, { viewport });
      try {
        await opened.page.goto(site.server.url(pagePath('programme', 'es')));
        const boxes = await opened.page
          .locator('.concurrent')
          .first()
          .locator('article.card')
          .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
        expect(boxes.length).toBe(2);
        const [a, b] = boxes as [DOMRect, DOMRect];
        expect(Math.abs(a.top - b.top) < 1, `${viewport.width} px: same row`).toBe(sideBySide);
        expect(await opened.page.locator('.concurrent > p').first().isVisible()).toBe(true);
      } finally {
        await opened.close();
      }
    }
  });

  it('folds each session card to times, type, title and people; the details open on demand', async () => {
    const opened = await openPage(site.browser, site.server, { viewport: PHONE });
    try {
      const { page } = opened;
      await page.goto(site.server.url(pagePath('programme', 'es')));
      const card = page.locator('article[data-session="session-mesa-de-reflexion-1"]');
      expect(await card.locator('ol.questions').isVisible()).toBe(false);
      expect(await card.locator('.card-people').isVisible()).toBe(true);
      await card.locator('.card-details > summary').click();
      expect(await card.locator('ol.questions').isVisible()).toBe(true);
      expect(await card.locator('.people').isVisible()).toBe(true);
    } finally {
      await opened.close();
    }
  });
});

/** Every interactive element's box, with whether WCAG 2.5.8's inline exception applies to it. */
async function targets(page: Page) {
  return page.evaluate(() => {
    const selector = 'a[href], button, select, summary, input:not([type="hidden"]), textarea';
    const out: { what: string; width: number; height: number; inline: boolean; primary: boolean }[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('.skip-link, .visually-hidden')) continue;
      // A radio button's target includes its label (clicking the label picks it).
      const box = (el instanceof HTMLInputElement && el.closest('label')) || el;
      const r = box.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      // A link inside a sentence is exempt (2.5.8 "inline"): its block has text beside it.
      const block = el.parentElement;
      const inline = el.tagName === 'A' && !!block && (block.textContent ?? '').trim().length > (el.textContent ?? '').trim().length + 2;
      const primary =
        !!el.closest('.site-nav, .lang-switch, .day-index, .zone-picker, .filters, .filters-box > summary') ||
        el.matches('button.star, .filters-box > summary');
      out.push({ what: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`, width: r.width, height: r.height, inline, primary });
    }
    return out;
  });
}

describe('targets at 390 px', () => {
  it.each(languages.flatMap((lang) => pageKinds.map((kind) => samplePages[lang][kind])))(
    '%s: every control is at least 24×24 px, the primary ones 44×44',
    async (path) => {
      const opened = await openPage(site.browser, site.server, { viewport: PHONE });
      try {
        await opened.page.goto(site.server.url(path), { waitUntil: 'load' });
        const found = await targets(opened.page);
        expect(found.filter((t) => t.primary).length, 'primary controls found').toBeGreaterThan(0);
        const small = found
          .filter((t) => !t.inline)
          .filter((t) => (t.primary ? t.width < 44 || t.height < 44 : t.width < 24 || t.height < 24))
          .map((t) => `${t.what}: ${t.width.toFixed(0)}×${t.height.toFixed(0)}${t.primary ? ' (primary)' : ''}`);
        expect(small.join('\n')).toBe('');
      } finally {
        await opened.close();
      }
    },
  );
});

describe('the header', () => {
  it.each(languages)('in %s is one row at 1024 and 1280 px wide', async (lang) => {
    for (const width of [1024, 1280]) {
      const opened = await openPage(site.browser, site.server, { viewport: { width, height: 800 } });
      try {
        for (const kind of ['home', 'programme', 'myProgramme'] as const) {
          await opened.page.goto(site.server.url(samplePages[lang][kind]));
          const rows = await opened.page.evaluate(() => {
            const items = [document.querySelector('.brand'), ...document.querySelectorAll('.site-nav li, .lang-switch li')].filter((e) => !!e);
            const mids = items.map((e) => {
              const r = e.getBoundingClientRect();
              return Math.round((r.top + r.bottom) / 2);
            });
            return { count: items.length, spread: Math.max(...mids) - Math.min(...mids) };
          });
          expect(rows.count).toBe(1 + 5 + languages.length);
          // Vertically centred in one flex row: any wrap moves an item down by a whole row (> 40 px).
          expect(rows.spread, `${width} px ${kind}`).toBeLessThanOrEqual(4);
        }
      } finally {
        await opened.close();
      }
    }
  });
});

describe('nothing is cut off at 320 px', () => {
  // Clipping that the reflow check cannot see: text hidden inside its own box (overflow: hidden,
  // an ellipsis) rather than sticking out of the page.
  const paths = [...pageKinds.map((kind) => samplePages.es[kind]), samplePages.en.programme, samplePages.pt.programme, samplePages.pt.speaker];
  it.each(paths)('%s', async (path) => {
    const opened = await openPage(site.browser, site.server, { viewport: { width: 320, height: 700 } });
    try {
      // The reader's-zone line is measured by its own tests (zone picker); here the page's own layout.
      await opened.context.addInitScript(() => localStorage.setItem('seminario.timeZone', 'none'));
      await opened.page.goto(site.server.url(path), { waitUntil: 'load' });
      const clipped = await opened.page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main *, header *')]
          // Text hidden on purpose for screen readers only (the visually-hidden pattern) is not clipped content.
          .filter(
            (el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest('.visually-hidden, .table-scroll') && el.getBoundingClientRect().width > 1,
          )
          .filter((el) => {
            const style = getComputedStyle(el);
            const hides = /hidden|clip/.test(style.overflowX) || style.textOverflow === 'ellipsis';
            return hides && el.scrollWidth > el.clientWidth + 1;
          })
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').trim().slice(0, 50)}`),
      );
      expect(clipped.join('\n')).toBe('');
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe('the printed programme', () => {
  it.each(languages)('in %s is at most 3 A4 pages, with every session', async (lang) => {
    const opened = await openPage(site.browser, site.server);
    try {
      await opened.page.goto(site.server.url(pagePath('programme', lang)));
      await opened.page.emulateMedia({ media: 'print' });
      const pdf = (await opened.page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
      const pages = (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(3);
      expect(await opened.page.locator('article.card h3').evaluateAll((els) => els.filter((e) => e.checkVisibility()).length)).toBe(sessions.length);
    } finally {
      await opened.close();
    }
  });

  it.each(languages)('in %s keeps headings with what follows and names the event and its address on every page', async (lang) => {
    const opened = await openPage(site.browser, site.server);
    try {
      const { page } = opened;
      await page.goto(site.server.url(pagePath('programme', lang)));
      await page.emulateMedia({ media: 'print' });
      const breaks = await page.locator('main h1, main h2, .day-head').evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).breakAfter))]);
      expect(breaks).toEqual(['avoid']);
      // The running head is an @page margin box, which Chromium draws on every printed page.
      const boxes = await page.evaluate(() =>
        [...document.styleSheets]
          .flatMap((sheet) => [...sheet.cssRules])
          .flatMap((rule) => (rule instanceof CSSMediaRule && rule.media.mediaText === 'print' ? [...rule.cssRules] : []))
          .filter((rule): rule is CSSPageRule => rule instanceof CSSPageRule)
          .flatMap((rule) => [...rule.cssRules] as (CSSRule & { name: string; style: CSSStyleDeclaration })[])
          .map((margin) => `${margin.name}: ${margin.style.getPropertyValue('content')}`),
      );
      const text = boxes.join('\n');
      expect(text).toContain(`top-left: "${eventDoc.shortName[lang]}"`);
      expect(text).toMatch(new RegExp(`top-right: "https?://[^"]+${pagePath('programme', lang).replace(/\//g, '\\/')}"`));
    } finally {
      await opened.close();
    }
  });
});
