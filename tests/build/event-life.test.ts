import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filePath, languages, pagePath } from '../../content-models/routes';
import { nginxSnippets } from '../../site/lib/hosting/nginx';
import { VIDEO_HOSTS } from '../../site/lib/hosting/video-hosts';
import { type BuildRun, removeOutDir, runBuild, tempOutDir } from '../support/build';
import { pageDocument, readableText } from '../support/dist';
import { LIFE, PHASE_NOW, writeLifeDataset } from '../support/event-life';

/**
 * The event's life (issue #20) as the build writes it, over a generated dataset (support/event-life.ts):
 * recordings, Q&A and feedback in pages, schedule.json and calendars; the video hosts in frame-src;
 * and the static phase of each page, chosen by the build's clock (`SITE_NOW`), which is what a
 * reader without JavaScript sees. The live phase's static page is read in tests/browser/event-life.test.ts.
 */

async function buildAt(now: string, label: string): Promise<BuildRun> {
  const outDir = tempOutDir(label);
  const dataset = path.join(path.dirname(outDir), 'life.ndjson');
  writeLifeDataset(dataset);
  const run = await runBuild({ outDir, env: { CONTENT_DATASET_FILE: dataset, SITE_NOW: now }, timeoutMs: 280_000 });
  if (run.code !== 0) throw new Error(`build failed:\n${run.output}`);
  return run;
}

const sourcesOf = (policy: string, directive: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === directive)
    ?.slice(1) ?? null;

/** What shows without JavaScript: the outermost `[data-when]` blocks the CSS leaves visible under the root's phase. */
const shownBlocks = (root: Element) =>
  [...root.querySelectorAll('[data-when]')].filter(
    (b) =>
      !b.parentElement?.closest('[data-when]') &&
      b
        .getAttribute('data-when')
        ?.split(' ')
        .includes(root.getAttribute('data-phase') ?? ''),
  );

describe('after the event (SITE_NOW after the last session)', () => {
  let run: BuildRun;
  beforeAll(async () => {
    run = await buildAt(PHASE_NOW.after, 'life-after');
  }, 300_000);
  afterAll(() => run && removeOutDir(run.outDir));

  it.each(languages)('the home page (%s) says the event took place and leads with the recorded session', (lang) => {
    const doc = pageDocument(pagePath('home', lang), run.outDir);
    const root = doc.querySelector('.event-phase');
    expect(root?.getAttribute('data-phase')).toBe('after');
    const shown = shownBlocks(root!);
    expect(shown.map((b) => b.querySelector('h2')?.id).filter(Boolean)).toEqual(['phase-after-h']);
    const after = shown[0]!;
    expect(readableText(after)).toMatch(/tuvo lugar|took place|aconteceu/u);
    expect([...after.querySelectorAll('.recorded a')].map((a) => a.getAttribute('href'))).toEqual([`${pagePath('session', lang, LIFE.slug)}#recordings-h`]);
    // Registration ends with the event.
    expect(root!.querySelector(`[data-when="before live"] a[href="${LIFE.registration}"]`)).not.toBeNull();
    // The report and the products follow the recordings, whether or not they hold anything yet.
    expect([...after.querySelectorAll('.button-row a')].map((a) => a.getAttribute('href'))).toEqual([pagePath('report', lang), pagePath('products', lang)]);
  });

  it('puts every page in the after phase, so how-to-take-part lines and the tentative note hide', () => {
    for (const kind of ['programme', 'home'] as const) {
      const doc = pageDocument(pagePath(kind, 'pt'), run.outDir);
      expect(doc.body.getAttribute('data-phase'), kind).toBe('after');
      const lines = [...doc.querySelectorAll('.take-part')];
      expect(lines.length, kind).toBeGreaterThan(0);
      for (const line of lines) expect(line.getAttribute('data-when'), kind).toBe('before live');
    }
  });

  it('plays listed hosts only after a press and links every other recording', () => {
    const doc = pageDocument(pagePath('session', 'es', LIFE.slug), run.outDir);
    const players = [...doc.querySelectorAll('[data-player]')];
    expect(players.map((p) => p.getAttribute('data-player'))).toEqual([LIFE.youtube.embed, LIFE.vimeo.embed]);
    // Without JavaScript each is a link to the video's own page; nothing is framed until asked.
    expect(players.map((p) => p.querySelector('a')?.getAttribute('href'))).toEqual([LIFE.youtube.url, LIFE.vimeo.url]);
    expect(readableText(players[0]!)).toContain(LIFE.titles.es);
    expect(readableText(players[1]!)).toMatch(/portugués/u);
    expect(doc.querySelectorAll('iframe')).toHaveLength(0);
    const unlisted = doc.querySelector(`a[href="${LIFE.unlisted}"]`);
    expect(unlisted).not.toBeNull();
    expect(unlisted?.closest('[data-player]')).toBeNull();
    // Feedback after the session, Q&A only while it runs.
    const followUp = doc.querySelector('.follow-up');
    expect(followUp?.getAttribute('data-phase')).toBe('after');
    expect(shownBlocks(followUp!).map((b) => b.querySelector('a')?.getAttribute('href'))).toEqual([LIFE.feedback]);
  });

  it('lists recordings and the feedback form in schedule.json, in each language', () => {
    for (const [lang, title] of [
      ['es', LIFE.titles.es],
      ['en', LIFE.titles.en],
    ] as const) {
      const json = JSON.parse(readFileSync(path.join(run.outDir, filePath(lang, 'schedule.json')), 'utf8'));
      const events = json.schedule.conference.days.flatMap((d: { rooms: Record<string, unknown[]> }) => Object.values(d.rooms).flat()) as {
        slug: string;
        links: { url: string; title: string }[];
        feedback_url?: string;
      }[];
      const opening = events.find((e) => e.slug === LIFE.slug)!;
      expect(opening.feedback_url).toBe(LIFE.feedback);
      expect(opening.links.map((l) => l.url)).toEqual(expect.arrayContaining([LIFE.join, LIFE.youtube.url, LIFE.vimeo.url, LIFE.unlisted]));
      expect(opening.links.find((l) => l.url === LIFE.youtube.url)?.title).toBe(title);
      expect(events.filter((e) => e.feedback_url !== undefined).map((e) => e.slug)).toEqual([LIFE.slug]);
    }
  });

  it("writes recordings, Q&A and feedback into the session's calendar description", () => {
    const ics = readFileSync(path.join(run.outDir, filePath('en', `ics/sesion-${LIFE.slug}.ics`)), 'utf8').replace(/\r\n[ \t]/g, '');
    const description =
      ics
        .split('\r\n')
        .find((line) => line.startsWith('DESCRIPTION'))
        ?.replace(/\\n/g, '\n') ?? '';
    for (const url of [LIFE.youtube.url, LIFE.vimeo.url, LIFE.unlisted, LIFE.qa, LIFE.feedback]) expect(description).toContain(url);
    expect(description).toContain(`${LIFE.titles.en}: ${LIFE.youtube.url}`);
    expect(description).toMatch(/Recording \(Portuguese\): https:\/\/vimeo\.com\/123456/u);
  });

  it('frames exactly the listed video hosts, in _headers, the meta policy and nginx', () => {
    const expected = VIDEO_HOSTS.map((host) => `https://${host}`);
    expect(expected).toContain('https://www.youtube-nocookie.com');
    const headers = readFileSync(path.join(run.outDir, '_headers'), 'utf8');
    const policies = headers.split('\n').filter((l) => l.trim().startsWith('Content-Security-Policy:'));
    expect(policies.length).toBeGreaterThan(0);
    for (const line of policies) expect(sourcesOf(line.split(':').slice(1).join(':'), 'frame-src')).toEqual(expected);
    const meta = pageDocument(pagePath('session', 'pt', LIFE.slug), run.outDir).querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(sourcesOf(meta?.getAttribute('content') ?? '', 'frame-src')).toEqual(expected);
    const nginx = Object.values(nginxSnippets({ root: run.outDir })).join('\n');
    const nginxPolicies = [...nginx.matchAll(/Content-Security-Policy "([^"]+)"/g)].map((m) => m[1]!);
    expect(nginxPolicies.length).toBeGreaterThan(0);
    for (const policy of nginxPolicies) expect(sourcesOf(policy, 'frame-src')).toEqual(expected);
  });

  it('marks no session now or next on the programme', () => {
    const doc = pageDocument(pagePath('programme', 'es'), run.outDir);
    expect(doc.querySelectorAll('.is-now, .is-next')).toHaveLength(0);
    expect(doc.querySelector('[data-jump-now]')?.hasAttribute('hidden')).toBe(true);
  });
});

describe('before the event (SITE_NOW a week before)', () => {
  let run: BuildRun;
  beforeAll(async () => {
    run = await buildAt(PHASE_NOW.before, 'life-before');
  }, 300_000);
  afterAll(() => run && removeOutDir(run.outDir));

  it.each(languages)('the home page (%s) shows the start, registration and the calendar, and no recordings block', (lang) => {
    const doc = pageDocument(pagePath('home', lang), run.outDir);
    const root = doc.querySelector('.event-phase')!;
    expect(root.getAttribute('data-phase')).toBe('before');
    const shown = shownBlocks(root);
    expect(shown.map((b) => b.querySelector('h2')?.id ?? b.tagName.toLowerCase())).toEqual(['phase-before-h', 'ul']);
    // The static countdown names the first day; the browser turns it into "in 7 days".
    expect(readableText(shown[0]!)).toMatch(/26/u);
    const hrefs = [...shown[1]!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([LIFE.registration, filePath(lang, 'ics/evento.ics')]);
  });

  it('keeps how-to-take-part lines on every page before the event', () => {
    const doc = pageDocument(pagePath('session', 'es', LIFE.slug), run.outDir);
    expect(doc.body.getAttribute('data-phase')).toBe('before');
    expect(doc.querySelector('.take-part')?.getAttribute('data-when')).toBe('before live');
  });

  it('offers neither Q&A nor feedback on the session page yet', () => {
    const followUp = pageDocument(pagePath('session', 'en', LIFE.slug), run.outDir).querySelector('.follow-up')!;
    expect(followUp.getAttribute('data-phase')).toBe('before');
    expect(shownBlocks(followUp)).toHaveLength(0);
  });
});
