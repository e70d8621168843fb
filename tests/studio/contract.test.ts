import { evaluate, parse } from 'groq-js';
import type { SanityDocument } from 'sanity';
import { describe, expect, it } from 'vitest';
import { siteQuery } from '../../content-models/queries';
import { rawEvent, rawSession, rawSpeaker } from '../../content-models/result';
import { SIGN_LANGUAGE_CODES } from '../../content-models/sign-languages';
import { SESSION_LANGUAGES } from '../../content-models/validation/languages';
import { buildSite } from '../../site/lib/content/load';
import { ContentValidationError } from '../../site/lib/content/problems';
import { conceptNote, dataset, datasetWith, event, mesa1, opening, speakerRita, workshop } from './fixtures';
import { schema, validateInStudio } from './studio-validation';

/**
 * The contract between the Studio and the build: every value the Studio offers is one the build
 * accepts, and every content rule the build refuses with is an error in the Studio, with the same
 * message, so an editor can never publish what the build then refuses.
 */

/** The stored values of a string field's option list, as the compiled schema holds them. */
function optionValues(typeName: string, fieldPath: string[]): string[] {
  let type: unknown = schema.get(typeName);
  for (const name of fieldPath) {
    const t = type as { fields?: { name: string; type: unknown }[]; of?: unknown[] };
    type = t.fields?.find((f) => f.name === name)?.type ?? (t.of?.[0] as { fields?: unknown } | undefined);
    if ((type as { jsonType?: string }).jsonType === 'array') type = (type as { of: unknown[] }).of[0];
  }
  const list = (type as { options?: { list?: ({ value: string } | string)[] } }).options?.list ?? [];
  return list.map((option) => (typeof option === 'string' ? option : option.value)).sort();
}

/** The values a zod enum of the result shape accepts. */
function enumValues(shape: { shape: Record<string, unknown> }, path: string[]): string[] {
  let node: unknown = shape;
  for (const key of path) {
    node = unwrap(node);
    node = (node as { shape?: Record<string, unknown> }).shape?.[key] ?? (node as { element?: unknown }).element;
    node = unwrap(node);
    if ((node as { element?: unknown }).element) node = unwrap((node as { element: unknown }).element);
  }
  return [...((unwrap(node) as { options: string[] }).options ?? [])].sort();
}

function unwrap(node: unknown): unknown {
  let current = node as { def?: { innerType?: unknown; in?: unknown; type?: string } };
  for (let i = 0; i < 6 && current?.def; i++) {
    const next = current.def.innerType ?? current.def.in;
    if (!next) break;
    current = next as typeof current;
  }
  return current;
}

describe('every enum the build accepts is the Studio option list of its field', () => {
  it.each([
    ['session kind', rawSession, ['kind'], 'session', ['kind']],
    ['session access', rawSession, ['access'], 'session', ['access']],
    ['participant role', rawSession, ['participants', 'role'], 'session', ['participants', 'role']],
    ['session link kind', rawSession, ['links', 'kind'], 'session', ['links', 'kind']],
    ['language support kind', rawSession, ['languageSupport', 'kind'], 'session', ['languageSupport', 'kind']],
    ['event modality', rawEvent, ['modality'], 'event', ['modality']],
    ['event day access', rawEvent, ['days', 'access'], 'event', ['days', 'access']],
    ['event link kind', rawEvent, ['links', 'kind'], 'event', ['links', 'kind']],
    ['institution kind', rawSpeaker, ['institution', 'kind'], 'institution', ['kind']],
  ] as const)('%s', (_name, shape, path, typeName, field) => {
    const studio = optionValues(typeName, [...field]);
    expect(studio.length, `${typeName}.${field.join('.')} has an option list`).toBeGreaterThan(1);
    expect(enumValues(shape as unknown as { shape: Record<string, unknown> }, [...path])).toEqual(studio);
  });
});

describe('every list a build rule checks against is the Studio option list of its field', () => {
  // These fields are strings in the result shape (an unknown value gets the rule's own message, naming
  // the list), so the list the rule reads is compared with the Studio's options instead.
  it.each([
    ['sign language', 'languageSupport', ['signLanguage'], SIGN_LANGUAGE_CODES],
    ['language support language', 'languageSupport', ['language'], SESSION_LANGUAGES],
    ['channel language', 'languageChannel', ['language'], SESSION_LANGUAGES],
  ] as const)('%s', (_name, typeName, field, list) => {
    expect(optionValues(typeName, [...field])).toEqual([...list].sort());
  });
});

/** The build's problems for a dataset, as `field: message`, or [] when it builds. */
async function buildProblems(documents: SanityDocument[]): Promise<{ documentId: string; field: string; message: string }[]> {
  const result = await evaluate(parse(siteQuery, { params: { lang: 'es' } }), { dataset: documents, params: { lang: 'es' } });
  try {
    buildSite(await result.get(), 'es', 'contract test', { warn: () => {}, studioUrl: undefined });
    return [];
  } catch (error) {
    if (!(error instanceof ContentValidationError)) throw error;
    return error.problems.map(({ documentId, field, message }) => ({ documentId, field, message }));
  }
}

/** The error messages an editor sees on one document in the Studio, with the dataset as the Content Lake. */
async function studioErrors(document: SanityDocument, documents: SanityDocument[]): Promise<string[]> {
  const markers = await validateInStudio(document, documents);
  return markers.filter((m) => m.level === 'error').map((m) => m.message);
}

describe('every rule the build refuses with is a Studio error with the same message', () => {
  it('the fixture dataset builds, so each case below fails for its own change only', async () => {
    expect(await buildProblems(dataset)).toEqual([]);
  });

  /** A participants-only session's description (Spanish) with one link in its text. */
  const linkedText = (href: string) => ({
    _type: 'localeBlockContent',
    es: [
      {
        _type: 'block',
        _key: 'b1',
        style: 'normal',
        markDefs: [{ _type: 'link', _key: 'l1', href }],
        children: [{ _type: 'span', _key: 's1', text: 'Sala de la sesión', marks: ['l1'] }],
      },
    ],
  });
  /** Mesa 1 with a join link on the organisers' own host: not a meeting service, still a way in. */
  const mesa1OwnRoom = { ...mesa1, links: [{ _type: 'link', _key: 'sala', kind: 'join', url: 'https://sala.cooperacionsursur.org/mesa-1' }] };

  /** The workshop (Wednesday, a participants-only day) made public, with a join link. */
  const publicOnPrivateDay: SanityDocument = {
    ...workshop,
    access: 'public',
    links: [{ _type: 'link', _key: 'j', kind: 'join', url: 'https://zoom.us/j/1' }],
  };
  /** An asynchronous activity as the seed has it: a title and the day it follows. */
  const activity: SanityDocument = {
    _id: 'asyncActivity-foro',
    _type: 'asyncActivity',
    _createdAt: '2020-10-01T00:00:00Z',
    _updatedAt: '2020-10-01T00:00:00Z',
    _rev: 'r',
    title: { _type: 'localeString', es: 'Foro virtual' },
    afterDay: '2020-10-28',
  };
  /** The document under test, then any other document the case changes in the dataset. */
  const cases: [string, SanityDocument, ...SanityDocument[]][] = [
    ['a public session on a participants-only day with a join link', publicOnPrivateDay],
    [
      'a public session on a participants-only day with a stream link',
      { ...workshop, access: 'public', links: [{ _type: 'link', _key: 's', kind: 'stream', url: 'https://www.youtube.com/live/x' }] },
    ],
    ['a meeting-service link in a participants-only session’s description', { ...workshop, description: linkedText('https://meet.google.com/abc-defg-hij') }],
    [
      'another session’s join link in a participants-only session’s description',
      { ...workshop, description: linkedText('https://sala.cooperacionsursur.org/mesa-1/') },
      mesa1OwnRoom,
    ],
    ['a session that ends before it starts', { ...opening, start: '09:20', end: '09:00' }],
    ['a session in a daylight-saving gap', { ...opening, timeZone: 'Europe/Madrid', start: '02:30', end: '03:30', date: '2020-03-29' }],
    ['a session dated outside the event days', { ...workshop, date: '2020-10-27' }],
    ['a session whose time zone does not exist', { ...opening, timeZone: 'America/Ciudad_de_Guatemala' }],
    ['a participants-only session with a join link', { ...workshop, links: [{ _type: 'link', _key: 'j', kind: 'join', url: 'https://zoom.us/j/1' }] }],
    ['a link that is not https or mailto', { ...mesa1, links: [{ _type: 'link', _key: 'x', kind: 'material', url: 'javascript:alert(1)' }] }],
    [
      'interpretation into the floor language',
      { ...opening, language: 'es', languageSupport: [{ _key: 'i', _type: 'languageSupport', kind: 'interpretation', language: 'es' }] },
    ],
    [
      'a sign language code not on the list',
      { ...opening, language: 'es', languageSupport: [{ _key: 's', _type: 'languageSupport', kind: 'signLanguage', signLanguage: 'xsl' }] },
    ],
    [
      'a language channel on a participants-only session',
      { ...workshop, language: 'es', channels: [{ _key: 'c', _type: 'languageChannel', language: 'es', url: 'https://zoom.us/j/2' }] },
    ],
    [
      'a language channel on a public session of a participants-only day',
      { ...workshop, access: 'public', language: 'es', channels: [{ _key: 'c', _type: 'languageChannel', language: 'es', url: 'https://zoom.us/j/2' }] },
    ],
    [
      'a channel in a language the session is neither held nor interpreted in',
      { ...opening, language: 'es', channels: [{ _key: 'c', _type: 'languageChannel', language: 'pt', url: 'https://zoom.us/j/3' }] },
    ],
    [
      'a channel address that is not https',
      { ...opening, language: 'es', channels: [{ _key: 'c', _type: 'languageChannel', language: 'es', url: 'mailto:sala@example.org' }] },
    ],
    ['an accessibility contact that is not https or mailto', { ...event, accessibilityContact: 'javascript:alert(1)' }],
    ['a participant with neither speaker nor placeholder', { ...opening, participants: [{ _type: 'sessionParticipant', _key: 'p', role: 'panelist' }] }],
    [
      'an event day listed twice',
      {
        ...event,
        days: [
          ...(event.days as object[]),
          { _type: 'eventDay', _key: 'again', date: '2020-10-26', title: { _type: 'localeString', es: 'Otra vez' }, access: 'public' },
        ],
      },
    ],
    ['an event zone that does not exist', { ...event, secondaryTimeZones: ['America/Lima', 'GMT-5'] }],
    [
      'two concept note sections with one anchor',
      { ...conceptNote, sections: [...(conceptNote.sections as object[]), { ...(conceptNote.sections as object[])[0], _key: 'sec2' }] },
    ],
    ['a speaker country that is not an ISO code', { ...speakerRita, country: 'gt' }],
    // Issue #20: materials, products and asynchronous activities.
    [
      'a material with neither file nor address',
      { ...mesa1, materials: [{ _type: 'sessionMaterial', _key: 'm', title: { _type: 'localeString', es: 'Acta' } }] },
    ],
    [
      'a material with a file and an address',
      {
        ...mesa1,
        materials: [
          {
            _type: 'sessionMaterial',
            _key: 'm',
            title: { _type: 'localeString', es: 'Acta' },
            file: { _type: 'file', asset: { _type: 'reference', _ref: 'file-abc-pdf' } },
            url: 'https://example.org/acta.pdf',
          },
        ],
      },
      { _id: 'file-abc-pdf', _type: 'sanity.fileAsset', url: 'https://cdn.sanity.io/files/p/production/abc.pdf', _createdAt: '', _updatedAt: '', _rev: '' },
    ],
    [
      'a material at an address that is not https or mailto',
      { ...mesa1, materials: [{ _type: 'sessionMaterial', _key: 'm', title: { _type: 'localeString', es: 'Acta' }, url: 'javascript:alert(1)' }] },
    ],
    ['an asynchronous activity that closes before it opens', { ...activity, startDate: '2020-11-05', endDate: '2020-11-01' }],
    ['an asynchronous activity placed after a day that is not the event’s', { ...activity, afterDay: '2020-10-27' }],
    ['an asynchronous activity at an unsafe address', { ...activity, url: 'javascript:alert(1)' }],
    [
      'a product at an unsafe address',
      {
        _id: 'workshopProducts',
        _type: 'workshopProducts',
        _createdAt: '2020-10-01T00:00:00Z',
        _updatedAt: '2020-10-01T00:00:00Z',
        _rev: 'r',
        items: [{ _type: 'workshopProduct', _key: 'p', title: { _type: 'localeString', es: 'Mapeo' }, url: 'javascript:alert(1)' }],
      },
    ],
    // Recordings, Q&A and feedback (issue #20): the safe-address rule, a recording on the web only.
    ['a recording that is not a web address', { ...mesa1, recordings: [{ _type: 'recording', _key: 'r', url: 'mailto:video@pifcss.org' }] }],
    ['a recording on http:', { ...mesa1, recordings: [{ _type: 'recording', _key: 'r', url: 'http://www.youtube.com/watch?v=AbCdEfGhIjK' }] }],
    ['a Q&A address with javascript:', { ...opening, qaUrl: 'javascript:alert(1)' }],
    ['a feedback address that is not complete', { ...workshop, feedbackUrl: 'forms.example.org/valoracion' }],
  ];

  it('names the day when a live link is on a participants-only day, in the build and in the Studio', async () => {
    const document = publicOnPrivateDay;
    const documents = datasetWith(document);
    const refused = (await buildProblems(documents)).filter((p) => p.documentId === document._id).map((p) => p.message);
    const day = /La sesión es del día 28 de octubre de 2020 \(«Día 2»\), que es solo para participantes inscritos/u;
    expect(
      refused.some((message) => day.test(message)),
      refused.join('\n'),
    ).toBe(true);
    expect((await studioErrors(document, documents)).some((message) => day.test(message))).toBe(true);
  });

  it.each(cases)('%s', async (_name, document, ...others) => {
    const documents = datasetWith(document, ...others);
    const refused = (await buildProblems(documents)).filter((p) => p.documentId === document._id);
    expect(refused.length, 'the build refuses it').toBeGreaterThan(0);
    const studio = await studioErrors(document, documents);
    for (const problem of refused) expect(studio, `${problem.field}: ${problem.message}`).toContain(problem.message);
  });
});
