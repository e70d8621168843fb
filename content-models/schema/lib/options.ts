/**
 * Option lists with their Spanish titles, for fields whose stored values are fixed by the content
 * model (`docs/content-model.md`). The stored values come from the pure rules where they exist, so
 * the schema and the build cannot disagree.
 */
import { memberCountries } from '../../countries';
import { signLanguages } from '../../sign-languages';
import { LINK_KINDS, type LinkKind } from '../../validation/links';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../../validation/participants';

/**
 * A fixed list of stored values with their Spanish titles: the values (in the titles' order unless
 * given), the Studio's option list, and the title of a stored value (undefined for anything else).
 */
function choices<V extends string>(titles: Readonly<Record<V, string>>, values: readonly V[] = Object.keys(titles) as V[]) {
  return {
    values: values as [V, ...V[]],
    options: values.map((value) => ({ value, title: titles[value] })),
    title: (value: unknown): string | undefined => (typeof value === 'string' && Object.hasOwn(titles, value) ? titles[value as V] : undefined),
  };
}

const sessionKindTitles = {
  opening: 'Apertura',
  introduction: 'Introducción',
  panel: 'Mesa de reflexión (panel)',
  workshop: 'Espacio interactivo (taller)',
  plenary: 'Plenaria',
  recap: 'Recapitulación',
  closing: 'Cierre',
  other: 'Otro',
} as const;
export type SessionKind = keyof typeof sessionKindTitles;
const sessionKinds = choices(sessionKindTitles);
export const SESSION_KINDS = sessionKinds.values;
export const sessionKindOptions = sessionKinds.options;
export const sessionKindTitle = sessionKinds.title;

const accessTitles = {
  public: 'Pública (abierta a todo el público)',
  participants: 'Solo participantes inscritos',
} as const;
export type AccessLevel = keyof typeof accessTitles;
const accessLevels = choices(accessTitles);
export const ACCESS_LEVELS = accessLevels.values;
export const accessOptions = accessLevels.options;
// Previews show the short form, not the option's explanation.
export function accessTitle(access: unknown): string | undefined {
  return access === 'public' ? 'Pública' : access === 'participants' ? 'Solo participantes' : undefined;
}

const roleTitles: Record<ParticipantRole, string> = {
  welcome: 'Palabras de bienvenida',
  presenter: 'Presentación',
  panelist: 'Panelista',
  moderator: 'Moderación',
  facilitator: 'Facilitación',
  speaker: 'Ponencia',
};
const roles = choices(roleTitles, PARTICIPANT_ROLES);
export const roleOptions = roles.options;
export const roleTitle = roles.title;

const linkKindTitles: Record<LinkKind, string> = {
  registration: 'Inscripción',
  join: 'Unirse a la sesión (Zoom, Teams…)',
  stream: 'Transmisión en directo',
  material: 'Material (presentación, documento)',
  other: 'Otro',
};
const linkKinds = choices(linkKindTitles, LINK_KINDS);
export const linkKindOptions = linkKinds.options;
export const linkKindTitle = linkKinds.title;

const institutionKindTitles = {
  leadCooperation: 'Institución rectora de cooperación',
  sector: 'Institución sectorial',
  regionalNetwork: 'Red regional',
  internationalOrganisation: 'Organismo internacional',
} as const;
export type InstitutionKind = keyof typeof institutionKindTitles;
const institutionKinds = choices(institutionKindTitles);
export const INSTITUTION_KINDS = institutionKinds.values;
export const institutionKindOptions = institutionKinds.options;
export const institutionKindTitle = institutionKinds.title;

const modalityTitles = { virtual: 'Virtual', inPerson: 'Presencial', hybrid: 'Híbrida' } as const;
export type Modality = keyof typeof modalityTitles;
const modalities = choices(modalityTitles);
export const MODALITIES = modalities.values;
export const modalityOptions = modalities.options;

/**
 * Whether the organisers still call the agenda provisional («agenda tentativa»). Absent means
 * tentative: an agenda is only confirmed when an editor says so.
 */
export const PROGRAMME_STATUSES = ['tentative', 'confirmed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
export const programmeStatusOptions = [
  { value: 'tentative', title: 'Tentativo (las horas pueden cambiar)' },
  { value: 'confirmed', title: 'Confirmado' },
];

/** Member countries by ISO code, titled in Spanish, in PIFCSS's order. */
export const countryOptions = memberCountries.map((country) => ({ value: country.code, title: country.name.es }));
export function countryTitle(code: unknown): string | undefined {
  return memberCountries.find((country) => country.code === code)?.name.es;
}

/**
 * The member countries' zones, once each, as suggestions for time zone fields: "Guatemala —
 * America/Guatemala". Any other IANA zone may still be typed.
 */
export const timeZoneSuggestions: { value: string; title: string }[] = [
  ...new Map(memberCountries.map((country) => [country.timeZone, `${country.name.es} — ${country.timeZone}`])),
].map(([value, title]) => ({ value, title }));

export const languageOptions = [
  { value: 'es', title: 'Español' },
  { value: 'pt', title: 'Portugués' },
  { value: 'en', title: 'Inglés' },
] satisfies { value: import('../../validation/languages').SessionLanguage; title: string }[];

// The workshop's products (issue #20): where each stands, as the organisers report it.
const productStatusTitles = {
  planned: 'Previsto',
  inProgress: 'En elaboración',
  published: 'Publicado',
} as const;
const productStatuses = choices(productStatusTitles);
export const PRODUCT_STATUSES = productStatuses.values;
export const productStatusOptions = productStatuses.options;

/** Sign languages (content-models/sign-languages.ts), titled in Spanish with their ISO 639-3 code. */
export const signLanguageOptions = signLanguages.map((s) => ({
  value: s.code,
  title: `${s.name.es.charAt(0).toUpperCase()}${s.name.es.slice(1)} (${s.code})`,
}));
export function signLanguageTitle(code: unknown): string | undefined {
  return signLanguageOptions.find((o) => o.value === code)?.title;
}
