import { evaluate, parse } from 'groq-js';
import { describe, expect, it } from 'vitest';
import { siteQuery } from '../../content-models/queries';
import { buildSite } from '../../site/lib/content/load';
import { ContentValidationError } from '../../site/lib/content/problems';
import { embedUrlOf, VIDEO_HOSTS } from '../../site/lib/hosting/video-hosts';
import { buildNow, eventSpan, nowAndNext, phaseAt } from '../../site/lib/phase';
import { LIFE, lifeDocuments, PHASE_NOW } from '../support/event-life';

/** The site built in memory from the generated dataset (support/event-life.ts), with one change. */
async function siteWith(change: (docs: ReturnType<typeof lifeDocuments>) => void = () => {}) {
  const docs = lifeDocuments();
  change(docs);
  const result = await (await evaluate(parse(siteQuery, { params: { lang: 'es' } }), { dataset: docs, params: { lang: 'es' } })).get();
  return buildSite(result, 'es', 'event-life test', { warn: () => {}, studioUrl: undefined });
}

describe('which recordings play on the page', () => {
  it.each([
    ['https://www.youtube.com/watch?v=AbCdEfGhIjK', 'https://www.youtube-nocookie.com/embed/AbCdEfGhIjK'],
    ['https://youtu.be/AbCdEfGhIjK?t=90', 'https://www.youtube-nocookie.com/embed/AbCdEfGhIjK?start=90'],
    ['https://www.youtube.com/live/AbCdEfGhIjK', 'https://www.youtube-nocookie.com/embed/AbCdEfGhIjK'],
    ['https://m.youtube.com/watch?v=AbCdEfGhIjK&feature=share', 'https://www.youtube-nocookie.com/embed/AbCdEfGhIjK'],
    ['https://vimeo.com/123456', 'https://player.vimeo.com/video/123456'],
    ['https://vimeo.com/123456/abcdef01', 'https://player.vimeo.com/video/123456?h=abcdef01'],
    ['https://player.vimeo.com/video/123456', 'https://player.vimeo.com/video/123456'],
  ])('%s plays as %s', (url, embed) => {
    expect(embedUrlOf(url)).toBe(embed);
    expect(VIDEO_HOSTS).toContain(new URL(embed).hostname);
  });

  it.each([
    'https://media.example.org/inauguracion.mp4',
    'https://www.youtube.com.example.org/watch?v=AbCdEfGhIjK',
    'https://www.youtube.com/watch?v=AbC"><script>',
    'https://user:pass@www.youtube.com/watch?v=AbCdEfGhIjK',
    'http://www.youtube.com/watch?v=AbCdEfGhIjK',
    'https://www.youtube.com/channel/UC123',
    'https://vimeo.com/channels/staffpicks',
    'javascript:alert(1)',
  ])('%s is only ever a link', (url) => {
    expect(embedUrlOf(url)).toBeNull();
  });

  it('derives the player address of each recording and keeps the rest as links', async () => {
    const site = await siteWith();
    const opening = site.sessions.find((s) => s._id === LIFE.session)!;
    expect(opening.recordings.map((r) => [r.url, r.embedUrl])).toEqual([
      [LIFE.youtube.url, LIFE.youtube.embed],
      [LIFE.vimeo.url, LIFE.vimeo.embed],
      [LIFE.unlisted, null],
    ]);
    expect([opening.qaUrl, opening.feedbackUrl]).toEqual([LIFE.qa, LIFE.feedback]);
  });
});

describe('hostile addresses stop the build, naming the document and the field', () => {
  it.each([
    [
      'recordings[0].url',
      'javascript:alert(document.cookie)',
      (s: Record<string, unknown>, url: string) => ((s.recordings as { url: string }[])[0]!.url = url),
    ],
    [
      'recordings[2].url',
      'data:text/html,<script>alert(1)</script>',
      (s: Record<string, unknown>, url: string) => ((s.recordings as { url: string }[])[2]!.url = url),
    ],
    ['qaUrl', 'javascript:alert(1)', (s: Record<string, unknown>, url: string) => (s.qaUrl = url)],
    ['feedbackUrl', ' https://forms.example.org/x', (s: Record<string, unknown>, url: string) => (s.feedbackUrl = url)],
  ])('%s = %s', async (field, url, set) => {
    const attempt = siteWith((docs) => set(docs.find((d) => d._id === LIFE.session)!, url));
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContentValidationError);
    const problems = (error as ContentValidationError).problems.map((p) => `${p.documentId} ${p.field}`);
    expect(problems).toEqual([`${LIFE.session} ${field}`]);
  });
});

describe('where the event stands, as the build sees it', () => {
  it('reads SITE_NOW, and refuses what is not an instant', () => {
    expect(buildNow({ SITE_NOW: PHASE_NOW.live }).toISOString()).toBe('2020-10-26T15:05:00.000Z');
    expect(() => buildNow({ SITE_NOW: '26/10/2020 9:05' })).toThrow(/SITE_NOW/u);
    expect(() => buildNow({ SITE_NOW: '2020-10-26T15:05' })).toThrow(/SITE_NOW/u);
    expect(Math.abs(buildNow({}).getTime() - Date.now())).toBeLessThan(5_000);
  });

  it('is live from the first start to the last end, and marks the opening now and the introduction next', async () => {
    const site = await siteWith();
    const span = eventSpan(site)!;
    expect(phaseAt(new Date(PHASE_NOW.before), span)).toBe('before');
    expect(phaseAt(span.start, span)).toBe('live');
    expect(phaseAt(new Date(span.end.getTime() - 1), span)).toBe('live');
    expect(phaseAt(span.end, span)).toBe('after');
    expect(phaseAt(new Date(PHASE_NOW.after), null)).toBe('before');
    const marks = nowAndNext(site.sessions, new Date(PHASE_NOW.live), site.event.timeZone);
    expect([marks.now.map((s) => s._id), marks.next.map((s) => s._id)]).toEqual([[LIFE.session], [LIFE.next]]);
    // On the day between (27 October) the programme marks nothing; the home page points at the 28th.
    const between = new Date('2020-10-27T18:00:00Z');
    expect(nowAndNext(site.sessions, between, site.event.timeZone)).toEqual({ now: [], next: [] });
    expect(nowAndNext(site.sessions, between).next.map((s) => s.date)).toEqual(['2020-10-28']);
  });
});
