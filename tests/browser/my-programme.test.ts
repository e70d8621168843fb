import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { openPage, useSiteInBrowser } from '../support/browser';

const site = useSiteInBrowser();

/** The VEVENT blocks of an .ics text, unfolded, keyed by UID. */
function events(ics: string): Map<string, string> {
  const comp = new ICAL.Component(ICAL.parse(ics));
  return new Map(comp.getAllSubcomponents('vevent').map((e) => [String(e.getFirstPropertyValue('uid')), e.toString()]));
}

describe('my programme, without an account', () => {
  it('stars toggle with aria-pressed, persist across pages, and list the starred sessions', async () => {
    const { page, problemList, close } = await openPage(site.browser, site.server);
    await page.goto(site.server.url('/programa/'));
    const star = page.locator('[data-session="session-mesa-de-reflexion-2"] button.star');
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    expect(await star.getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-session="session-espacio-interactivo-4"] button.star').press('Enter');

    await page.goto(site.server.url('/programa/mesa-de-reflexion-2/'));
    const served = await (await page.goto(site.server.url('/mi-programa/')))?.text();
    // The page carries no session: the cards come from my-programme.json.
    expect(served).not.toMatch(/data-session="|Mesa de reflexión 2/);
    const cards = page.locator('[data-mine] [data-session]');
    await expect
      .poll(() => cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-session'))), { timeout: 10_000 })
      .toEqual(['session-mesa-de-reflexion-2', 'session-espacio-interactivo-4']);
    expect(await page.locator('[data-mine-empty]').isHidden()).toBe(true);
    // Under their days, with the date, the built times and the reader's own line.
    expect(await page.locator('.mine-day h2 time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')))).toEqual(['2020-10-26', '2020-10-30']);
    expect(await page.locator('.mine-day h2').first().textContent()).toBe('lunes, 26 de octubre de 2020');
    const first = page.locator('[data-session="session-mesa-de-reflexion-2"]');
    expect(await first.locator('p.ref').textContent()).toMatch(/^\s*9:30–10:30 Hora de Guatemala \(UTC−6\)/);
    expect(await first.locator('h3 a').getAttribute('href')).toBe('/programa/mesa-de-reflexion-2/');
    expect(await first.locator('button.star').getAttribute('aria-pressed')).toBe('true');
    const programmeCard = await page.context().newPage();
    await programmeCard.goto(site.server.url('/programa/'));
    const builtPeople = await programmeCard.locator('[data-session="session-mesa-de-reflexion-2"] .people').textContent();
    await programmeCard.close();
    expect((await first.locator('.people').textContent())?.replace(/\s+/g, ' ')).toBe(builtPeople?.replace(/\s+/g, ' '));

    // Un-starring on this page removes it at once.
    await first.locator('button.star').click();
    expect(await page.locator('[data-mine]').count()).toBe(1);
    // Navigating away quickly may abort the favicon request; that is the test's haste, not a fault.
    expect(problemList().filter((p) => !/favicon\.svg: net::ERR_ABORTED/.test(p))).toEqual([]);
    await close();
  });

  it('downloads an .ics of just the starred sessions, identical to the published entries', async () => {
    const { page, problemList, close } = await openPage(site.browser, site.server, { context: { acceptDownloads: true } });
    await page.goto(site.server.url('/en/my-programme/'));
    await page.evaluate(() => localStorage.setItem('seminario.starred', JSON.stringify(['session-inauguracion', 'session-recapitulacion'])));
    await page.reload();
    await page.locator('[data-mine]').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-mine-download]').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const mine = events(text);
    expect([...mine.keys()].sort()).toEqual(['session-inauguracion@seminario-taller-css.pifcss', 'session-recapitulacion@seminario-taller-css.pifcss']);
    const published = events(readFileSync('dist/en/ics/evento.ics', 'utf8'));
    for (const [uid, vevent] of mine) expect(vevent).toBe(published.get(uid));
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(problemList().filter((p) => !/favicon\.svg: net::ERR_ABORTED/.test(p))).toEqual([]);
    await close();
  });

  it('says the list is empty when nothing is starred, and hides the stars without JavaScript', async () => {
    const a = await openPage(site.browser, site.server);
    await a.page.goto(site.server.url('/pt/meu-programa/'));
    expect(await a.page.locator('[data-mine-empty]').isVisible()).toBe(true);
    expect(await a.page.locator('[data-mine-download]').isHidden()).toBe(true);
    // …and offers the programme's days as a way in, each a visible link to its day.
    const days = a.page.locator('[data-mine-empty] nav a');
    expect(await days.evaluateAll((els) => els.map((e) => e.getAttribute('href')))).toEqual([
      '/pt/programa/#day-2020-10-26',
      '/pt/programa/#day-2020-10-28',
      '/pt/programa/#day-2020-10-30',
    ]);
    expect(await days.first().isVisible()).toBe(true);
    await days.nth(1).click();
    await a.page.waitForURL(/\/pt\/programa\/#day-2020-10-28$/);
    expect(await a.page.locator('#day-2020-10-28').isVisible()).toBe(true);
    await a.close();
    const b = await openPage(site.browser, site.server, { javaScriptEnabled: false });
    await b.page.goto(site.server.url('/programa/'));
    expect(await b.page.locator('button.star').first().isHidden()).toBe(true);
    // My programme needs its script, and says so.
    await b.page.goto(site.server.url('/en/my-programme/'));
    expect(await b.page.locator('main').textContent()).toContain('This feature needs JavaScript.');
    expect(await b.page.locator('[data-mine-download]').isHidden()).toBe(true);
    await b.close();
  });
});

describe('now and next', () => {
  it('marks the session in progress and the next one during an event day, with a jump link', async () => {
    const { page, close } = await openPage(site.browser, site.server);
    // 26 Oct 2020, 10:40 in Guatemala: both mesas ended at 10:30; nothing runs; the next is… none that day.
    // 09:35 in Guatemala: the two concurrent mesas are in progress.
    await page.clock.setFixedTime(new Date('2020-10-26T15:35:00Z'));
    await page.goto(site.server.url('/programa/'));
    const now = await page.locator('.card.is-now').evaluateAll((els) => els.map((e) => e.getAttribute('data-session')));
    expect(now).toEqual(['session-mesa-de-reflexion-1', 'session-mesa-de-reflexion-2']);
    expect(await page.locator('[data-session="session-mesa-de-reflexion-1"] [data-now-next]').textContent()).toBe('Ahora');
    const jump = page.locator('[data-jump-now]');
    expect(await jump.isVisible()).toBe(true);
    expect(await jump.getAttribute('href')).toBe('#s-mesa-de-reflexion-1');
    await close();
  });

  it('marks the next session between sessions', async () => {
    const { page, close } = await openPage(site.browser, site.server);
    await page.clock.setFixedTime(new Date('2020-10-28T14:55:00Z')); // 8:55 Guatemala, before the 9:00 start
    await page.goto(site.server.url('/en/programme/'));
    expect(await page.locator('.card.is-now').count()).toBe(0);
    const next = await page.locator('.card.is-next').evaluateAll((els) => els.map((e) => e.getAttribute('data-session')));
    expect(next).toEqual(['session-objetivos-y-metodologia-del-taller']);
    expect(await page.locator('.card.is-next [data-now-next]').textContent()).toBe('Next');
    await close();
  });

  it("marks My programme's cards too, once they are drawn from data", async () => {
    const { page, problemList, close } = await openPage(site.browser, site.server);
    const starred = ['session-inauguracion', 'session-mesa-de-reflexion-1', 'session-objetivos-y-metodologia-del-taller'];
    await page.addInitScript((ids) => localStorage.setItem('seminario.starred', JSON.stringify(ids)), starred);
    const marks = () =>
      page
        .locator('.card.is-now, .card.is-next')
        .evaluateAll((els) => els.map((e) => `${e.className.match(/is-(now|next)/)?.[0]} ${e.getAttribute('data-session')}`));
    // 9:35 in Guatemala on 26 Oct: Mesa 1 is in progress (the opening is over); nothing starred comes next that day.
    await page.clock.setFixedTime(new Date('2020-10-26T15:35:00Z'));
    await page.goto(site.server.url('/mi-programa/'));
    await expect.poll(() => page.locator('[data-mine]').count(), { timeout: 10_000 }).toBe(3);
    expect(await marks()).toEqual(['is-now session-mesa-de-reflexion-1']);
    expect(await page.locator('[data-session="session-mesa-de-reflexion-1"] [data-now-next]').textContent()).toBe('Ahora');
    // 8:55 in Guatemala on 28 Oct, in English: the workshop's first session is next.
    await page.clock.setFixedTime(new Date('2020-10-28T14:55:00Z'));
    await page.goto(site.server.url('/en/my-programme/'));
    await expect.poll(() => page.locator('[data-mine]').count(), { timeout: 10_000 }).toBe(3);
    expect(await marks()).toEqual(['is-next session-objetivos-y-metodologia-del-taller']);
    expect(await page.locator('.card.is-next [data-now-next]').textContent()).toBe('Next');
    // Un-starring redraws the cards; the marks are set again on the new ones.
    await page.locator('[data-session="session-inauguracion"] button.star').click();
    expect(await marks()).toEqual(['is-next session-objetivos-y-metodologia-del-taller']);
    expect(problemList()).toEqual([]);
    await close();
  });

  it('changes nothing outside the event days', async () => {
    const { page, close } = await openPage(site.browser, site.server);
    await page.clock.setFixedTime(new Date('2020-10-27T15:35:00Z'));
    await page.goto(site.server.url('/programa/'));
    expect(await page.locator('.card.is-now, .card.is-next').count()).toBe(0);
    expect(await page.locator('[data-jump-now]').isHidden()).toBe(true);
    await close();
  });
});

describe('filters', () => {
  const visibleSessions = (page: import('playwright-core').Page) =>
    page
      .locator('.programme .card')
      .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute('data-session')));

  it('filter by access and day without JavaScript', async () => {
    const { page, close } = await openPage(site.browser, site.server, { javaScriptEnabled: false });
    await page.goto(site.server.url('/programa/'));
    await page.locator('.filters-box summary').click();
    const all = await visibleSessions(page);
    expect(all.length).toBe(12);
    await page.locator('#f-access-public').check();
    expect(await visibleSessions(page)).toEqual(['session-inauguracion', 'session-introduccion', 'session-mesa-de-reflexion-1', 'session-mesa-de-reflexion-2']);
    await page.locator('input[name="access"][value=""]').check();
    await page.locator('#f-day-2020-10-30').check();
    expect((await visibleSessions(page)).length).toBe(4);
    await page.locator('#f-kind-workshop').check();
    expect(await visibleSessions(page)).toEqual(['session-espacio-interactivo-3', 'session-espacio-interactivo-4']);
    await close();
  });

  it('announces the result to screen readers and hides emptied groups with JavaScript', async () => {
    const { page, close } = await openPage(site.browser, site.server);
    await page.goto(site.server.url('/programa/'));
    await page.locator('.filters-box summary').click();
    await page.locator('#f-kind-opening').check();
    await expect.poll(() => page.locator('[data-filter-status]').textContent()).toBe('Se muestran 2 sesiones.');
    expect(await page.locator('.concurrent').isHidden()).toBe(true);
    expect(await page.locator('#day-2020-10-30 [data-no-match]').isVisible()).toBe(true);
    await page.locator('#f-kind-panel').check();
    await expect.poll(() => page.locator('[data-filter-status]').textContent()).toBe('Se muestran 2 sesiones.');
    expect(await page.locator('.concurrent').isVisible()).toBe(true);
    await close();
  });
});
