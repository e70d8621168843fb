import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../site/lib/content/load';
import type { Site } from '../../site/lib/content/model';
import { ndjsonSource } from '../../site/lib/content/source';
import { foldForSearch, searchIndex } from '../../site/lib/search-index';
import { findEntries, fold } from '../../site/scripts/search';
import { seedDatasetFile } from '../support/ndjson';

const source = ndjsonSource(seedDatasetFile);
let site: Site;
beforeAll(async () => {
  site = await loadSite('es', source);
});

describe('search (search.json and scripts/search.ts)', () => {
  it('folds the query in the browser exactly as the build folds the index', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => fold(text) === foldForSearch(text)));
    expect(fold('  Cooperación SUR-Sur (PIFCSS) ')).toBe('cooperacion sur sur pifcss');
  });

  it('finds a speaker by name and by their institution’s acronym or name, whatever the accents and case', () => {
    const index = searchIndex(site, 'es');
    const withInstitution = site.speakers.find((s) => s.institution?.acronym);
    expect(withInstitution).toBeDefined();
    const speaker = withInstitution!;
    const url = (e: { url: string }) => e.url;
    const lastName = speaker.name.split(' ').at(-1)!;
    expect(findEntries(index, lastName.toUpperCase()).map(url)).toContain(`/ponentes/${speaker.slug}/`);
    expect(findEntries(index, speaker.institution!.acronym!.toLowerCase()).map(url)).toContain(`/ponentes/${speaker.slug}/`);
    const accented = speaker.institution!.name.text;
    expect(findEntries(index, foldForSearch(accented)).map(url)).toContain(`/ponentes/${speaker.slug}/`);
    // Sessions are found through the people in them.
    const session = site.sessions.find((s) => s.participants.some((p) => p.speaker?._id === speaker._id))!;
    expect(findEntries(index, speaker.name).map(url)).toContain(`/programa/${session.slug}/`);
    // Every word must match the beginning of a word: no match inside a word, none for nothing.
    expect(findEntries(index, `${lastName} zzqx`)).toEqual([]);
    expect(findEntries(index, lastName.slice(1))).not.toContainEqual(expect.objectContaining({ url: `/ponentes/${speaker.slug}/` }));
    expect(findEntries(index, '  ')).toEqual([]);
  });

  it('writes each entry in the page’s language with its own page address', async () => {
    const en = await loadSite('en', source);
    const index = searchIndex(en, 'en');
    expect(index.filter((e) => e.kind === 'speaker')).toHaveLength(en.speakers.length);
    expect(index.filter((e) => e.kind === 'session')).toHaveLength(en.sessions.length);
    for (const e of index) expect(e.url).toMatch(/^\/en\/(programme|speakers)\/[^/]+\/$/);
  });
});
