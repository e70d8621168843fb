import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createSchema } from 'sanity';
import { createStructureBuilder } from 'sanity/structure';
import { describe, expect, it } from 'vitest';
import { readNdjson } from '../../content-models/ndjson';
import { schemaTypes } from '../../content-models/schema';
import { spanishCorrections, structureStrings, studioStrings } from '../../studio/locale-es';
import { locationsOf, presentationLocations } from '../../studio/presentation';
import { canCreateSessionOfDay, dayTitle, sessionOnDayTemplate, structure } from '../../studio/structure';

/** The Studio's own pieces that the browser test sees, one at a time. */

describe('the day lists', () => {
  it('name each day as its comment says, without the comma Intl puts after the weekday', () => {
    expect(dayTitle({ date: '2020-10-26', title: 'Abierto al público', access: 'public' })).toBe('Lunes 26 de octubre · Abierto al público');
    expect(dayTitle({ date: '2020-10-30', title: null, access: null })).toBe('Viernes 30 de octubre');
  });

  it('take the «Sesión de este día» intent themselves (Sanity gives it only to the first two panes)', () => {
    expect(canCreateSessionOfDay('create', { type: 'session', template: 'session-on-day' })).toBe(true);
    expect(canCreateSessionOfDay('create', { type: 'session' })).toBe(false);
    expect(canCreateSessionOfDay('edit', { type: 'session', template: 'session-on-day' })).toBe(false);
  });
});

/**
 * A day's list pane as Sanity's own StructureBuilder serializes it, with a Studio source reduced
 * to what the builder reads (schema, templates, the client the day query goes through).
 */
async function dayPane(date: string) {
  const days = [{ date, title: 'Taller virtual parte 2', access: 'participants' }];
  const client = { withConfig: () => client, fetch: async () => days };
  const source = {
    projectId: 'desk-test',
    dataset: 'production',
    schema: createSchema({ name: 'desk', types: schemaTypes }),
    currentUser: null,
    getClient: () => client,
    i18n: { t: (key: string) => key },
    templates: [sessionOnDayTemplate, { id: 'session', schemaType: 'session', title: 'Sesión', value: {} }],
    // What Sanity infers for a list of one type: the type's plain template.
    document: {
      resolveNewDocumentOptions: ({ schemaType }: { schemaType: string }) => [
        { id: schemaType, templateId: schemaType, type: 'initialValueTemplateItem', schemaType },
      ],
    },
  };
  type Item = { id: string; child: unknown };
  const S = createStructureBuilder({ source } as never);
  const root = (structure(S, source as never) as { serialize(options: { path: string[] }): { items: Item[] } }).serialize({ path: [] });
  const byDay = root.items.find((item) => item.id === 'sesiones')?.child as (
    id: string,
    options: object,
  ) => Promise<{ serialize(options: object): { items: Item[] } }>;
  const list = (await byDay('sesiones', { path: [] })).serialize({ path: ['sesiones'] });
  return list.items.find((item) => item.id === `dia-${date}`)?.child as {
    initialValueTemplates: { templateId: string; title?: string; parameters?: object }[];
  };
}

describe('the day list pane', () => {
  it('offers «Sesión de este día» with the day’s date and access, not the plain «Sesión»', async () => {
    // Sanity re-infers the templates on every builder call after initialValueTemplates(): called
    // too early, the «+» of the pane created a session without its day, opened under «Todas las sesiones».
    const pane = await dayPane('2020-10-30');
    expect(pane.initialValueTemplates).toEqual([
      expect.objectContaining({ templateId: 'session-on-day', title: 'Sesión de este día', parameters: { date: '2020-10-30', access: 'participants' } }),
    ]);
  });
});

describe('the Spanish corrections', () => {
  /** Sanity's own English strings, as the bundle ships them: every key we translate must exist there. */
  const sanityLib = path.resolve('node_modules/sanity/lib');
  const sources = readdirSync(sanityLib)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(path.join(sanityLib, f), 'utf8'));
  const defines = (namespace: string, key: string) =>
    sources.some((src) => {
      const start = src.indexOf(`defineLocalesResources("${namespace}", {`);
      if (start < 0) return false;
      const end = src.indexOf('defineLocalesResources(', start + 10);
      return src.slice(start, end < 0 ? undefined : end).includes(`"${key}":`);
    });

  it('translate keys Sanity defines, in the namespace it defines them', () => {
    for (const key of Object.keys(structureStrings)) expect(defines('structure', key), `structure: ${key}`).toBe(true);
    for (const key of Object.keys(studioStrings)) expect(defines('studio', key), `studio: ${key}`).toBe(true);
    expect(spanishCorrections.map((b) => [b.locale, b.namespace])).toEqual([
      ['es-ES', 'structure'],
      ['es-ES', 'studio'],
    ]);
  });

  it('never build «Nuevo Sesión», and say «Field actions» in Spanish', () => {
    const esLocale = readFileSync(path.resolve('node_modules/@sanity/locale-es-es/dist/_chunks-es/structure.js'), 'utf8');
    expect(esLocale).toContain('"Nuevo {{schemaType}}"');
    expect(structureStrings['panes.document-header-title.new.text']?.replace('{{schemaType}}', 'Sesión')).toBe('Sesión: documento nuevo');
    expect(studioStrings['form.field.actions-menu.title']).toBe('Acciones del campo');
  });
});

describe('the Presentation tool’s document locations', () => {
  it('list a session’s page in each language, then the programme', () => {
    expect(locationsOf('session', { title: 'Inauguración del encuentro', slug: 'inauguracion' })).toEqual([
      { title: 'Inauguración del encuentro (español)', href: '/programa/inauguracion/' },
      { title: 'Inauguración del encuentro (inglés)', href: '/en/programme/inauguracion/' },
      { title: 'Inauguración del encuentro (portugués)', href: '/pt/programa/inauguracion/' },
      { title: 'Programa', href: '/programa/' },
    ]);
  });

  it('fall back to the list pages while a slug is missing, and know the singletons', () => {
    expect(locationsOf('speaker', { title: 'Rita', slug: null })).toEqual([{ title: 'Ponentes', href: '/ponentes/' }]);
    expect(locationsOf('event', {}).map((l) => l.href)).toEqual(['/', '/en/', '/pt/', '/programa/']);
    expect(locationsOf('institution', {})).toEqual([]);
  });
});

describe('the Presentation tool’s resolvers', () => {
  const seed = readNdjson(path.join(import.meta.dirname, '..', '..', 'studio', 'seed', 'production.ndjson')) as Record<string, unknown>[];
  /** What Sanity hands a resolver: each select path read from the stored document. */
  const pick = (doc: Record<string, unknown>, select: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(select).map(([key, fieldPath]) => [
        key,
        fieldPath.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], doc),
      ]),
    );

  it('read every seed document’s own fields into titled pages, and list the singletons’ pages without waiting for a document', () => {
    type Resolver = {
      select?: Record<string, string>;
      resolve?: (doc: Record<string, unknown>) => { locations: { title: string }[] };
      locations?: { title: string }[];
    };
    const resolvers = (presentationLocations ?? {}) as Record<string, Resolver>;
    expect(Object.keys(resolvers).sort()).toEqual(['conceptNote', 'event', 'report', 'session', 'speaker', 'workshopProducts']);
    for (const [type, { select, resolve, locations }] of Object.entries(resolvers)) {
      if (!select || !resolve) {
        // A fixed list: shown at once, even for a document that does not exist yet.
        expect(locations?.length, type).toBeGreaterThan(0);
        continue;
      }
      const docs = seed.filter((doc) => doc._type === type);
      expect(docs.length, type).toBeGreaterThan(0);
      for (const doc of docs) {
        const resolved = resolve(pick(doc, select)).locations;
        expect(resolved.length, `${type} ${doc._id}`).toBeGreaterThan(0);
        for (const location of resolved) expect(location.title, `${type} ${doc._id}`).not.toMatch(/Sin título|object/);
      }
      // Whatever shape a field arrives in, the form does not break.
      expect(() => resolve({ title: { es: 'x' }, slug: 42 })).not.toThrow();
    }
  });
});
