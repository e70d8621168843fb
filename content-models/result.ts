import { z } from 'zod';
import { languages } from './locales';
import { ACCESS_LEVELS, INSTITUTION_KINDS, MODALITIES, PROGRAMME_STATUSES, SESSION_KINDS } from './schema/lib/options';
import { LANGUAGE_SUPPORT_KINDS } from './validation/languages';
import { LINK_KINDS } from './validation/links';
import { PARTICIPANT_ROLES } from './validation/participants';

/**
 * The shape of `siteQuery`'s result (content-models/queries.ts), checked before anything is rendered. The TypeScript types of
 * the raw content are inferred from these schemas, so the check and the types cannot drift apart.
 * Required-ness mirrors the Sanity schema in content-models/schema: what the Studio requires,
 * the build requires too, because a document may arrive from an export the Studio never saw.
 * Every enum is the schema's own option list (schema/lib/options.ts, validation/), so a value the
 * Studio offers is always one the build accepts (tests/unit/contract.test.ts holds that).
 */

const langCode = z.enum(languages);

/** A required translatable value: the Spanish source must exist. */
export const text = z.object(
  {
    text: z.string({ error: 'falta el texto en español' }).trim().min(1, 'falta el texto en español'),
    lang: langCode,
  },
  // The query projects an absent field to null rather than to `{ text: null }`.
  { error: 'falta el texto en español' },
);

/** An optional translatable value: absent, or present with Spanish. */
export const optionalText = z
  .object({ text: z.string().nullable(), lang: langCode.nullable() })
  .nullable()
  .transform((value) => (value?.text?.trim() && value.lang ? { text: value.text, lang: value.lang } : null));

/** Portable Text is rendered by site/lib/portable-text.ts, which treats every node defensively. */
export const blocks = z
  .object({ blocks: z.array(z.looseObject({ _type: z.string() })).nullable(), lang: langCode.nullable() })
  .nullable()
  .transform((value) => (value?.blocks?.length && value.lang ? { blocks: value.blocks, lang: value.lang } : null));

/**
 * A URL path segment: kebab-case only. Slugs and anchors become folder names and fragments, so
 * anything else (`../../etc`, `a/b`, quotes, spaces) is refused rather than escaped.
 */
const kebab = (what: 'el slug' | 'el ancla', example: string) =>
  z.string({ error: `falta ${what}` }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: (issue) =>
      `${what} ${JSON.stringify(String(issue.input).slice(0, 60))} no vale: solo puede tener minúsculas sin tildes, cifras y guiones, sin barras ni puntos (p. ej. ${example})`,
  });
const slug = kebab('el slug', 'mesa-de-reflexion-1');

export const isoDate = z.string({ error: 'falta la fecha' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'la fecha debe tener el formato AAAA-MM-DD');
const clock = z.string({ error: 'falta la hora' });
const access = z.enum(ACCESS_LEVELS, { error: `el acceso debe ser uno de: ${ACCESS_LEVELS.join(', ')}` });

export const sessionKinds = SESSION_KINDS;
export const participantRoles = PARTICIPANT_ROLES;
export const linkKinds = LINK_KINDS;
export const institutionKinds = INSTITUTION_KINDS;

const link = z.object({
  _key: z.string().nullable().optional(),
  kind: z.enum(linkKinds, { error: `el tipo de enlace debe ser uno de: ${linkKinds.join(', ')} (las grabaciones van en el campo «Grabaciones» de la sesión)` }),
  url: z.string({ error: 'falta la URL' }),
  label: optionalText,
});

/** An uploaded logo; optional everywhere, so an older query result without it still parses. */
const logo = z
  .object({ url: z.string().nullable(), width: z.number().nullable().optional(), height: z.number().nullable().optional() })
  .nullable()
  .optional()
  .transform((v) => (v?.url ? { url: v.url, width: v.width ?? null, height: v.height ?? null } : null));

const institution = z.object({
  _id: z.string(),
  name: text,
  acronym: z.string().nullable(),
  country: z.string().nullable(),
  kind: z.enum(institutionKinds).nullable(),
  logo,
});

/** An optional address: absent or empty is null (its safety is checked by the shared rules). */
const optionalUrl = z
  .string()
  .nullable()
  .optional()
  .transform((v) => (v ? v : null));

export const nullableArray = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullable()
    .transform((value) => value ?? []);

/**
 * Issue #20: an uploaded file, a Content Lake asset (`ref`, `url`, `size`, `mimeType`,
 * `extension`) or an export's local file (`local`, e.g. `file@file://./files/….pdf`). Which of
 * them may be linked is decided in site/lib/materials.ts.
 */
export const fileAsset = z
  .object({
    ref: z.string().nullable().optional(),
    url: z.string().nullable().optional(),
    size: z.number().nullable().optional(),
    mimeType: z.string().nullable().optional(),
    extension: z.string().nullable().optional(),
    local: z.string().nullable().optional(),
  })
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** A session's material: a file or an address (content-models/validation/results.ts). */
const material = z.object({
  _key: z.string().nullable().optional(),
  title: text,
  url: z.string().nullable().optional(),
  file: fileAsset,
});

export const rawSession = z.object({
  _id: z.string(),
  _updatedAt: z.string().nullable().optional(),
  title: text,
  slug,
  date: isoDate,
  start: clock,
  end: clock,
  // The query writes `endsNextDay == true`, so absent (every document before the field) is false.
  endsNextDay: z
    .boolean()
    .optional()
    .transform((v) => v ?? false),
  timeZone: z.string().nullable(),
  kind: z.enum(sessionKinds, { error: `el tipo debe ser uno de: ${sessionKinds.join(', ')}` }),
  access,
  order: z.number().nullable(),
  // Checked in detail by content-models/validation/languages.ts; absent means the event's language.
  language: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  // `language` for interpretation and captions, `signLanguage` (ISO 639-3) for sign language; which
  // one a kind needs, and that the code is on the list, is checked by validation/languages.ts.
  languageSupport: z
    .array(
      z.object({
        kind: z.enum(LANGUAGE_SUPPORT_KINDS),
        language: z
          .string()
          .nullable()
          .optional()
          .transform((v) => v ?? null),
        // A string, not an enum: an unknown code gets the rule's message naming the list, not zod's.
        signLanguage: z
          .string()
          .nullable()
          .optional()
          .transform((v) => v ?? null),
      }),
    )
    .nullable()
    .optional()
    .transform((v) => v ?? []),
  // Checked by validation/channels.ts (issue 20: interpretation channels per language).
  channels: z
    .array(z.object({ _key: z.string().nullable().optional(), language: z.string(), url: z.string(), label: optionalText }))
    .nullable()
    .optional()
    .transform((v) => v ?? []),
  objective: optionalText,
  description: blocks,
  questions: nullableArray(text),
  participants: nullableArray(
    z.object({
      _key: z.string().nullable().optional(),
      role: z.enum(participantRoles, { error: `el rol debe ser uno de: ${participantRoles.join(', ')}` }),
      speakerRef: z.string().nullable(),
      speaker: z.object({ _id: z.string(), name: z.string(), slug: z.string().nullable() }).nullable(),
      placeholder: optionalText,
      topic: optionalText,
    }),
  ),
  links: nullableArray(link),
  materials: nullableArray(material)
    .optional()
    .transform((v) => v ?? []),
  // Recordings, Q&A and feedback (issue #20); addresses checked by validation/followUp.ts.
  recordings: nullableArray(
    z.object({
      _key: z.string().nullable().optional(),
      url: z.string({ error: 'falta la dirección de la grabación' }),
      title: optionalText,
      language: z
        .enum(languages)
        .nullable()
        .optional()
        .transform((v) => v ?? null),
    }),
  ),
  qaUrl: optionalUrl,
  feedbackUrl: optionalUrl,
});

/** A fraction of the image's width or height, as the Studio's crop and hotspot tool stores it. */
const fraction = z.number().min(0).max(1);

/**
 * A speaker's photo: either a Content Lake image (`ref` is the asset id, `url` its CDN address) or,
 * in a dataset exported with its assets, a local file (`file`, e.g. `image@file://./images/….jpg`),
 * with the editor's crop and hotspot. Which of them may be shown is decided in load.ts.
 */
const photo = z.object({
  ref: z.string().nullable().optional(),
  url: z.string().nullable(),
  file: z.string().nullable().optional(),
  crop: z.object({ top: fraction, bottom: fraction, left: fraction, right: fraction }).nullable().optional(),
  hotspot: z.object({ x: fraction, y: fraction, width: fraction, height: fraction }).nullable().optional(),
  alt: optionalText,
});

export const rawSpeaker = z.object({
  _id: z.string(),
  name: z.string({ error: 'falta el nombre' }).trim().min(1, 'falta el nombre'),
  slug,
  position: optionalText,
  country: z.string().nullable(),
  institutionRef: z.string().nullable(),
  institution: institution.nullable(),
  photo: photo.nullable(),
  bio: blocks,
});

export const rawEvent = z.object(
  {
    _id: z.string(),
    name: text,
    shortName: optionalText,
    kicker: optionalText,
    logo,
    timeZone: z.string({ error: 'falta la zona horaria de referencia' }).min(1, 'falta la zona horaria de referencia'),
    secondaryTimeZones: nullableArray(z.string()),
    // The query defaults an absent status to tentative, as the Studio's initial value does.
    status: z.enum(PROGRAMME_STATUSES, { error: `el estado debe ser uno de: ${PROGRAMME_STATUSES.join(', ')}` }).default('tentative'),
    modality: z.enum(MODALITIES).nullable(),
    organizerRef: z.string().nullable(),
    organizer: institution.nullable(),
    summary: optionalText,
    audience: optionalText,
    accessRules: optionalText,
    days: z
      .array(
        z.object({
          _key: z.string().nullable().optional(),
          date: isoDate,
          access,
          title: optionalText,
          joinInfo: optionalText.optional().transform((v) => v ?? null),
        }),
        {
          error: 'el evento necesita al menos un día',
        },
      )
      .min(1, 'el evento necesita al menos un día'),
    links: nullableArray(link),
    // Accessibility statement (issue 20); checked by isSafeHref in check.ts.
    accessibilityContact: z
      .string()
      .nullable()
      .optional()
      .transform((v) => v || null),
    accessibilityIntro: blocks.optional().transform((v) => v ?? null),
  },
  { error: 'falta el documento del evento (tipo "event")' },
);

export const rawConceptNote = z.object({
  _id: z.string(),
  title: text,
  sections: nullableArray(
    z.object({
      _key: z.string().nullable().optional(),
      anchor: kebab('el ancla', 'objetivo-general'),
      heading: text,
      body: blocks,
    }),
  ),
});

export type RawSession = z.output<typeof rawSession>;
export type RawSpeaker = z.output<typeof rawSpeaker>;
export type RawEvent = z.output<typeof rawEvent>;
export type RawConceptNote = z.output<typeof rawConceptNote>;
export type RawInstitution = z.output<typeof institution>;
export type RawLink = z.output<typeof link>;
export type RawMaterial = z.output<typeof material>;
export type RawFileAsset = z.output<typeof fileAsset>;
export type RawRecording = RawSession['recordings'][number];
export type Localised = z.output<typeof text>;
export type LocalisedBlocks = NonNullable<z.output<typeof blocks>>;
export type SessionKind = (typeof sessionKinds)[number];
export type ParticipantRole = (typeof participantRoles)[number];
