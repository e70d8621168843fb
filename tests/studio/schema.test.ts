import type { ObjectSchemaType, SchemaType } from 'sanity';
import { describe, expect, it } from 'vitest';
import { SINGLETON_TYPES, schemaTypes } from '../../content-models/schema';
import { schema } from './studio-validation';

/** Type names the content model (docs/content-model.md) fixes. */
const contractTypes = [
  'event',
  'session',
  'speaker',
  'institution',
  'conceptNote',
  'localeString',
  'localeText',
  'localeBlockContent',
  'sessionParticipant',
  'link',
  'eventDay',
  'conceptNoteSection',
  'languageSupport',
  // Issue #20
  'report',
  'workshopProducts',
  'workshopProduct',
  'asyncActivity',
  'sessionMaterial',
  'languageChannel',
  'recording',
];

/** Field names per type, as the content model lists them. */
const contractFields: Record<string, string[]> = {
  event: [
    'name',
    'shortName',
    'kicker',
    'timeZone',
    'secondaryTimeZones',
    'status',
    'modality',
    'organizer',
    'logo',
    'summary',
    'audience',
    'accessRules',
    'days',
    'links',
    'accessibilityContact',
    'accessibilityIntro',
  ],
  session: [
    'title',
    'slug',
    'date',
    'start',
    'end',
    'endsNextDay',
    'timeZone',
    'kind',
    'access',
    'order',
    'language',
    'languageSupport',
    'channels',
    'objective',
    'description',
    'questions',
    'participants',
    'links',
    'materials',
    'recordings',
    'qaUrl',
    'feedbackUrl',
  ],
  recording: ['url', 'title', 'language'],
  speaker: ['name', 'slug', 'position', 'institution', 'country', 'photo', 'bio'],
  institution: ['name', 'acronym', 'country', 'kind', 'logo'],
  conceptNote: ['title', 'sections'],
  localeString: ['es', 'en', 'pt'],
  localeText: ['es', 'en', 'pt'],
  localeBlockContent: ['es', 'en', 'pt'],
  sessionParticipant: ['role', 'speaker', 'placeholder', 'topic'],
  link: ['kind', 'label', 'url'],
  eventDay: ['date', 'title', 'access', 'joinInfo'],
  conceptNoteSection: ['heading', 'anchor', 'body'],
  languageSupport: ['kind', 'language', 'signLanguage'],
  languageChannel: ['language', 'url', 'label'],
  report: ['body'],
  workshopProducts: ['items'],
  workshopProduct: ['title', 'status', 'body', 'file', 'url'],
  asyncActivity: ['title', 'description', 'startDate', 'endDate', 'afterDay', 'url', 'order'],
  sessionMaterial: ['title', 'file', 'url'],
};

function objectType(name: string): ObjectSchemaType {
  const type = schema.get(name);
  if (type?.jsonType !== 'object') throw new Error(`${name} is not an object type`);
  return type as ObjectSchemaType;
}

describe('the Sanity schema', () => {
  it('compiles without any problem', () => {
    const problems = (schema._validation ?? []).flatMap((group) => group.problems.map((problem) => ({ path: group.path, ...problem })));
    expect(problems).toEqual([]);
  });

  it('defines every type of the content model', () => {
    for (const name of contractTypes) expect(schema.has(name), name).toBe(true);
  });

  it('gives each type exactly the fields of the content model', () => {
    for (const [name, fields] of Object.entries(contractFields)) {
      expect(
        objectType(name)
          .fields.map((field) => field.name)
          .sort(),
        name,
      ).toEqual([...fields].sort());
    }
  });

  it('has an icon and a preview on every document', () => {
    const documents = schemaTypes.filter((type) => type.type === 'document');
    expect(documents.map((type) => type.name).sort()).toEqual([
      'asyncActivity',
      'conceptNote',
      'event',
      'institution',
      'report',
      'session',
      'speaker',
      'workshopProducts',
    ]);
    for (const type of documents) {
      const compiled = schema.get(type.name) as SchemaType & { icon?: unknown; preview?: { select?: unknown; prepare?: unknown } };
      expect(compiled.icon, type.name).toBeTruthy();
      expect(compiled.preview?.select, type.name).toBeTruthy();
      expect(typeof compiled.preview?.prepare, type.name).toBe('function');
    }
  });

  it('gives every field a Spanish title and a description for the editors', () => {
    const missing: string[] = [];
    for (const name of Object.keys(contractFields)) {
      for (const field of objectType(name).fields) {
        if (!field.type.title?.trim()) missing.push(`${name}.${field.name}: title`);
        if (!field.type.description || typeof field.type.description !== 'string' || !field.type.description.trim()) {
          missing.push(`${name}.${field.name}: description`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('names the singletons, which are document types', () => {
    expect([...SINGLETON_TYPES]).toEqual(['event', 'conceptNote', 'report', 'workshopProducts']);
    for (const name of SINGLETON_TYPES) expect(schema.get(name)?.type?.name).toBe('document');
  });
});

describe('document previews', () => {
  function preview(typeName: string, selection: Record<string, unknown>) {
    const type = schema.get(typeName) as SchemaType & { preview: { prepare: (value: Record<string, unknown>) => { title?: string; subtitle?: string } } };
    return type.preview.prepare(selection);
  }

  it('show a session with its day, times, zone and type', () => {
    expect(preview('session', { title: 'Inauguración del encuentro', date: '2020-10-26', start: '09:00', end: '09:20', kind: 'opening' })).toEqual({
      title: 'Inauguración del encuentro',
      subtitle: 'Lun 26 · 9:00–9:20 (Guatemala) · Apertura',
    });
  });

  it('name the zone of a session written in another zone', () => {
    expect(
      preview('session', { title: 'Introducción', date: '2020-10-26', start: '09:20', end: '09:30', timeZone: 'America/Lima', kind: 'introduction' }).subtitle,
    ).toBe('Lun 26 · 9:20–9:30 (Perú) · Introducción');
  });

  it('show an asynchronous activity with its dates in words, or its place in the programme', () => {
    expect(preview('asyncActivity', { title: 'Foro virtual', afterDay: '2020-10-28' }).subtitle).toBe('Sin fechas · tras el 28 de octubre');
    expect(preview('asyncActivity', { title: 'Foro virtual', startDate: '2020-11-02', endDate: '2020-11-06' }).subtitle).toBe(
      '2 de noviembre – 6 de noviembre',
    );
    expect(preview('asyncActivity', { title: 'Foro virtual' }).subtitle).toBe('Sin fechas');
  });

  it('show a speaker with position and institution', () => {
    expect(
      preview('speaker', {
        name: 'Rita Mishaan',
        position: 'Subsecretaria de Cooperación y Alianzas para el Desarrollo',
        acronym: 'SEGEPLAN',
        institution: 'Secretaría de Planificación y Programación de la Presidencia',
      }),
    ).toMatchObject({ title: 'Rita Mishaan', subtitle: 'Subsecretaria de Cooperación y Alianzas para el Desarrollo · SEGEPLAN' });
  });
});
