import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pagePath } from '../../content-models/routes';
import { openPage, useSiteInBrowser } from '../support/browser';
import { offsetLabel, oracleWall } from '../support/tz-oracle';

/**
 * The reader's line, drawn in the browser for the zone Chromium reports (`timezoneId`): named like a
 * member country even when the engine reports an alias, never as an IANA id, never clipped at 320 px;
 * replaced by "(tu hora)" on a line that already shows the same times; and right at a
 * daylight-saving change, compared with the oracle (moment-timezone), not with the site's code.
 */

const OPENING = 'article[data-session="session-inauguracion"]';

const site = useSiteInBrowser();

/** The opening session's lines: the built ones by zone, and the reader's (null when not shown). */
async function openingLines(page: Page) {
  return page.locator(`${OPENING} [data-times]`).evaluate((block) => {
    // The "(tu hora)" mark is CSS generated content, shown only when the picker turns it on.
    const mark = (el: Element) => {
      const yours = el.querySelector('.yours.on');
      return yours ? ` ${getComputedStyle(yours, '::after').content.replace(/^"\s*|"$/g, '')}` : '';
    };
    const clean = (el: Element) => `${(el.textContent ?? '').replace(/\s+/g, ' ').trim()}${mark(el)}`;
    const chosen = block.querySelector<HTMLElement>('[data-chosen]');
    return {
      built: Object.fromEntries([...block.querySelectorAll('p[data-zone]')].map((p) => [p.getAttribute('data-zone'), clean(p)])) as Record<string, string>,
      reader: chosen && !chosen.hidden ? clean(chosen) : null,
      readerFits: chosen ? chosen.scrollWidth <= chosen.clientWidth + 1 && chosen.getBoundingClientRect().right <= document.documentElement.clientWidth : false,
    };
  });
}

describe('the reader’s line', () => {
  it('names Argentina for the alias Chromium reports, America/Buenos_Aires, and fits 320 px', async () => {
    const opened = await openPage(site.browser, site.server, { timezoneId: 'America/Buenos_Aires', viewport: { width: 320, height: 700 } });
    try {
      await opened.page.goto(site.server.url(pagePath('programme', 'es')));
      expect(await opened.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/Buenos_Aires');
      await expect.poll(async () => (await openingLines(opened.page)).reader, { timeout: 15_000 }).not.toBeNull();
      const lines = await openingLines(opened.page);
      // 15:00Z is 12:00 in Buenos Aires (UTC−3).
      expect(lines.reader).toBe('12:00–12:20 Hora de Argentina (UTC−3) (tu hora)');
      expect(lines.reader).not.toMatch(/Buenos|\//);
      expect(lines.readerFits).toBe(true);
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('names another zone of a member country "country (city)" in English', async () => {
    const opened = await openPage(site.browser, site.server, { timezoneId: 'America/Manaus' });
    try {
      await opened.page.goto(site.server.url(pagePath('programme', 'en')));
      await expect.poll(async () => (await openingLines(opened.page)).reader, { timeout: 15_000 }).toBe('11:00–11:20 Brazil (Manaus) time (UTC−4) (your time)');
    } finally {
      await opened.close();
    }
  });

  it.each([
    ['America/Sao_Paulo', '12:00–12:20 Horário do Brasil (UTC−3) (seu horário)'],
    ['America/Buenos_Aires', '12:00–12:20 Horário da Argentina (UTC−3) (seu horário)'],
  ])('in %s, names the country with its article in Portuguese, as the built lines do', async (zone, expected) => {
    const opened = await openPage(site.browser, site.server, { timezoneId: zone });
    try {
      await opened.page.goto(site.server.url(pagePath('programme', 'pt')));
      await expect.poll(async () => (await openingLines(opened.page)).reader, { timeout: 15_000 }).toBe(expected);
      // The reader's line is drawn first, above the event's zones.
      const order = await opened.page
        .locator(`${OPENING} [data-times] > p`)
        .evaluateAll(
          (ps) => ps.map((p) => ({ chosen: p.hasAttribute('data-chosen'), top: p.getBoundingClientRect().top })).sort((a, b) => a.top - b.top)[0]?.chosen,
        );
      expect(order).toBe(true);
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it.each([
    ['America/Guatemala', 'America/Guatemala'],
    // El Salvador keeps Guatemala's clock: the same times, so the Guatemala line is the reader's.
    ['America/El_Salvador', 'America/Guatemala'],
    ['America/Lima', 'America/Lima'],
  ])('in %s, says "(tu hora)" on the line that already shows those times instead of repeating it', async (zone, line) => {
    const opened = await openPage(site.browser, site.server, { timezoneId: zone });
    try {
      await opened.page.goto(site.server.url(pagePath('programme', 'es')));
      await expect.poll(async () => (await openingLines(opened.page)).built[line], { timeout: 15_000 }).toMatch(/\(tu hora\)$/);
      const lines = await openingLines(opened.page);
      expect(lines.reader).toBeNull();
      expect(Object.values(lines.built).filter((text) => text.endsWith('(tu hora)'))).toHaveLength(1);
      // Choosing another zone takes the mark away and draws the reader's line again.
      await opened.page.locator('#zone-picker-select').selectOption('Europe/Madrid');
      const chosen = await openingLines(opened.page);
      expect(Object.values(chosen.built).some((text) => text.includes('(tu hora)'))).toBe(false);
      expect(chosen.reader).toBe('16:00–16:20 Hora de España (UTC+1) (tu hora)');
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it.each([
    // Havana went back from 01:00 CDT to 00:00 CST on 1 Nov 2020: the range runs backwards on the clock.
    ['America/Havana', '2020-11-01T04:30:00Z', '2020-11-01T05:15:00Z', '2020-11-01'],
    // Madrid went back from 03:00 CEST to 02:00 CET on 25 Oct 2020.
    ['Europe/Madrid', '2020-10-25T00:30:00Z', '2020-10-25T01:30:00Z', '2020-10-24'],
    // Lord Howe Island went back half an hour, from 02:00 to 01:30, on 4 Apr 2021.
    ['Australia/Lord_Howe', '2021-04-03T14:45:00Z', '2021-04-03T15:15:00Z', '2021-04-03'],
    // Chile went forward at midnight on 6 Sep 2020: 00:00 → 01:00.
    ['America/Santiago', '2020-09-06T03:30:00Z', '2020-09-06T04:30:00Z', '2020-09-05'],
  ])('in %s, across a change, gives each end the oracle’s time, offset and day', async (zone, startIso, endIso, sessionDate) => {
    const opened = await openPage(site.browser, site.server, { timezoneId: zone });
    try {
      const { page } = opened;
      await page.goto(site.server.url(pagePath('programme', 'es')));
      await expect.poll(async () => (await openingLines(page)).reader, { timeout: 15_000 }).not.toBeNull();
      // The same built page, with the opening moved onto the change; the picker redraws on a change of choice.
      await page.locator(`${OPENING} [data-times]`).evaluate(
        (block, [s, e, d]) => {
          block.setAttribute('data-date', d!);
          const chosen = block.querySelector('[data-chosen]')!;
          const [start, end] = chosen.querySelectorAll('time');
          start!.setAttribute('datetime', s!);
          end!.setAttribute('datetime', e!);
        },
        [startIso, endIso, sessionDate],
      );
      await page.locator('#zone-picker-select').selectOption('');
      await page.locator('#zone-picker-select').selectOption('local');
      const reader = (await openingLines(page)).reader ?? '';
      const s = oracleWall(new Date(startIso), zone);
      const e = oracleWall(new Date(endIso), zone);
      const clock = (w: typeof s) => `${w.hours}:${String(w.minutes).padStart(2, '0')}`;
      const shared = s.offset === e.offset;
      expect(reader.startsWith(shared ? `${clock(s)}` : `${clock(s)} (${offsetLabel(s.offset)}) – ${clock(e)} (`)).toBe(true);
      const endOffset = offsetLabel(e.offset).replace('+', '\\+');
      if (!shared) expect(reader).toMatch(new RegExp(`– ${clock(e)} \\((?:[^)]*${Number(e.date.slice(8))}[^)]*, )?${endOffset}\\)`));
      // A start on another day than the session's date is said, after the zone's name.
      if (s.date !== sessionDate) expect(reader).toMatch(new RegExp(`· [^(]*\\b${Number(s.date.slice(8))}\\b`));
      else expect(reader).not.toContain('·');
      expect(reader).toMatch(/\(tu hora\)$/);
      expect(reader).not.toMatch(/\//);
      expect(opened.problemList()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
