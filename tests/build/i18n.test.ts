import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alternatePaths } from '../../content-models/routes';
import en from '../../site/i18n/en.json';
import es from '../../site/i18n/es.json';
import pt from '../../site/i18n/pt.json';
import { fileForPath, htmlPages, pageDocument, readableText, requireDist } from '../support/dist';
import { readNdjson, seedDatasetFile } from '../support/ndjson';

const expectedLang = (page: string) => (page.startsWith('/en/') ? 'en' : page.startsWith('/pt/') ? 'pt' : 'es');

describe('every page in three languages', () => {
  let pages: string[] = [];
  beforeAll(() => {
    requireDist();
    // Embed pages (docs/embed.md) are framed by other sites: no switcher, canonical to the programme.
    pages = htmlPages().filter((p) => !p.includes('404') && !p.endsWith('/embed/'));
  });

  it('sets <html lang> to the language of its path', () => {
    for (const page of htmlPages()) expect(pageDocument(page).documentElement.getAttribute('lang'), page).toBe(expectedLang(page));
  });

  it('has the same page in the other two languages, linked as hreflang alternates with x-default', () => {
    for (const page of pages) {
      const doc = pageDocument(page);
      const alt = alternatePaths(page);
      expect(alt, page).not.toBeNull();
      const links: Record<string, string> = Object.fromEntries(
        [...doc.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname]),
      );
      expect(links, page).toEqual({ es: alt!.paths.es, en: alt!.paths.en, pt: alt!.paths.pt, 'x-default': alt!.paths.es });
      for (const target of Object.values(links)) expect(fileForPath(target), `${page} → ${target}`).not.toBeNull();
      expect(new URL(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')!).pathname).toBe(page);
    }
  });

  it('offers a language switcher that goes to the same page, not to the home page', () => {
    for (const page of pages) {
      const alt = alternatePaths(page)!;
      const switcher = Object.fromEntries(
        [...pageDocument(page).querySelectorAll('.lang-switch a')].map((a) => [a.getAttribute('hreflang'), a.getAttribute('href')]),
      );
      expect(switcher, page).toEqual(alt.paths);
    }
  });

  it('the Spanish home page links the English and Portuguese sites visibly', () => {
    const main = pageDocument('/').querySelector('main')!;
    expect(main.querySelector('a[href="/en/"][hreflang="en"]')).not.toBeNull();
    expect(main.querySelector('a[href="/pt/"][hreflang="pt"]')).not.toBeNull();
  });
});

describe('no Spanish interface text leaks into English or Portuguese pages', () => {
  // Spanish interface phrases that differ from their translation. Single words are left out: many are
  // shared by Spanish, Portuguese and English content ("Programa", "Virtual", "Objetivo").
  const spanishOnly = (other: Record<string, string>) =>
    Object.entries(es as Record<string, string>)
      .filter(([key, value]) => other[key] !== value && value.trim().includes(' '))
      .flatMap(([, value]) => value.split(/\{\{\w+\}\}/).map((part) => part.trim()))
      .filter((part) => part.includes(' ') && part.length >= 8);
  const asWord = (needle: string) => new RegExp(`(?<![\\p{L}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');

  it.each([
    ['en', en],
    ['pt', pt],
  ] as const)('%s pages contain none of the Spanish interface strings outside lang="es" content', (lang, other) => {
    const needles = spanishOnly(other as Record<string, string>);
    const leaks: string[] = [];
    for (const page of htmlPages().filter((p) => p.startsWith(`/${lang}/`))) {
      const doc = pageDocument(page);
      const body = doc.body.cloneNode(true) as HTMLElement;
      for (const el of body.querySelectorAll('[lang="es"]')) el.remove();
      const text = readableText(body);
      for (const needle of needles) if (asWord(needle).test(text)) leaks.push(`${page}: "${needle}"`);
    }
    expect(leaks).toEqual([]);
  });
});

describe('content missing in a language falls back to Spanish, marked lang="es"', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'i18n-fallback-'));
  const dataset = path.join(out, 'dataset.ndjson');
  const dist = path.join(out, 'dist');

  beforeAll(() => {
    // Drop the English title and objective of one session and the Portuguese concept-note bodies.
    const docs = readNdjson(seedDatasetFile).map((doc) => {
      if (doc._id === 'session-espacio-interactivo-1') {
        const copy = structuredClone(doc) as unknown as Record<string, Record<string, unknown>>;
        delete copy.title!.en;
        delete copy.objective!.en;
        return copy;
      }
      if (doc._type === 'conceptNote') {
        const copy = structuredClone(doc) as unknown as { sections: { body: Record<string, unknown> }[] };
        for (const s of copy.sections) delete s.body.pt;
        return copy;
      }
      return doc;
    });
    writeFileSync(dataset, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
    const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
      env: { ...process.env, CONTENT_DATASET_FILE: dataset, BUILD_OUT_DIR: dist },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`fallback build failed:\n${result.stdout}\n${result.stderr}`);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('wraps the untranslated session title and objective in lang="es" on English pages', () => {
    const doc = pageDocument('/en/programme/espacio-interactivo-1/', dist);
    const h1 = doc.querySelector('h1 [lang="es"]');
    expect(h1?.textContent).toMatch(/^Espacio interactivo 1/);
    expect(doc.querySelector('p[lang="es"]')?.textContent).toMatch(/^Identificar/);
    // The rest of the page stays English.
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(pageDocument('/pt/programa/espacio-interactivo-1/', dist).querySelector('h1 [lang="es"]')).toBeNull();
  });

  it('marks the Spanish concept note on the Portuguese page and says it is only available in Spanish', () => {
    const doc = pageDocument('/pt/nota-conceitual/', dist);
    const prose = [...doc.querySelectorAll('.prose')];
    expect(prose.length).toBeGreaterThan(0);
    for (const p of prose) {
      expect(p.getAttribute('lang')).toBe('es');
      expect(p.querySelector('.fallback-note')?.getAttribute('lang')).toBe('pt');
      expect(p.querySelector('.fallback-note')?.textContent).toBe(pt['site.fallbackNote']);
    }
    expect(pageDocument('/en/concept-note/', dist).querySelector('.prose[lang]')).toBeNull();
  });
});
