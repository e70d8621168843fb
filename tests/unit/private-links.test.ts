import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDayLinks, checkPrivateTextLinks, isMeetingServiceUrl, isPrivateTextLink, mayShowLiveLinks } from '../../content-models/validation/privateLinks';
import { privateTextLinkRule } from '../../site/lib/content/links';
import { loadSite } from '../../site/lib/content/load';
import { ContentValidationError } from '../../site/lib/content/problems';
import { ndjsonSource } from '../../site/lib/content/source';
import { renderPortableText } from '../../site/lib/portable-text';

/**
 * Private links stay private: a join or stream link only where the session and its day are both
 * public, and no way in hidden in the text of a participants-only session. One set of pure rules
 * (content-models/validation/privateLinks.ts) serves the Studio, the build and the renderer.
 */

const block = (href: string, key = 'l1') => ({
  _type: 'block',
  _key: `b-${key}`,
  markDefs: [{ _type: 'link', _key: key, href }],
  children: [{ _type: 'span', _key: 's', text: 'Sala de la sesión', marks: [key] }],
});

describe('the rules', () => {
  it.each([
    ['https://us02web.zoom.us/j/123?pwd=x', true],
    ['https://zoom.us/j/1', true],
    ['https://meet.google.com/abc-defg-hij', true],
    ['https://teams.microsoft.com/l/meetup-join/x', true],
    ['https://meet.jit.si/pifcss', true],
    ['https://pifcss.webex.com/meet/x', true],
    ['https://www.youtube.com/live/abc', true],
    ['https://www.youtube.com/watch?v=abc', false],
    ['https://cooperacionsursur.org/zoom.us', false],
    ['https://notzoom.us/j/1', false],
    ['not a url', false],
  ])('%s is a meeting or streaming service: %s', (url, expected) => {
    expect(isMeetingServiceUrl(url)).toBe(expected);
  });

  it('shows live links only when the session and its day are both public', () => {
    expect(mayShowLiveLinks('public', 'public')).toBe(true);
    expect(mayShowLiveLinks('public', 'participants')).toBe(false);
    expect(mayShowLiveLinks('participants', 'public')).toBe(false);
    expect(mayShowLiveLinks('public', undefined)).toBe(false);
  });

  it('refuses a join or stream link of a public session on a participants-only day, naming the day', () => {
    const day = { date: '2020-10-28', access: 'participants', title: 'Taller virtual parte 1' };
    const issues = checkDayLinks('public', day, [{ kind: 'material' }, { kind: 'join' }, { kind: 'stream' }]);
    expect(issues.map((i) => `${i.level} ${i.path}`)).toEqual(['error links[1].kind', 'error links[2].kind']);
    expect(issues[0]?.message).toContain('28 de octubre de 2020');
    expect(issues[0]?.message).toContain('«Taller virtual parte 1»');
    expect(checkDayLinks('public', { ...day, access: 'public' }, [{ kind: 'join' }])).toEqual([]);
    // The session's own access is checkSessionLinks's rule, not repeated here.
    expect(checkDayLinks('participants', day, [{ kind: 'join' }])).toEqual([]);
  });

  it('refuses, in a private session’s text, a meeting service or one of the event’s live addresses', () => {
    const live = ['https://pifcss.org/sala-privada'];
    const text = {
      es: [block('https://pifcss.org/programa'), block('https://pifcss.org/sala-privada/'), block('https://meet.google.com/x')],
      en: [block('HTTPS://PIFCSS.ORG/sala-privada')],
    };
    expect(checkPrivateTextLinks(false, text, live).map((i) => i.path)).toEqual(['es[1]', 'es[2]', 'en[0]']);
    expect(checkPrivateTextLinks(true, text, live)).toEqual([]);
    expect(isPrivateTextLink('https://pifcss.org/programa', { mayShowLive: false, liveUrls: live })).toBe(false);
  });
});

describe('the site', () => {
  it('renders a private link as plain text, and keeps ordinary links', () => {
    const blocks = [block('https://zoom.us/j/99', 'a'), block('https://pifcss.org/', 'b')];
    const closed = renderPortableText(blocks, { privateLinks: { mayShowLive: false, liveUrls: [] } });
    expect(closed).not.toContain('zoom.us');
    expect(closed).toContain('<a href="https://pifcss.org/">');
    expect(closed).toContain('Sala de la sesión');
    expect(renderPortableText(blocks, { privateLinks: { mayShowLive: true, liveUrls: [] } })).toContain('href="https://zoom.us/j/99"');
  });

  const dir = mkdtempSync(path.join(tmpdir(), 'sts-private-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const seed = readFileSync(path.resolve('studio/seed/production.ndjson'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const variant = (name: string, edit: (doc: Record<string, unknown>) => Record<string, unknown>) => {
    const file = path.join(dir, `${name}.ndjson`);
    writeFileSync(file, `${seed.map((d) => JSON.stringify(edit(d))).join('\n')}\n`);
    return file;
  };

  it('refuses to build a public session of a participants-only day with a join link, naming the day', async () => {
    const file = variant('day', (d) =>
      d._id === 'session-espacio-interactivo-1'
        ? { ...d, access: 'public', links: [{ _key: 'j', _type: 'link', kind: 'join', url: 'https://zoom.us/j/1' }] }
        : d,
    );
    const error = await loadSite('es', ndjsonSource(file)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentValidationError);
    const problems = (error as ContentValidationError).problems.filter((p) => p.documentId === 'session-espacio-interactivo-1');
    expect(problems.map((p) => p.field)).toEqual(['links[0].kind']);
    expect(problems[0]?.message).toContain('28 de octubre de 2020');
  });

  it('refuses to build a participants-only session whose description links a meeting', async () => {
    const file = variant('text', (d) =>
      d._id === 'session-espacio-interactivo-2'
        ? { ...d, description: { _type: 'localeBlockContent', es: [block('https://meet.google.com/abc-defg-hij')] } }
        : d,
    );
    const error = await loadSite('es', ndjsonSource(file)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentValidationError);
    expect((error as ContentValidationError).problems.map((p) => `${p.documentId} ${p.field}`)).toEqual(['session-espacio-interactivo-2 description[0]']);
  });

  it('offers no live link for a session on a participants-only day, even from the event', async () => {
    const site = await loadSite(
      'es',
      ndjsonSource(
        variant('event', (d) =>
          d._type === 'event' ? { ...d, links: [{ _key: 's', _type: 'link', kind: 'stream', url: 'https://www.youtube.com/live/abc' }] } : d,
        ),
      ),
    );
    const open = site.sessions.find((s) => s._id === 'session-inauguracion');
    const closed = site.sessions.find((s) => s._id === 'session-espacio-interactivo-1');
    if (!open || !closed) throw new Error('the seed lost a session');
    expect(open.shownLinks.map((l) => l.kind)).toContain('stream');
    expect(closed.shownLinks).toEqual([]);
    expect(privateTextLinkRule(closed, site)).toEqual({ mayShowLive: false, liveUrls: ['https://www.youtube.com/live/abc'] });
  });
});
