import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildRun, removeOutDir, runBuild, tempOutDir } from '../support/build';
import { readNdjson } from '../support/ndjson';

/**
 * Incremental builds: two real builds sharing one build cache (BUILD_CACHE_DIR), the second after
 * one session's title changed. Its cards are redrawn; every other card is read back from the cache,
 * which the test proves by planting a marker in one kept file and finding it in the second build.
 */

const EDITED = { id: 'session-inauguracion', card: 'programa/inauguracion' };
const KEPT = 'programa/mesa-de-reflexion-1';
const langs = ['es', 'en', 'pt'] as const;
const cardFile = (dist: string, lang: string, rest: string) => {
  const localised = lang === 'es' ? rest : rest.replace(/^programa\//, lang === 'en' ? 'programme/' : 'programa/');
  return path.join(dist, 'og', lang, `${localised}.png`);
};
const cacheFiles = (dir: string, kind = 'share-cards') => readdirSync(path.join(dir, kind)).sort();
/** A calendar that holds the edited session, and one that does not. */
const EDITED_ICS = 'ics/sesion-inauguracion.ics';
const KEPT_ICS = 'ics/sesion-mesa-de-reflexion-1.ics';

describe('the build cache', () => {
  let parent: string;
  let cache: string;
  let first: BuildRun;
  let second: BuildRun;
  let keptBefore: string[];
  let marker: Buffer;
  let calendarsBefore: string[];
  let calendarMarker: string;

  beforeAll(async () => {
    const outDir = tempOutDir('cache');
    parent = path.dirname(outDir);
    cache = path.join(parent, 'cache');
    first = await runBuild({ outDir: path.join(parent, 'first'), env: { BUILD_CACHE_DIR: cache }, timeoutMs: 300_000 });
    if (first.code !== 0) throw new Error(`first build failed:\n${first.output}`);
    keptBefore = cacheFiles(cache);

    // Plant a marker in the kept card of a session nobody edits: if the second build reads it back, the cache was used.
    const original = readFileSync(cardFile(first.outDir, 'es', KEPT));
    const keptEntry = keptBefore.find((f) => readFileSync(path.join(cache, 'share-cards', f)).equals(original));
    expect(keptEntry).toBeDefined();
    marker = Buffer.concat([original, Buffer.from('kept by the build cache')]);
    writeFileSync(path.join(cache, 'share-cards', keptEntry!), marker);

    // The same for a calendar file.
    calendarsBefore = cacheFiles(cache, 'calendars');
    const keptIcs = readFileSync(path.join(first.outDir, KEPT_ICS), 'utf8');
    const keptIcsEntry = calendarsBefore.find((f) => readFileSync(path.join(cache, 'calendars', f), 'utf8') === keptIcs);
    expect(keptIcsEntry).toBeDefined();
    calendarMarker = keptIcs.replace('END:VCALENDAR', 'X-KEPT-BY:the build cache\r\nEND:VCALENDAR');
    writeFileSync(path.join(cache, 'calendars', keptIcsEntry!), calendarMarker);

    const dataset = path.join(parent, 'edited.ndjson');
    const docs = readNdjson().map((doc) => {
      if (doc._id !== EDITED.id) return doc;
      const title = doc.title as Record<string, string>;
      return { ...doc, title: { ...title, es: `${title.es} (nuevo título)`, en: `${title.en} (new title)`, pt: `${title.pt} (novo título)` } };
    });
    writeFileSync(dataset, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
    second = await runBuild({ outDir: path.join(parent, 'second'), env: { BUILD_CACHE_DIR: cache, CONTENT_DATASET_FILE: dataset }, timeoutMs: 300_000 });
    if (second.code !== 0) throw new Error(`second build failed:\n${second.output}`);
  }, 600_000);

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

  it('reads every other card back from the cache instead of drawing it again', () => {
    expect(readFileSync(cardFile(second.outDir, 'es', KEPT)).equals(marker)).toBe(true);
    for (const lang of ['en', 'pt'] as const)
      expect(readFileSync(cardFile(second.outDir, lang, KEPT)).equals(readFileSync(cardFile(first.outDir, lang, KEPT))), lang).toBe(true);
  });

  it('keeps the calendar files too, writes again only those that hold the edited session, and reads the others back', () => {
    const calendars = langs.flatMap((lang) => readdirSync(path.join(first.outDir, lang === 'es' ? '' : lang, 'ics')).filter((f) => f.endsWith('.ics')));
    expect(calendarsBefore.length).toBe(calendars.length);
    expect(readFileSync(path.join(second.outDir, KEPT_ICS), 'utf8')).toBe(calendarMarker);
    expect(readFileSync(path.join(second.outDir, EDITED_ICS), 'utf8')).toContain('(nuevo título)');
    const added = cacheFiles(cache, 'calendars').filter((f) => !calendarsBefore.includes(f));
    // Per language: the session's file, its day's, the whole event's and its speakers'.
    expect(added.length).toBeGreaterThanOrEqual(3 * langs.length);
    expect(added.length).toBeLessThan(calendarsBefore.length / 3);
  });
});
