import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { languages, pagePath } from '../../content-models/routes';
import { t } from '../../site/i18n';
import type { ElementTree } from '../../site/lib/my-programme-card';
import type { MineData } from '../../site/lib/my-programme-data';
import { myProgrammeDataPath } from '../../site/lib/my-programme-path';
import { distDir, htmlPages, listFiles, pageDocument, readableText, requireDist } from '../support/dist';
import { publishedOfType, readNdjson, slugOf } from '../support/ndjson';

/**
 * What a visitor reads on the built seed site about dates, taking part, the agenda's status and the
 * copy around people and places (issue 16).
 */
requireDist();
const docs = readNdjson();
const speakers = publishedOfType(docs, 'speaker');
const langs = languages.map((lang) => ({
  lang,
  home: pagePath('home', lang),
  programme: pagePath('programme', lang),
  mine: pagePath('myProgramme', lang),
  speaker: (slug: string) => pagePath('speaker', lang, slug),
}));

describe('dates wherever a time leaves its day', () => {
  it('gives every session on a speaker page its date, beside its times, in every language', () => {
    let cards = 0;
    for (const { speaker: speakerPath } of langs) {
      for (const speaker of speakers) {
        const doc = pageDocument(speakerPath(slugOf(speaker)));
        for (const card of doc.querySelectorAll('[data-session]')) {
          const date = card.querySelector('.session-date time');
          const times = card.querySelector('[data-times]');
          expect(date, `${speakerPath(slugOf(speaker))} ${card.getAttribute('data-session')}`).not.toBeNull();
          expect(date?.getAttribute('datetime')).toBe(times?.getAttribute('data-date'));
          expect(date?.textContent).toMatch(/2020/);
          // The date comes before the times, so it is read first.
          const order = [...card.querySelectorAll('*')];
          expect(order.indexOf(date!)).toBeLessThan(order.indexOf(times!));
          cards++;
        }
      }
    }
    expect(cards).toBeGreaterThan(0);
  });

  // My programme draws its cards from my-programme.json (browser tests check the drawn page): the
  // data gives each day with its dated section and every session the day its card goes under.
  it('groups my programme by day, each under a dated heading', () => {
    for (const { lang, mine } of langs) {
      const data = JSON.parse(readFileSync(`${distDir}${myProgrammeDataPath(lang)}`, 'utf8')) as MineData;
      expect(data.days.map((d) => d.date)).toEqual(['2020-10-26', '2020-10-28', '2020-10-30']);
      // Each day's section (built in the browser from this tree) heads it with its date.
      for (const day of data.days) {
        const [tag, attributes, heading] = day.section;
        expect([tag, attributes['data-mine-day']]).toEqual(['section', day.date]);
        const [h2, , time] = heading as ElementTree;
        const [timeTag, timeAttributes, label] = time as ElementTree;
        expect([h2, timeTag, timeAttributes.datetime]).toEqual(['h2', 'time', day.date]);
        expect(label).toMatch(/2020/);
      }
      for (const session of data.sessions) expect(data.days.map((d) => d.date)).toContain(session.date);
      // The clash warning's wording, for the pairs the page finds among the starred sessions.
      expect(pageDocument(mine).querySelector('[data-mine-clashes]')?.getAttribute('data-template')).toContain('{first}');
    }
  });

  it('keeps the embed\u2019s sessions under dated day headings', () => {
    const doc = pageDocument('/embed/');
    for (const times of doc.querySelectorAll('[data-times]')) {
      const section = times.closest('section');
      expect(section?.querySelector('h2 time')?.getAttribute('datetime')).toBe(times.getAttribute('data-date'));
    }
  });
});

describe('how to take part, always answered', () => {
  it('says it on every day of the programme and the home page, by the day\u2019s access', () => {
    for (const { lang, programme, home: homePath } of langs) {
      const doc = pageDocument(programme);
      for (const day of doc.querySelectorAll('section[data-day]')) {
        const access = day.querySelector('.badge')?.classList.contains('public') ? 'public' : 'participants';
        const line = day.querySelector('[data-take-part]');
        expect(readableText(line!)).toContain(t(lang, access === 'public' ? 'takePart.linkComing' : 'takePart.byEmail'));
      }
      const home = pageDocument(homePath);
      expect(home.querySelectorAll('[data-take-part]').length).toBe(3);
    }
  });

  it('says it on every session page', () => {
    const sessionPages = htmlPages().filter((p) => /^\/(?:(?:en|pt)\/)?(?:programa|programme|programacao)\/[^/]+\/$/.test(p));
    expect(sessionPages.length).toBe(publishedOfType(docs, 'session').length * 3);
    for (const page of sessionPages) expect(pageDocument(page).querySelector('[data-take-part]'), page).not.toBeNull();
  });
});

describe('a tentative agenda', () => {
  it('is said on the programme in every language', () => {
    for (const { lang, programme } of langs) {
      expect(readableText(pageDocument(programme).querySelector('[data-programme-status="tentative"]')!)).toContain(t(lang, 'programme.tentative'));
    }
  });

  it('is written STATUS:TENTATIVE in every calendar file', () => {
    const files = listFiles().filter((f) => f.endsWith('.ics'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(`${distDir}/${file}`, 'utf8');
      const events = text.match(/^BEGIN:VEVENT/gm)?.length ?? 0;
      expect(text.match(/^STATUS:TENTATIVE\r$/gm)?.length ?? 0, file).toBe(events);
    }
  });
});

describe('copy by a careful editor', () => {
  it('never doubles an organisation after a position or a marker after a placeholder', () => {
    for (const page of htmlPages()) {
      const text = readableText(pageDocument(page).body);
      expect(text, page).not.toMatch(/PIFCSS\s*,\s*PIFCSS/);
      expect(text, page).not.toMatch(/por confirmar\s*\(\s*por confirmar|to be confirmed\s*\(\s*to be confirmed|a confirmar\s*\(\s*a confirmar/i);
    }
  });

  it('writes Portuguese zones with their article', () => {
    const text = readableText(pageDocument(pagePath('programme', 'pt')).body);
    expect(text).toContain('Horário da Guatemala');
    expect(text).toContain('Horário do Peru');
    expect(text).toContain('da Guatemala e do Peru');
    expect(text).not.toMatch(/Horário de (Guatemala|Peru)/);
  });
});
