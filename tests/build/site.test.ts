import { readFileSync } from 'node:fs';
import { fromZonedTime } from 'date-fns-tz';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileForPath, htmlPages, pageDocument, readableText, requireDist } from '../support/dist';
import { publishedOfType, readNdjson, slugOf } from '../support/ndjson';

const docs = readNdjson();
const sessions = publishedOfType(docs, 'session');
const speakers = publishedOfType(docs, 'speaker');
const event = publishedOfType(docs, 'event')[0]!;
const langs = [
  { lang: 'es', prefix: '/', programme: 'programa', speakers: 'ponentes', conceptNote: 'nota-conceptual' },
  { lang: 'en', prefix: '/en/', programme: 'programme', speakers: 'speakers', conceptNote: 'concept-note' },
  { lang: 'pt', prefix: '/pt/', programme: 'programa', speakers: 'palestrantes', conceptNote: 'nota-conceitual' },
] as const;

let pages: string[] = [];
beforeAll(() => {
  requireDist();
  pages = htmlPages();
});

describe('the pages the product asks for exist', () => {
  it.each(langs)('builds home, programme, speakers and concept note in $lang', ({ prefix, programme, speakers: sp, conceptNote }) => {
    for (const p of [prefix, `${prefix}${programme}/`, `${prefix}${sp}/`, `${prefix}${conceptNote}/`]) {
      expect(fileForPath(p), p).not.toBeNull();
    }
  });

  it.each(langs)('builds a page for every session and every speaker in $lang', ({ prefix, programme, speakers: sp }) => {
    expect(sessions.length).toBeGreaterThan(0);
    for (const s of sessions) expect(fileForPath(`${prefix}${programme}/${slugOf(s)}/`), slugOf(s)).not.toBeNull();
    for (const s of speakers) expect(fileForPath(`${prefix}${sp}/${slugOf(s)}/`), slugOf(s)).not.toBeNull();
  });

  it('builds a 404 page per language, a sitemap and robots.txt', () => {
    for (const p of ['/404.html', '/en/404/', '/pt/404/', '/sitemap-index.xml', '/robots.txt', '/favicon.svg']) expect(fileForPath(p), p).not.toBeNull();
  });
});

describe('links', () => {
  it('every internal link and fragment resolves to something built', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const doc = pageDocument(page);
      for (const a of doc.querySelectorAll('a[href], link[href]')) {
        const href = a.getAttribute('href')!;
        if (/^(https?:|mailto:)/.test(href)) continue;
        const url = new URL(href, `http://site${page}`);
        if (url.host !== 'site') continue;
        if (!fileForPath(url.pathname)) {
          broken.push(`${page} → ${href}`);
          continue;
        }
        if (url.hash && url.pathname.endsWith('/')) {
          const target = url.pathname === new URL(`http://site${page}`).pathname ? doc : pageDocument(url.pathname);
          if (!target.getElementById(decodeURIComponent(url.hash.slice(1)))) broken.push(`${page} → ${href} (no such id)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every external link is a well-formed https: or mailto: URL', () => {
    const bad: string[] = [];
    for (const page of pages) {
      for (const a of pageDocument(page).querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (href.startsWith('/') || href.startsWith('#')) continue;
        if (!/^(https:\/\/[^\s]+|mailto:[^\s]+)$/.test(href)) bad.push(`${page} → ${href}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('scripts', () => {
  it('every script a page loads is a built, non-empty file under /_astro/', () => {
    const bad: string[] = [];
    for (const page of pages) {
      for (const script of pageDocument(page).querySelectorAll('script')) {
        const src = script.getAttribute('src');
        const file = src ? fileForPath(src) : null;
        if (!src?.startsWith('/_astro/') || !file || readFileSync(file).length === 0) bad.push(`${page}: ${src ?? 'inline script'}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('document structure', () => {
  it('every page has exactly one h1 and never skips a heading level going down', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const headings = [...pageDocument(page).querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
      if (headings.filter((l) => l === 1).length !== 1) problems.push(`${page}: ${headings.filter((l) => l === 1).length} h1`);
      headings.forEach((level, i) => {
        const prev = headings[i - 1];
        if (prev !== undefined && level > prev + 1) problems.push(`${page}: h${prev} → h${level}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('every page has landmarks, a skip link to main, a title, a description and a canonical or noindex', () => {
    for (const page of pages) {
      const doc = pageDocument(page);
      expect(doc.querySelector('header'), page).not.toBeNull();
      expect(doc.querySelector('main#main'), page).not.toBeNull();
      expect(doc.querySelector('footer'), page).not.toBeNull();
      expect(doc.querySelector('a.skip-link')?.getAttribute('href'), page).toBe('#main');
      expect(doc.querySelector('title')?.textContent?.trim(), page).toBeTruthy();
      expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')?.trim(), page).toBeTruthy();
      const canonical = doc.querySelector('link[rel="canonical"]');
      const noindex = doc.querySelector('meta[name="robots"][content="noindex"]');
      expect(!!canonical || !!noindex, page).toBe(true);
      expect(doc.querySelector('meta[property="og:title"]'), page).not.toBeNull();
    }
  });

  it('no page renders "undefined", "null", "NaN" or "[object Object]"', () => {
    const found: string[] = [];
    for (const page of pages) {
      const text = readableText(pageDocument(page).body);
      for (const word of ['undefined', 'null', 'NaN', '[object Object]']) {
        if (new RegExp(`(^|[^\\p{L}])${word.replace(/[[\]]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text)) found.push(`${page}: ${word}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('times', () => {
  const zone = event.timeZone as string;
  const expected = (s: (typeof sessions)[number], field: 'start' | 'end') =>
    fromZonedTime(`${s.date as string} ${(s[field] as string).padStart(5, '0')}`, (s.timeZone as string | undefined) ?? zone)
      .toISOString()
      .replace('.000Z', 'Z');

  it("the programme's <time datetime> values equal the dataset's wall-clock times converted to UTC", () => {
    const doc = pageDocument('/programa/');
    for (const s of sessions) {
      const card = doc.querySelector(`[data-session="${s._id}"]`);
      expect(card, s._id).not.toBeNull();
      const times = [...card!.querySelectorAll('.times p:not([data-chosen]) time')].map((t) => t.getAttribute('datetime'));
      expect(times.length).toBeGreaterThanOrEqual(4);
      for (let i = 0; i < times.length; i += 2) {
        expect(times[i], s._id).toBe(expected(s, 'start'));
        expect(times[i + 1], s._id).toBe(expected(s, 'end'));
      }
    }
  });

  it('the opening reads 9:00–9:20 in Guatemala and 10:00–10:20 in Peru, at 15:00Z', () => {
    const card = pageDocument('/programa/').querySelector('[data-session="session-inauguracion"]')!;
    const [gt, pe] = [...card.querySelectorAll('.times p:not([data-chosen])')].map((p) => p.textContent?.replace(/\s+/g, ' ').trim());
    expect(gt).toMatch(/^9:00–9:20 Hora de Guatemala \(UTC−6\)/);
    expect(pe).toMatch(/^10:00–10:20 Hora de Perú \(UTC−5\)/);
    expect(card.querySelector('time')?.getAttribute('datetime')).toBe('2020-10-26T15:00:00Z');
  });

  it('every <time> carries a machine-readable datetime', () => {
    for (const page of pages) {
      for (const t of pageDocument(page).querySelectorAll('time')) {
        const value = t.getAttribute('datetime') ?? '';
        expect(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/.test(value), `${page}: ${value}`).toBe(true);
      }
    }
  });

  it('the concurrent mesas are shown together as concurrent sessions', () => {
    const doc = pageDocument('/programa/');
    const group = doc.querySelector('.concurrent');
    expect(group).not.toBeNull();
    const ids = [...group!.querySelectorAll('[data-session]')].map((e) => e.getAttribute('data-session'));
    expect(ids).toEqual(['session-mesa-de-reflexion-1', 'session-mesa-de-reflexion-2']);
  });

  it('a day table gives the start and end of each day in all 21 member countries', () => {
    const doc = pageDocument('/programa/');
    const tables = doc.querySelectorAll('.day table');
    expect(tables.length).toBe((event.days as unknown[]).length);
    const rows = [...tables[0]!.querySelectorAll('tbody tr')];
    expect(rows.length).toBe(21);
    const madrid = rows.find((r) => r.querySelector('th')?.textContent?.startsWith('España'))!;
    expect(madrid.querySelectorAll('td')[0]?.textContent).toBe('16:00');
  });
});

describe('sessions', () => {
  it('participants-only sessions say so and placeholders are marked as to be confirmed', () => {
    const doc = pageDocument('/programa/espacio-interactivo-1/');
    expect(doc.querySelector('.badge.participants')?.textContent).toBe('Solo participantes inscritos');
    const mesa = pageDocument('/programa/mesa-de-reflexion-1/');
    const people = mesa.querySelector('.people')!.textContent ?? '';
    expect(people).toContain('Institución rectora de cooperación 1');
    expect(people).toContain('por confirmar');
  });

  it('every guiding question of the dataset appears on its session page', () => {
    for (const s of sessions) {
      const text = pageDocument(`/programa/${slugOf(s)}/`).body.textContent ?? '';
      for (const q of (s.questions as { es: string }[] | undefined) ?? []) expect(text, s._id).toContain(q.es);
    }
  });
});
