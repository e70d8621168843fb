/**
 * Small documents shaped like the seed (`studio/seed/production.ndjson`), including both of its
 * quirks: the introduction written "9:20 – 9:30 Hora de Perú" next to the 9:00 opening, and two
 * "Mesas de reflexión" given the same 9:30–10:30 slot.
 */
import type { SanityDocument } from 'sanity';

const meta = { _createdAt: '2020-10-01T12:00:00Z', _updatedAt: '2020-10-01T12:00:00Z', _rev: 'test' };

export function text(es: string | undefined, extra: { en?: string; pt?: string } = {}) {
  return { _type: 'localeString', ...(es === undefined ? {} : { es }), ...extra };
}

export const institutionPifcss: SanityDocument = {
  _id: 'institution-pifcss',
  _type: 'institution',
  ...meta,
  name: text('Programa Iberoamericano para el Fortalecimiento de la Cooperación Sur-Sur'),
  acronym: 'PIFCSS',
  kind: 'internationalOrganisation',
};

export const speakerRita: SanityDocument = {
  _id: 'speaker-rita-mishaan',
  _type: 'speaker',
  ...meta,
  name: 'Rita Mishaan',
  slug: { _type: 'slug', current: 'rita-mishaan' },
  position: text('Subsecretaria de Cooperación y Alianzas para el Desarrollo'),
  institution: { _type: 'reference', _ref: 'institution-pifcss' },
  country: 'GT',
};

export const photoAsset: SanityDocument = {
  _id: 'image-0123456789abcdef-400x400-jpg',
  _type: 'sanity.imageAsset',
  ...meta,
};

export const event: SanityDocument = {
  _id: 'event',
  _type: 'event',
  ...meta,
  name: text('Fortaleciendo los Sistemas Nacionales de Cooperación'),
  shortName: text('Seminario-Taller CSS'),
  kicker: text('Seminario-Taller Virtual'),
  timeZone: 'America/Guatemala',
  secondaryTimeZones: ['America/Lima'],
  modality: 'virtual',
  organizer: { _type: 'reference', _ref: 'institution-pifcss' },
  days: [
    { _type: 'eventDay', _key: 'day1', date: '2020-10-26', title: text('Día 1'), access: 'public' },
    { _type: 'eventDay', _key: 'day2', date: '2020-10-28', title: text('Día 2'), access: 'participants' },
    { _type: 'eventDay', _key: 'day3', date: '2020-10-30', title: text('Día 3'), access: 'participants' },
  ],
  links: [{ _type: 'link', _key: 'registration', kind: 'registration', url: 'https://pifcss.org/inscripcion' }],
};

function session(id: string, fields: Record<string, unknown>): SanityDocument {
  return {
    _id: id,
    _type: 'session',
    ...meta,
    slug: { _type: 'slug', current: id.replace(/^(drafts\.)?session-/u, '') },
    kind: 'other',
    access: 'public',
    date: '2020-10-26',
    ...fields,
  };
}

export const opening = session('session-inauguracion', {
  title: text('Inauguración del encuentro'),
  kind: 'opening',
  start: '09:00',
  end: '09:20',
  order: 1,
  participants: [
    {
      _type: 'sessionParticipant',
      _key: 'p1',
      role: 'welcome',
      speaker: { _type: 'reference', _ref: 'speaker-rita-mishaan' },
      topic: text('Palabras de bienvenida'),
    },
  ],
});

/** As the dataset records it: 9:20–9:30 Guatemala time, continuing the opening. */
export const introduction = session('session-introduccion', {
  title: text('Introducción'),
  kind: 'introduction',
  start: '09:20',
  end: '09:30',
  order: 2,
  participants: [{ _type: 'sessionParticipant', _key: 'p1', role: 'presenter', placeholder: text('Experto/a por confirmar') }],
});

/** Quirk 1 read literally: "9:20 – 9:30 Hora de Perú", i.e. 8:20 in Guatemala, before the opening. */
export const introductionInLimaTime = { ...introduction, timeZone: 'America/Lima' };

export const mesa1 = session('session-mesa-de-reflexion-1', {
  title: text('Mesa de reflexión 1'),
  kind: 'panel',
  start: '09:30',
  end: '10:30',
  order: 3,
  questions: [text('¿Cómo se articulan las instituciones?')],
  participants: [
    { _type: 'sessionParticipant', _key: 'p1', role: 'panelist', placeholder: text('Institución rectora de cooperación 1') },
    { _type: 'sessionParticipant', _key: 'p2', role: 'moderator', speaker: { _type: 'reference', _ref: 'speaker-rita-mishaan' } },
  ],
  links: [{ _type: 'link', _key: 'zoom', kind: 'join', url: 'https://zoom.us/j/123456789' }],
});

/** Quirk 2: the same 9:30–10:30 slot as Mesa 1. */
export const mesa2 = session('session-mesa-de-reflexion-2', {
  title: text('Mesa de reflexión 2'),
  kind: 'panel',
  start: '09:30',
  end: '10:30',
  order: 4,
});

export const workshop = session('session-espacio-interactivo-1', {
  title: text('Espacio interactivo 1'),
  kind: 'workshop',
  access: 'participants',
  date: '2020-10-28',
  start: '09:10',
  end: '10:20',
  order: 2,
});

export const conceptNote: SanityDocument = {
  _id: 'conceptNote',
  _type: 'conceptNote',
  ...meta,
  title: text('Nota conceptual'),
  sections: [
    {
      _type: 'conceptNoteSection',
      _key: 'sec1',
      heading: text('Introducción'),
      anchor: 'introduccion',
      body: {
        _type: 'localeBlockContent',
        es: [
          {
            _type: 'block',
            _key: 'b1',
            style: 'normal',
            markDefs: [{ _type: 'link', _key: 'l1', href: 'https://pifcss.org/' }],
            children: [{ _type: 'span', _key: 's1', text: 'Del Plan de Acción de Buenos Aires (PABA) a esta parte…', marks: ['l1'] }],
          },
        ],
      },
    },
  ],
};

/** Every fixture, as a dataset for the fake Content Lake. */
export const dataset: SanityDocument[] = [institutionPifcss, speakerRita, photoAsset, event, opening, introduction, mesa1, mesa2, workshop, conceptNote];

/** The dataset with `replacement` instead of the document of the same `_id` (or added). */
export function datasetWith(...replacements: SanityDocument[]): SanityDocument[] {
  const ids = new Set(replacements.map((document) => document._id));
  return [...dataset.filter((document) => !ids.has(document._id)), ...replacements];
}
