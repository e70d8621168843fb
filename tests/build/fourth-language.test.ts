import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildRun, repoRoot, runBuild } from '../support/build';

/**
 * Adding a language takes one entry in content-models/locales.ts and one translation file. This
 * builds a copy of the project with French added in exactly those two places and finds a whole
 * French site in it: pages under /fr/ with French folder names, the French interface, Spanish
 * content marked as such, alternates, sitemap, feeds, the 404 page, the embed and the manifest.
 */

const FRENCH = `  {
    id: 'fr',
    intl: 'fr-FR',
    ogLocale: 'fr_FR',
    studioTitle: 'Francés (Français)',
    folders: {
      programme: 'programme-fr',
      speakers: 'intervenants',
      conceptNote: 'note-conceptuelle',
      myProgramme: 'mon-programme',
      report: 'compte-rendu',
      products: 'produits',
      accessibility: 'accessibilite',
      search: 'recherche',
    },
  },
] as const satisfies readonly LocaleEntry[];`;

let copy: string;
let build: BuildRun;
let interfaceString: string;

beforeAll(async () => {
  copy = mkdtempSync(path.join(tmpdir(), 'sts-fourth-language-'));
  for (const entry of ['site', 'content-models', 'scripts', 'studio/seed', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(path.join(repoRoot, entry), path.join(copy, entry), { recursive: true });
  }
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  const localesFile = path.join(copy, 'content-models', 'locales.ts');
  const locales = readFileSync(localesFile, 'utf8');
  const end = '] as const satisfies readonly LocaleEntry[];';
  expect(locales).toContain(end);
  writeFileSync(localesFile, locales.replace(end, FRENCH));
  // A translation file: the English one, marked so the test can tell it from English.
  const english = JSON.parse(readFileSync(path.join(repoRoot, 'site', 'i18n', 'en.json'), 'utf8')) as Record<string, string>;
  const french = Object.fromEntries(Object.entries(english).map(([key, value]) => [key, `«fr» ${value}`]));
  interfaceString = french['nav.programme'] ?? '';
  writeFileSync(path.join(copy, 'site', 'i18n', 'fr.json'), `${JSON.stringify(french, null, 2)}\n`);
  build = await runBuild({ root: copy, outDir: path.join(copy, 'dist'), timeoutMs: 240_000 });
}, 300_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

const page = (rel: string) => readFileSync(path.join(copy, 'dist', rel), 'utf8');

describe('a fourth language from one locales entry and one translation file', () => {
  it('builds', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
  });

  it('has every page kind under /fr/ with its own folder names, in French', () => {
    for (const rel of [
      'fr/index.html',
      'fr/programme-fr/index.html',
      'fr/intervenants/index.html',
      'fr/note-conceptuelle/index.html',
      'fr/mon-programme/index.html',
      'fr/compte-rendu/index.html',
      'fr/produits/index.html',
      'fr/accessibilite/index.html',
    ]) {
      expect(existsSync(path.join(copy, 'dist', rel)), rel).toBe(true);
      expect(page(rel), rel).toContain('<html lang="fr"');
      expect(page(rel), rel).toContain(interfaceString);
    }
    expect(existsSync(path.join(copy, 'dist', 'fr/programme-fr/inauguracion/index.html'))).toBe(true);
    expect(existsSync(path.join(copy, 'dist', 'fr/intervenants/rita-mishaan/index.html'))).toBe(true);
  });

  it('shows the untranslated content in Spanish, marked lang="es"', () => {
    expect(page('fr/programme-fr/inauguracion/index.html')).toMatch(/<[^>]+lang="es"[^>]*>Inauguraci/);
  });

  it('links the French pages from the others and from the sitemap', () => {
    expect(page('index.html')).toContain('hreflang="fr" href="http://127.0.0.1:4321/fr/"');
    expect(page('programa/index.html')).toContain('/fr/programme-fr/');
    expect(page('sitemap-0.xml')).toContain('/fr/intervenants/rita-mishaan/');
  });

  it('has the French feeds, 404, embed and manifest', () => {
    for (const rel of ['fr/schedule.json', 'fr/404/index.html', 'fr/embed/index.html', 'fr/manifest.webmanifest']) {
      expect(existsSync(path.join(copy, 'dist', rel)), rel).toBe(true);
    }
    expect(JSON.parse(page('fr/manifest.webmanifest')).start_url).toBe('/fr/');
  });
});
