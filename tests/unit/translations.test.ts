import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate, parse } from 'groq-js';
import { describe, expect, it } from 'vitest';
import { pendingTranslationsFilter, pendingTranslationsListFilter, siteQuery } from '../../content-models/queries';
import { buildSite } from '../../site/lib/content/load';
import { pendingTranslations } from '../../site/lib/content/translations';

/**
 * «Traducciones pendientes»: the Studio's list (a GROQ filter made from content-models/translations.ts)
 * and the build's summary (read from the site query's fallbacks) find the same documents.
 */
const seed = readFileSync(path.resolve('studio/seed/production.ndjson'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Record<string, unknown> & { _id: string });
const edited = seed.map((d) => {
  if (d._id === 'session-inauguracion') return { ...d, objective: { _type: 'localeText', es: 'Dar la bienvenida.', pt: 'Dar as boas-vindas.' } };
  if (d._id === 'session-mesa-de-reflexion-2')
    return { ...d, questions: [...((d.questions as unknown[]) ?? []), { _type: 'localeString', _key: 'q', es: '¿Y ahora?' }] };
  if (d._type === 'event')
    return { ...d, days: (d.days as Record<string, unknown>[]).map((day, i) => (i === 1 ? { ...day, title: { es: 'Taller', en: '' } } : day)) };
  return d;
});
const run = async (query: string, params: Record<string, unknown> = {}, dataset: unknown[] = edited) =>
  (await evaluate(parse(query, { params }), { dataset, params })).get();

describe('pending translations', () => {
  it('the Studio list finds exactly the documents with an empty English or Portuguese field', async () => {
    // The seed is fully translated; the edits above leave one field empty in each of three documents.
    expect(await run(`*[${pendingTranslationsFilter()}]._id`, {}, seed)).toEqual([]);
    expect(((await run(`*[${pendingTranslationsListFilter}]._id`)) as string[]).sort()).toEqual([
      'event',
      'session-inauguracion',
      'session-mesa-de-reflexion-2',
    ]);
  });

  it('the build names the same documents and fields, per language', async () => {
    const en = pendingTranslations(await run(siteQuery, { lang: 'en' }), 'en');
    expect(en).toEqual(
      expect.arrayContaining([
        { documentId: 'session-inauguracion', fields: ['objective'] },
        { documentId: 'session-mesa-de-reflexion-2', fields: ['questions[]'] },
        { documentId: 'event', fields: ['days[].title'] },
      ]),
    );
    expect(en).toHaveLength(3);
    const pt = pendingTranslations(await run(siteQuery, { lang: 'pt' }), 'pt');
    expect(pt.map((p) => p.documentId).sort()).toEqual(['event', 'session-mesa-de-reflexion-2']);
    expect(pendingTranslations(await run(siteQuery, { lang: 'es' }), 'es')).toEqual([]);
  });

  it('is printed by the build for each translated language', async () => {
    const notes: string[] = [];
    buildSite(await run(siteQuery, { lang: 'en' }), 'en', 'test', { warn: (m) => notes.push(m) });
    expect(notes.find((n) => n.startsWith('Traducciones pendientes (en): 3 documentos'))).toContain('session-inauguracion (objective)');
  });
});
