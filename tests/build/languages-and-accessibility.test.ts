import { readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages, pagePath } from '../../content-models/routes';
import { type BuildRun, removeOutDir, runBuild, tempOutDir } from '../support/build';
import { pageDocument, readableText } from '../support/dist';
import { CONTACT, HOSTILE_LABEL, languagePlan, writeLanguageDataset } from '../support/language-dataset';

/**
 * Issue 20 over a generated dataset (the seed has no interpretation, captions, sign language or
 * channels): what the session page, the cards, the accessibility statement, schedule.json and the
 * calendars say, with the plan in tests/support/language-dataset.ts as the oracle.
 */
let run: BuildRun;
beforeAll(async () => {
  const outDir = tempOutDir('languages');
  const dataset = writeLanguageDataset(path.dirname(outDir));
  run = await runBuild({ outDir, env: { CONTENT_DATASET_FILE: dataset } });
  if (run.code !== 0) throw new Error(`build failed:\n${run.output}`);
}, 300_000);
afterAll(() => run && removeOutDir(run.outDir));

const doc = (p: string) => pageDocument(p, run.outDir);
const file = (rel: string) => readFileSync(path.join(run.outDir, rel), 'utf8');
const prefix = (lang: string) => (lang === 'es' ? '' : `${lang}/`);
const channelsOf = (id: string) => languagePlan[id]?.channels ?? [];

describe('a session with interpretation, captions, sign language and channels', () => {
  it('lists the support in full and links each channel on the session page, in every language', () => {
    const words = { es: ['portugués', 'subtítulos', 'Libras'], en: ['Portuguese', 'captions', 'Libras'], pt: ['português', 'legendas', 'Libras'] };
    for (const lang of languages) {
      const section = doc(pagePath('session', lang, 'inauguracion')).querySelector('[data-language-access]');
      expect(section, lang).not.toBeNull();
      const text = readableText(section!).toLowerCase();
      for (const word of words[lang]) expect(text, `${lang}: ${word}`).toContain(word.toLowerCase());
      // With no join link, the channels are the way in: the take-part line links them, the section does not repeat them.
      const takePart = doc(pagePath('session', lang, 'inauguracion')).querySelector('[data-take-part]');
      expect(takePart?.getAttribute('data-take-part'), lang).toBe('channels');
      const links = [...takePart!.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.getAttribute('hreflang')]);
      expect(links).toEqual(channelsOf('session-inauguracion').map((c) => [c.url, c.language]));
      expect(section!.querySelectorAll('a[hreflang]').length, lang).toBe(0);
    }
  });

  it('escapes a hostile channel label: shown as text, never as markup', () => {
    const html = file('programa/inauguracion/index.html');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<b>más</b>');
    const link = doc(pagePath('session', 'es', 'inauguracion')).querySelector('[data-take-part] a[hreflang="pt"]');
    expect(link?.textContent).toBe(HOSTILE_LABEL);
  });

  it('shows compact badges on the programme card, with the whole sentence for screen readers', () => {
    const card = doc(pagePath('programme', 'en')).querySelector('[data-session="session-inauguracion"]')!;
    const badges = [...card.querySelectorAll('.chip')].map((c) => [c.textContent?.trim(), c.getAttribute('aria-hidden')]);
    expect(badges).toEqual([
      ['Interp. PT', 'true'],
      ['CC ES', 'true'],
      ['Libras', 'true'],
    ]);
    expect(readableText(card.querySelector('.meta')!)).toMatch(
      /interpretation into Portuguese, captions in Spanish, Brazilian Sign Language \(Libras\) interpretation/,
    );
  });

  it('on a participants-only session, says the channels go out by e-mail and links none', () => {
    const section = doc(pagePath('session', 'es', 'espacio-interactivo-1')).querySelector('[data-language-access]')!;
    expect(section.querySelectorAll('a').length).toBe(0);
    expect(readableText(section)).toContain('reciben por correo');
  });
});

describe('schedule.json and calendars', () => {
  it('carry the channels as links and the support in the description, in every language', () => {
    for (const lang of languages) {
      const schedule = JSON.parse(file(`${prefix(lang)}schedule.json`));
      const events = Object.values(schedule.schedule.conference.days.flatMap((d: { rooms: object }) => Object.values(d.rooms)).flat()) as {
        slug: string;
        links: { url: string; title: string }[];
        description: string;
        language: string;
      }[];
      const opening = events.find((e) => e.slug === 'inauguracion')!;
      for (const c of channelsOf('session-inauguracion'))
        expect(
          opening.links.map((l) => l.url),
          lang,
        ).toContain(c.url);
      expect(opening.links.find((l) => l.url.endsWith('lang=pt'))?.title).toBe(HOSTILE_LABEL);
      expect(opening.description).toContain('Libras');
      expect(events.find((e) => e.slug === 'mesa-de-reflexion-1')?.language).toBe('pt');
      expect(events.find((e) => e.slug === 'espacio-interactivo-1')?.links.some((l) => l.url.includes('example.org'))).toBe(false);
    }
  });

  it('write the channels and the sign language into the session calendar', () => {
    for (const lang of languages) {
      const calendar = new ICAL.Component(ICAL.parse(file(`${prefix(lang)}ics/sesion-introduccion.ics`)));
      const description = String(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('description'));
      expect(description, lang).toContain('https://stream.example.org/intro-en');
      expect(description, lang).toMatch(/LSM|mexican|mexicana/i);
    }
  });
});

describe('the accessibility statement', () => {
  it('is built in every language, reached from every footer, and counts what the sessions offer', () => {
    const counts = { es: ['2 sesiones', '3 sesiones'], en: ['2 sessions', '3 sessions'], pt: ['2 sessões', '3 sessões'] };
    for (const lang of languages) {
      const page = doc(pagePath('accessibility', lang));
      expect(page.querySelector('h1')?.textContent).toBeTruthy();
      expect(doc(pagePath('programme', lang)).querySelector(`footer a[href="${pagePath('accessibility', lang)}"]`)).not.toBeNull();
      const support = [...page.querySelectorAll('[data-support]')].map((li) => [li.getAttribute('data-support') ?? '', li.textContent ?? ''] as const);
      // Interpretation: inauguración, introducción, mesa 1, espacio interactivo 1; captions: 2; sign language: 2.
      expect(support.map(([kind]) => kind)).toEqual(['interpretation', 'captions', 'signLanguage']);
      expect(support[0]![1]).toContain(lang === 'es' ? '4 sesiones' : lang === 'en' ? '4 sessions' : '4 sessões');
      for (const [, text] of support.slice(1))
        expect(
          counts[lang].some((c) => text.includes(c)),
          text,
        ).toBe(true);
      expect(page.querySelector(`[data-a11y-contact] a[href="${CONTACT}"]`)?.textContent).toBe('accesibilidad@example.org');
    }
  });
});
