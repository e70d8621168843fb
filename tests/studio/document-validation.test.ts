import { type DocumentValidationMarker, validateDocument } from '@sanity/validation';
import type { SanityDocument } from 'sanity';
import { describe, expect, it } from 'vitest';
import { createFakeLake } from './fakeClient';
import {
  conceptNote,
  dataset,
  datasetWith,
  event,
  introduction,
  introductionInLimaTime,
  mesa1,
  mesa2,
  opening,
  photoAsset,
  speakerRita,
  text,
  workshop,
} from './fixtures';
import { schema, validateInStudio } from './studio-validation';

/** Markers as `{ level, path, message }`, paths written the way editors read them. */
function describeMarkers(markers: DocumentValidationMarker[]) {
  return markers.map((marker) => ({
    level: marker.level,
    path: marker.path
      .map((segment) => (typeof segment === 'object' && segment !== null && '_key' in segment ? `[${segment._key}]` : String(segment)))
      .join('.'),
    message: marker.message,
  }));
}

/**
 * Validates `document` against `documents` as the Content Lake, twice:
 *
 * - with `validateDocument`, the public API, which validates the way the CLI does
 *   (`sanity documents validate`); and
 * - the way the Studio does (`environment: 'studio'`), which is what editors see and what the
 *   tests assert.
 *
 * Both must find problems at the same places. Levels can differ: in CLI mode @sanity/validation
 * 6.16 appends its "unknown field" check to every rule on an object-typed value with
 * `.warning()`, which turns that whole rule (ours included) into a warning with its default
 * message. Rules on strings and arrays, where most of ours live, keep their level in both modes.
 */
async function validate(document: SanityDocument, documents: SanityDocument[] = datasetWith(document), options: { offline?: boolean } = {}) {
  const lake = createFakeLake(documents, options);
  const cli = await validateDocument({ document, schema, client: lake.client, getDocumentExists: lake.getDocumentExists });
  const studio = await validateInStudio(document, documents, lake);
  const paths = (markers: DocumentValidationMarker[]) =>
    describeMarkers(markers)
      .map((marker) => marker.path)
      .sort();
  expect(paths(cli.markers), 'validateDocument finds the same problems as the Studio').toEqual(paths(studio));
  return { markers: studio, cliStatus: cli.status, queries: lake.queries };
}

async function markersOf(document: SanityDocument, documents?: SanityDocument[]) {
  return describeMarkers((await validate(document, documents)).markers);
}

describe('a session', () => {
  it('passes when it is complete and in order', async () => {
    const result = await validate(opening);
    expect(describeMarkers(result.markers)).toEqual([]);
    expect(result.cliStatus).toBe('passed');
  });

  it('passes as the dataset records the introduction (9:20 Guatemala time)', async () => {
    expect(await markersOf(introduction)).toEqual([]);
  });

  it('is an error when the introduction is read as Peru time and so starts before the opening', async () => {
    const markers = await markersOf(introductionInLimaTime);
    expect(markers).toEqual([
      expect.objectContaining({ level: 'error', path: 'start', message: expect.stringContaining('va después de «Inauguración del encuentro»') }),
    ]);
    expect(markers[0]?.message).toContain('a las 8:20 hora de Guatemala (9:20 en hora de Perú), y «Inauguración del encuentro» a las 9:00');
    expect(markers[0]?.message).toContain('vacía el campo «Zona horaria»');
  });

  it('warns about the overlap of each Mesa de reflexión, naming the other', async () => {
    const first = await markersOf(mesa1);
    const second = await markersOf(mesa2);
    expect(first).toEqual([{ level: 'warning', path: 'start', message: expect.stringContaining('«Mesa de reflexión 2» (9:30–10:30, hora de Guatemala)') }]);
    expect(second).toEqual([{ level: 'warning', path: 'start', message: expect.stringContaining('«Mesa de reflexión 1» (9:30–10:30, hora de Guatemala)') }]);
  });

  it('compares a draft with the latest version of the others and never with itself', async () => {
    const draft = { ...mesa1, _id: `drafts.${mesa1._id}`, end: '10:00' };
    const draftOfMesa2 = { ...mesa2, _id: `drafts.${mesa2._id}`, title: text('Mesa de reflexión 2 (borrador)') };
    const markers = await markersOf(draft, datasetWith(draft, draftOfMesa2));
    expect(markers).toHaveLength(1);
    expect(markers[0]?.message).toContain('«Mesa de reflexión 2 (borrador)»');
    expect(markers[0]?.message).not.toContain('Mesa de reflexión 1');
  });

  it('sends dates to the Content Lake as query parameters', async () => {
    const { queries } = await validate(mesa1);
    const rulesQuery = queries.find((entry) => entry.query.includes('"sessions"'));
    expect(rulesQuery?.params).toEqual({ date: '2020-10-26' });
    expect(rulesQuery?.query).not.toContain('2020-10-26');
  });

  it('accepts a floor language with interpretation into another, and refuses interpretation into the same one', async () => {
    expect(
      await markersOf({ ...opening, language: 'es', languageSupport: [{ _key: 'i1', _type: 'languageSupport', kind: 'interpretation', language: 'pt' }] }),
    ).toEqual([]);
    expect(
      await markersOf({ ...opening, language: 'es', languageSupport: [{ _key: 'i1', _type: 'languageSupport', kind: 'interpretation', language: 'es' }] }),
    ).toEqual([{ level: 'error', path: 'languageSupport.[i1].language', message: expect.stringContaining('tiene que ser a otro idioma') }]);
  });

  it('is an error when it ends before it starts', async () => {
    expect(await markersOf({ ...opening, start: '09:20', end: '09:00' })).toEqual([
      { level: 'error', path: 'end', message: expect.stringContaining('termina (09:00) antes de empezar (09:20)') },
    ]);
  });

  it('is an error when a time falls in a daylight-saving gap', async () => {
    // Madrid, 29 March 2020: clocks went from 02:00 straight to 03:00.
    const markers = await markersOf({ ...opening, date: '2020-03-29', start: '02:30', end: '03:30', timeZone: 'Europe/Madrid' });
    expect(markers).toContainEqual({
      level: 'error',
      path: 'start',
      message: expect.stringContaining('La hora 02:30 del 2020-03-29 no existe en Europe/Madrid'),
    });
    expect(markers).toContainEqual({ level: 'error', path: 'date', message: expect.stringContaining('no es uno de los días del evento') });
  });

  it('warns when a time happens twice because clocks go back', async () => {
    // Madrid, 25 October 2020, the day before the event: 02:00–03:00 happened twice. The day is
    // added to the event, since a session outside the event's days is an error of its own.
    const session = { ...opening, date: '2020-10-25', start: '02:30', end: '03:30', timeZone: 'Europe/Madrid' };
    const days = [{ _key: 'd0', _type: 'eventDay', date: '2020-10-25', access: 'participants' }, ...(event.days as object[])];
    const markers = await markersOf(session, datasetWith(session, { ...event, days }));
    expect(markers).toContainEqual({ level: 'warning', path: 'start', message: expect.stringContaining('ocurre dos veces en Europe/Madrid') });
    expect(markers.filter((marker) => marker.level === 'error')).toEqual([]);
  });

  it('is an error when its time zone does not exist, and accepts any real one', async () => {
    expect(await markersOf({ ...opening, timeZone: 'America/Ciudad_de_Guatemala' })).toEqual([
      { level: 'error', path: 'timeZone', message: expect.stringContaining('«America/Ciudad_de_Guatemala» no existe') },
    ]);
    expect(await markersOf({ ...workshop, timeZone: 'Europe/Paris', start: '16:10', end: '17:20' })).toEqual([]);
  });

  it('is an error when a time is not a 24-hour time, and a warning when it has one digit', async () => {
    expect(await markersOf({ ...opening, start: '9.00' })).toEqual([
      { level: 'error', path: 'start', message: expect.stringContaining('«9.00» no es válida') },
    ]);
    expect(await markersOf({ ...opening, start: '9:00' })).toEqual([
      { level: 'warning', path: 'start', message: expect.stringContaining('dos cifras (09:00') },
    ]);
  });

  it('is an error when its date is not one of the event days, as the build refuses it', async () => {
    expect(await markersOf({ ...workshop, date: '2020-10-27' })).toEqual([
      {
        level: 'error',
        path: 'date',
        message: expect.stringContaining('El 27/10/2020 (martes) no es uno de los días del evento (26/10/2020, 28/10/2020 y 30/10/2020)'),
      },
    ]);
  });

  it('names the event day a session written in another zone falls on, and suggests the event zone', async () => {
    // 00:30 on Tuesday 27 in Madrid is 17:30 on Monday 26 in Guatemala.
    const markers = await markersOf({ ...workshop, date: '2020-10-27', start: '00:30', end: '00:50', timeZone: 'Europe/Madrid' });
    expect(markers).toContainEqual({
      level: 'error',
      path: 'date',
      message: expect.stringContaining('en hora de Guatemala la sesión empieza el lunes 26/10/2020 a las 17:30, que sí es un día del evento'),
    });
    expect(markers[0]?.message).toContain('Escribe la fecha y las horas en hora de Guatemala (y vacía «Zona horaria»)');
  });

  it('accepts a session past midnight when «Termina al día siguiente» is ticked, and says how otherwise', async () => {
    const late = { ...workshop, start: '23:15', end: '00:15' };
    expect(await markersOf({ ...late, endsNextDay: true })).toEqual([]);
    expect(await markersOf(late)).toEqual([
      { level: 'error', path: 'end', message: expect.stringContaining('Si de verdad termina pasada la medianoche, marca «Termina al día siguiente».') },
    ]);
    expect(await markersOf({ ...workshop, endsNextDay: true })).toEqual([
      { level: 'error', path: 'endsNextDay', message: expect.stringContaining('Marcaste «Termina al día siguiente», pero entonces la sesión duraría') },
    ]);
  });

  it('is an error without a Spanish title, with or without translations', async () => {
    const withoutSpanish = await markersOf({ ...opening, title: text(undefined, { en: 'Opening' }) });
    expect(withoutSpanish).toEqual([{ level: 'error', path: 'title.es', message: expect.stringContaining('Falta el texto en español') }]);
    const { title: _title, ...untitled } = opening;
    const withoutTitle = await markersOf(untitled as SanityDocument);
    expect(withoutTitle).toContainEqual({ level: 'error', path: 'title', message: expect.stringContaining('Escribe el título de la sesión') });
  });

  it('accepts missing English and Portuguese translations', async () => {
    expect(await markersOf({ ...opening, title: text('Inauguración del encuentro') })).toEqual([]);
  });

  it('is an error when a participants-only session carries a join link', async () => {
    const withJoin = { ...workshop, links: [{ _type: 'link', _key: 'zoom', kind: 'join', url: 'https://zoom.us/j/123456789' }] };
    expect(await markersOf(withJoin)).toEqual([
      { level: 'error', path: 'links.[zoom].kind', message: expect.stringContaining('solo para participantes inscritos') },
    ]);
    // Recordings have their own field (issue #20), open to every session: a recording lets no one in.
    const withRecording = { ...workshop, recordings: [{ _type: 'recording', _key: 'video', url: 'https://youtube.com/watch?v=1' }] };
    expect(await markersOf(withRecording)).toEqual([]);
  });

  it('is an error when a link is not https: or mailto:', async () => {
    const unsafe = {
      ...mesa2,
      links: [
        { _type: 'link', _key: 'js', kind: 'material', url: 'javascript:alert(1)' },
        { _type: 'link', _key: 'http', kind: 'material', url: 'http://pifcss.org' },
        { _type: 'link', _key: 'mail', kind: 'other', url: 'mailto:comunicacion@cooperacionsursur.org' },
      ],
    };
    const markers = await markersOf(unsafe);
    expect(markers.filter((marker) => marker.level === 'error')).toEqual([
      { level: 'error', path: 'links.[js].url', message: expect.stringContaining('no está permitida por seguridad') },
      { level: 'error', path: 'links.[http].url', message: expect.stringContaining('Usa la versión https://') },
    ]);
  });

  it('needs exactly one of a speaker or a placeholder for each participant, and a role', async () => {
    const participants = [
      { _type: 'sessionParticipant', _key: 'nobody', role: 'panelist' },
      {
        _type: 'sessionParticipant',
        _key: 'both',
        role: 'panelist',
        speaker: { _type: 'reference', _ref: 'speaker-rita-mishaan' },
        placeholder: text('Institución sectorial 1'),
      },
      { _type: 'sessionParticipant', _key: 'noRole', placeholder: text('Institución sectorial 2') },
      { _type: 'sessionParticipant', _key: 'fine', role: 'panelist', placeholder: text('Institución sectorial 3') },
    ];
    expect(await markersOf({ ...workshop, participants })).toEqual([
      { level: 'error', path: 'participants.[nobody].speaker', message: expect.stringContaining('Falta quién participa') },
      { level: 'error', path: 'participants.[both].placeholder', message: expect.stringContaining('a la vez una persona elegida y un marcador') },
      { level: 'error', path: 'participants.[noRole].role', message: expect.stringContaining('Elige el papel') },
    ]);
  });

  it('is an error when its slug is already used by another session', async () => {
    const copy = { ...mesa2, _id: 'session-copia', slug: { _type: 'slug', current: 'mesa-de-reflexion-1' }, date: '2020-10-30', order: 9 };
    expect(await markersOf(copy)).toContainEqual(expect.objectContaining({ level: 'error', path: 'slug' }));
    expect(await markersOf({ ...copy, slug: { _type: 'slug', current: 'copia' } })).toEqual([]);
  });

  it('still checks its own times when the Content Lake cannot be reached', async () => {
    const result = await validate({ ...opening, start: '09:20', end: '09:00' }, dataset, { offline: true });
    expect(describeMarkers(result.markers)).toContainEqual({ level: 'error', path: 'end', message: expect.stringContaining('antes de empezar') });
  });
});

describe('a speaker', () => {
  it('passes when complete', async () => {
    expect(await markersOf(speakerRita)).toEqual([]);
  });

  it('needs a description of the photo when there is a photo', async () => {
    const photo = { _type: 'image', asset: { _type: 'reference', _ref: photoAsset._id } };
    expect(await markersOf({ ...speakerRita, photo })).toEqual([
      { level: 'error', path: 'photo.alt', message: expect.stringContaining('Falta la descripción de la foto') },
    ]);
    expect(await markersOf({ ...speakerRita, photo: { ...photo, alt: text('Retrato de Rita Mishaan') } })).toEqual([]);
  });

  it('is an error without a name', async () => {
    expect(await markersOf({ ...speakerRita, name: undefined } as SanityDocument)).toEqual([
      { level: 'error', path: 'name', message: expect.stringContaining('nombre completo') },
    ]);
  });
});

describe('the event', () => {
  it('passes when complete', async () => {
    expect(await markersOf(event)).toEqual([]);
  });

  it('is an error when its time zones are not IANA zones', async () => {
    expect(await markersOf({ ...event, timeZone: '-06:00', secondaryTimeZones: ['America/Lima', 'Hora de Perú'] })).toEqual([
      { level: 'error', path: 'timeZone', message: expect.stringContaining('«-06:00» no es una zona horaria válida') },
      { level: 'error', path: 'secondaryTimeZones.1', message: expect.stringContaining('«Hora de Perú» no es una zona horaria válida') },
    ]);
  });

  it('is an error when a day is repeated, and a warning when days are out of order', async () => {
    const days = event.days as Record<string, unknown>[];
    expect(await markersOf({ ...event, days: [days[0], days[2], { ...days[1], _key: 'again', date: '2020-10-26' }] })).toEqual([
      { level: 'error', path: 'days.[again].date', message: expect.stringContaining('El día 2020-10-26 está repetido') },
    ]);
    expect(await markersOf({ ...event, days: [days[0], days[2], days[1]] })).toEqual([
      { level: 'warning', path: 'days.[day2].date', message: expect.stringContaining('orden del calendario') },
    ]);
  });

  it('is an error when a day says nothing about who may attend', async () => {
    const days = event.days as Record<string, unknown>[];
    expect(await markersOf({ ...event, days: [{ ...days[0], access: undefined }, days[1], days[2]] })).toEqual([
      { level: 'error', path: 'days.[day1].access', message: expect.stringContaining('abierto al público') },
    ]);
  });

  it('is an error when a registration link is not https:', async () => {
    expect(await markersOf({ ...event, links: [{ _type: 'link', _key: 'reg', kind: 'registration', url: 'pifcss.org/inscripcion' }] })).toEqual([
      { level: 'error', path: 'links.[reg].url', message: expect.stringContaining('no es una dirección completa') },
    ]);
  });
});

describe('the concept note', () => {
  const [section] = conceptNote.sections as Record<string, unknown>[];

  it('passes when complete', async () => {
    expect(await markersOf(conceptNote)).toEqual([]);
  });

  it('is an error when two sections share an anchor, or an anchor is not kebab-case', async () => {
    const sections = [section, { ...section, _key: 'sec2' }, { ...section, _key: 'sec3', anchor: 'Objetivo general' }];
    expect(await markersOf({ ...conceptNote, sections })).toEqual([
      { level: 'error', path: 'sections.[sec2].anchor', message: expect.stringContaining('ya la usa otra sección') },
      { level: 'error', path: 'sections.[sec3].anchor', message: expect.stringContaining('minúsculas sin tildes') },
    ]);
  });

  it('is an error when a link in the text is javascript:', async () => {
    const body = section?.body as { es: { markDefs: Record<string, unknown>[] }[] };
    const block = body.es[0];
    const unsafe = { ...section, body: { ...body, es: [{ ...block, markDefs: [{ _type: 'link', _key: 'l1', href: 'javascript:alert(1)' }] }] } };
    expect(await markersOf({ ...conceptNote, sections: [unsafe] })).toEqual([
      { level: 'error', path: 'sections.[sec1].body.es.[b1].markDefs.[l1].href', message: expect.stringContaining('no está permitida por seguridad') },
    ]);
  });
});

describe('an institution', () => {
  it('is an error without a kind, and passes with one', async () => {
    const [institution] = dataset.filter((document) => document._type === 'institution');
    if (!institution) throw new Error('fixture missing');
    expect(await markersOf({ ...institution, kind: undefined } as SanityDocument)).toEqual([
      { level: 'error', path: 'kind', message: expect.stringContaining('Elige el tipo de institución') },
    ]);
    expect(await markersOf(institution)).toEqual([]);
  });
});

describe('private links in the Studio (the rules the build refuses with)', () => {
  const meetingBlock = {
    _type: 'block',
    _key: 'b1',
    style: 'normal',
    markDefs: [{ _type: 'link', _key: 'l1', href: 'https://us02web.zoom.us/j/123' }],
    children: [{ _type: 'span', _key: 's1', text: 'Sala', marks: ['l1'] }],
  };

  it('is an error to give a public session of a participants-only day a join link, naming the day', async () => {
    const open = { ...workshop, access: 'public', links: [{ _type: 'link', _key: 'j1', kind: 'join', url: 'https://zoom.us/j/1' }] };
    const markers = await markersOf(open);
    expect(markers).toEqual([expect.objectContaining({ level: 'error', path: 'links.[j1].kind', message: expect.stringContaining('28 de octubre de 2020') })]);
  });

  it('is an error to link a meeting from a participants-only session’s description', async () => {
    const markers = await markersOf({ ...workshop, description: { _type: 'localeBlockContent', es: [meetingBlock] } });
    expect(markers).toEqual([expect.objectContaining({ level: 'error', path: 'description.es.[b1]', message: expect.stringContaining('us02web.zoom.us') })]);
  });

  it('lets a public session of a public day link the same meeting', async () => {
    expect(await markersOf({ ...opening, description: { _type: 'localeBlockContent', es: [meetingBlock] } })).toEqual([]);
  });
});
