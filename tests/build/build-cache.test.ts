import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildRun, removeOutDir, runBuild, tempOutDir } from '../support/build';
import { readNdjson } from '../support/ndjson';

/**
 * Incremental builds: real builds sharing one build cache (BUILD_CACHE_DIR), the second after one
 * session's title changed. Its cards and calendars are made again; every other one comes back from
 * a cache, which the test proves by planting a marker in a kept file and finding it in the output.
 * Astro's incremental build copies an unchanged file from its copy of the last build
 * (BUILD_CACHE_DIR/astro/, checked by the second build); when that is gone or the route's code
 * changed, cards kept by their content hash are read back (checked by a third build after
 * deleting Astro's copy) and calendars are written again. A fourth build, of the edited content
 * with no cache at all, draws every card to the same bytes as the incremental one.
 */

const EDITED = { id: 'session-inauguracion', card: 'programa/inauguracion' };
const KEPT = 'programa/mesa-de-reflexion-1';
const langs = ['es', 'en', 'pt'] as const;
const cardFile = (dist: string, lang: string, rest: string) => {
  const localised = lang === 'es' ? rest : rest.replace(/^programa\//, lang === 'en' ? 'programme/' : 'programa/');
  return path.join(dist, 'og', lang, `${localised}.png`);
};
const cacheFiles = (dir: string, kind = 'share-cards') => readdirSync(path.join(dir, kind)).sort();
/** Astro's copy of a built file (its incremental build's cache, astro.config.mjs `cacheDir`). */
const astroCopy = (cache: string, file: string) => path.join(cache, 'astro', 'dist', file);
/** A calendar that holds the edited session, and one that does not. */
const EDITED_ICS = 'ics/sesion-inauguracion.ics';
const KEPT_ICS = 'ics/sesion-mesa-de-reflexion-1.ics';

describe('the build cache', () => {
  let parent: string;
  let cache: string;
  let first: BuildRun;
  let second: BuildRun;
  let third: BuildRun;
  let clean: BuildRun;
  let keptBefore: string[];
  let marker: Buffer;
  let astroMarker: Buffer;
  let keptIcs: string;
  let astroCalendarMarker: string;

  beforeAll(async () => {
    const outDir = tempOutDir('cache');
    parent = path.dirname(outDir);
    cache = path.join(parent, 'cache');
    first = await runBuild({ outDir: path.join(parent, 'first'), env: { BUILD_CACHE_DIR: cache }, timeoutMs: 300_000 });
    if (first.code !== 0) throw new Error(`first build failed:\n${first.output}`);
    keptBefore = cacheFiles(cache);

    // Markers in the kept card and calendar of a session nobody edits: one in Astro's copy, read by
    // the second build, another in the content-keyed file, read by the third.
    const original = readFileSync(cardFile(first.outDir, 'es', KEPT));
    const keptEntry = keptBefore.find((f) => readFileSync(path.join(cache, 'share-cards', f)).equals(original));
    expect(keptEntry).toBeDefined();
    marker = Buffer.concat([original, Buffer.from('kept by the build cache')]);
    writeFileSync(path.join(cache, 'share-cards', keptEntry!), marker);
    const astroCard = astroCopy(cache, path.relative(first.outDir, cardFile(first.outDir, 'es', KEPT)));
    expect(readFileSync(astroCard).equals(original)).toBe(true);
    astroMarker = Buffer.concat([original, Buffer.from('kept by Astro')]);
    writeFileSync(astroCard, astroMarker);

    keptIcs = readFileSync(path.join(first.outDir, KEPT_ICS), 'utf8');
    expect(readFileSync(astroCopy(cache, KEPT_ICS), 'utf8')).toBe(keptIcs);
    astroCalendarMarker = keptIcs.replace('END:VCALENDAR', 'X-KEPT-BY:Astro\r\nEND:VCALENDAR');
    writeFileSync(astroCopy(cache, KEPT_ICS), astroCalendarMarker);

    const dataset = path.join(parent, 'edited.ndjson');
    const docs = readNdjson().map((doc) => {
      if (doc._id !== EDITED.id) return doc;
      const title = doc.title as Record<string, string>;
      return { ...doc, title: { ...title, es: `${title.es} (nuevo título)`, en: `${title.en} (new title)`, pt: `${title.pt} (novo título)` } };
    });
    writeFileSync(dataset, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
    const env = { BUILD_CACHE_DIR: cache, CONTENT_DATASET_FILE: dataset };
    second = await runBuild({ outDir: path.join(parent, 'second'), env, timeoutMs: 300_000 });
    if (second.code !== 0) throw new Error(`second build failed:\n${second.output}`);
    rmSync(path.join(cache, 'astro'), { recursive: true, force: true });
    third = await runBuild({ outDir: path.join(parent, 'third'), env, timeoutMs: 300_000 });
    if (third.code !== 0) throw new Error(`third build failed:\n${third.output}`);
    clean = await runBuild({ outDir: path.join(parent, 'clean'), env: { ...env, BUILD_CACHE_DIR: path.join(parent, 'no-cache') }, timeoutMs: 300_000 });
    if (clean.code !== 0) throw new Error(`clean build failed:\n${clean.output}`);
  }, 1_200_000);

  afterAll(() => {
    if (parent) removeOutDir(path.join(parent, 'dist'));
  });

  it('keeps one file per card drawn, git-ignored by default', () => {
    const cards = langs.flatMap((lang) => readdirSync(path.join(first.outDir, 'og', lang), { recursive: true }).filter((f) => String(f).endsWith('.png')));
    expect(keptBefore.length).toBe(cards.length);
    expect(readFileSync(path.resolve('.gitignore'), 'utf8')).toMatch(/^\.cache\/$/m);
  });

  it("redraws the edited session's cards in every language, and only those", () => {
    for (const lang of langs)
      expect(readFileSync(cardFile(second.outDir, lang, EDITED.card)).equals(readFileSync(cardFile(first.outDir, lang, EDITED.card))), lang).toBe(false);
    const added = cacheFiles(cache).filter((f) => !keptBefore.includes(f));
    // The session's three cards; the home cards name no session, speaker cards name their sessions' titles.
    expect(added.length).toBeGreaterThanOrEqual(langs.length);
    expect(added.length).toBeLessThan(keptBefore.length / 4);
  });

  it('copies every other card from the last build, and reads it back by its content when that copy is gone', () => {
    expect(readFileSync(cardFile(second.outDir, 'es', KEPT)).equals(astroMarker)).toBe(true);
    expect(readFileSync(cardFile(third.outDir, 'es', KEPT)).equals(marker)).toBe(true);
    for (const build of [second, third])
      for (const lang of ['en', 'pt'] as const)
        expect(readFileSync(cardFile(build.outDir, lang, KEPT)).equals(readFileSync(cardFile(first.outDir, lang, KEPT))), lang).toBe(true);
    // The edited session's cards are drawn again however the others come back.
    expect(readFileSync(cardFile(third.outDir, 'es', EDITED.card)).equals(readFileSync(cardFile(second.outDir, 'es', EDITED.card)))).toBe(true);
  });

  it('gives the same cards, byte for byte, as a build of the same content with no cache: a card drawn alone is drawn as among others', () => {
    const cards = langs.flatMap((lang) =>
      readdirSync(path.join(clean.outDir, 'og', lang), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.png'))
        .map((f) => path.join('og', lang, f)),
    );
    expect(cards.length).toBe(keptBefore.length);
    const planted = path.relative(second.outDir, cardFile(second.outDir, 'es', KEPT));
    const differ = cards.filter((f) => f !== planted && !readFileSync(path.join(second.outDir, f)).equals(readFileSync(path.join(clean.outDir, f))));
    expect(differ).toEqual([]);
  });

  it('copies the calendars that do not hold the edited session from the last build, and writes the others again', () => {
    expect(readFileSync(path.join(second.outDir, KEPT_ICS), 'utf8')).toBe(astroCalendarMarker);
    // Without Astro's copy, calendars are written again (they are not kept by content).
    expect(readFileSync(path.join(third.outDir, KEPT_ICS), 'utf8')).toBe(keptIcs);
    for (const build of [second, third]) expect(readFileSync(path.join(build.outDir, EDITED_ICS), 'utf8')).toContain('(nuevo título)');
    expect(existsSync(path.join(cache, 'calendars'))).toBe(false);
  });
});
