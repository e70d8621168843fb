/**
 * Option lists with their Spanish titles, for fields whose stored values are fixed by the content
 * model (`docs/content-model.md`). The stored values come from the pure rules where they exist, so
 * the schema and the build cannot disagree.
 */
import { memberCountries } from '../../countries';
import { LINK_KINDS, type LinkKind } from '../../validation/links';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../../validation/participants';

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
export const SESSION_KINDS = Object.keys(sessionKindTitles) as [SessionKind, ...SessionKind[]];
export const sessionKindOptions = SESSION_KINDS.map((value) => ({ value, title: sessionKindTitles[value] }));
export function sessionKindTitle(kind: unknown): string | undefined {
  return typeof kind === 'string' && kind in sessionKindTitles ? sessionKindTitles[kind as SessionKind] : undefined;
}

const accessTitles = {
  public: 'Pública (abierta a todo el público)',
  participants: 'Solo participantes inscritos',
} as const;
export type AccessLevel = keyof typeof accessTitles;
export const ACCESS_LEVELS = Object.keys(accessTitles) as [AccessLevel, ...AccessLevel[]];
export const accessOptions = ACCESS_LEVELS.map((value) => ({ value, title: accessTitles[value] }));
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
export const roleOptions = PARTICIPANT_ROLES.map((value) => ({ value, title: roleTitles[value] }));
export function roleTitle(role: unknown): string | undefined {
  return typeof role === 'string' && role in roleTitles ? roleTitles[role as ParticipantRole] : undefined;
}

const linkKindTitles: Record<LinkKind, string> = {
  registration: 'Inscripción',
  join: 'Unirse a la sesión (Zoom, Teams…)',
  stream: 'Transmisión en directo',
  recording: 'Grabación',
  material: 'Material (presentación, documento)',
  other: 'Otro',
};
export const linkKindOptions = LINK_KINDS.map((value) => ({ value, title: linkKindTitles[value] }));
export function linkKindTitle(kind: unknown): string | undefined {
  return typeof kind === 'string' && kind in linkKindTitles ? linkKindTitles[kind as LinkKind] : undefined;
}

const institutionKindTitles = {
  leadCooperation: 'Institución rectora de cooperación',
  sector: 'Institución sectorial',
  regionalNetwork: 'Red regional',
  internationalOrganisation: 'Organismo internacional',
} as const;
export type InstitutionKind = keyof typeof institutionKindTitles;
export const INSTITUTION_KINDS = Object.keys(institutionKindTitles) as [InstitutionKind, ...InstitutionKind[]];
export const institutionKindOptions = INSTITUTION_KINDS.map((value) => ({ value, title: institutionKindTitles[value] }));
export function institutionKindTitle(kind: unknown): string | undefined {
  return institutionKindOptions.find((option) => option.value === kind)?.title;
}

const modalityTitles = { virtual: 'Virtual', inPerson: 'Presencial', hybrid: 'Híbrida' } as const;
export type Modality = keyof typeof modalityTitles;
export const MODALITIES = Object.keys(modalityTitles) as [Modality, ...Modality[]];
export const modalityOptions = MODALITIES.map((value) => ({ value, title: modalityTitles[value] }));

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
