/**
 * The 21 member countries of PIFCSS (Programa Iberoamericano para el Fortalecimiento de la Cooperación
 * Sur-Sur), in the order PIFCSS lists them (Spanish alphabetical order).
 *
 * Each country carries the IANA time zone of its capital, so the reader's "show times in my country"
 * choice and the speakers' pages convert with the real daylight-saving rules of that zone rather than
 * a fixed offset. Names are the short proper names used in each site language.
 *
 * The codes are ISO 3166-1 alpha-2. `America/Argentina/Buenos_Aires` is the IANA canonical name;
 * some engines (V8 with ICU) report it under its older alias `America/Buenos_Aires`, which is the
 * same zone.
 */

import { type Lang, locale, mapLangs } from './locales';

/** The languages the site is published in (content-models/locales.ts): every country has a name in each. */
export type CountryNameLanguage = Lang;

/** The languages whose country names are written out below; any other takes `Intl`'s name of the region. */
type WrittenLanguage = 'es' | 'en' | 'pt';

/** A member country as the site and the Studio use it. */
export interface MemberCountry {
  readonly code: CountryCode;
  readonly timeZone: string;
  readonly name: Readonly<Record<CountryNameLanguage, string>>;
}

/**
 * The member countries, ordered as PIFCSS lists them.
 *
 * @example
 * memberCountries.length; // 21
 * memberCountries.map((country) => country.name.es); // ['Andorra', 'Argentina', …, 'Uruguay']
 */
const countryTable = [
  { code: 'AD', timeZone: 'Europe/Andorra', name: { es: 'Andorra', en: 'Andorra', pt: 'Andorra' } },
  {
    code: 'AR',
    timeZone: 'America/Argentina/Buenos_Aires',
    name: { es: 'Argentina', en: 'Argentina', pt: 'Argentina' },
  },
  { code: 'BO', timeZone: 'America/La_Paz', name: { es: 'Bolivia', en: 'Bolivia', pt: 'Bolívia' } },
  { code: 'BR', timeZone: 'America/Sao_Paulo', name: { es: 'Brasil', en: 'Brazil', pt: 'Brasil' } },
  { code: 'CL', timeZone: 'America/Santiago', name: { es: 'Chile', en: 'Chile', pt: 'Chile' } },
  { code: 'CO', timeZone: 'America/Bogota', name: { es: 'Colombia', en: 'Colombia', pt: 'Colômbia' } },
  { code: 'CR', timeZone: 'America/Costa_Rica', name: { es: 'Costa Rica', en: 'Costa Rica', pt: 'Costa Rica' } },
  { code: 'CU', timeZone: 'America/Havana', name: { es: 'Cuba', en: 'Cuba', pt: 'Cuba' } },
  // Quito, the capital, keeps the time of America/Guayaquil: IANA has one zone for mainland Ecuador.
  { code: 'EC', timeZone: 'America/Guayaquil', name: { es: 'Ecuador', en: 'Ecuador', pt: 'Equador' } },
  { code: 'SV', timeZone: 'America/El_Salvador', name: { es: 'El Salvador', en: 'El Salvador', pt: 'El Salvador' } },
  { code: 'ES', timeZone: 'Europe/Madrid', name: { es: 'España', en: 'Spain', pt: 'Espanha' } },
  { code: 'GT', timeZone: 'America/Guatemala', name: { es: 'Guatemala', en: 'Guatemala', pt: 'Guatemala' } },
  { code: 'HN', timeZone: 'America/Tegucigalpa', name: { es: 'Honduras', en: 'Honduras', pt: 'Honduras' } },
  { code: 'MX', timeZone: 'America/Mexico_City', name: { es: 'México', en: 'Mexico', pt: 'México' } },
  { code: 'NI', timeZone: 'America/Managua', name: { es: 'Nicaragua', en: 'Nicaragua', pt: 'Nicarágua' } },
  { code: 'PA', timeZone: 'America/Panama', name: { es: 'Panamá', en: 'Panama', pt: 'Panamá' } },
  { code: 'PY', timeZone: 'America/Asuncion', name: { es: 'Paraguay', en: 'Paraguay', pt: 'Paraguai' } },
  { code: 'PE', timeZone: 'America/Lima', name: { es: 'Perú', en: 'Peru', pt: 'Peru' } },
  { code: 'PT', timeZone: 'Europe/Lisbon', name: { es: 'Portugal', en: 'Portugal', pt: 'Portugal' } },
  {
    code: 'DO',
    timeZone: 'America/Santo_Domingo',
    name: { es: 'República Dominicana', en: 'Dominican Republic', pt: 'República Dominicana' },
  },
  { code: 'UY', timeZone: 'America/Montevideo', name: { es: 'Uruguay', en: 'Uruguay', pt: 'Uruguai' } },
] as const satisfies readonly {
  code: string;
  timeZone: string;
  name: Readonly<Record<WrittenLanguage, string>>;
}[];

/** ISO 3166-1 alpha-2 code of a member country, derived from the data so the two cannot drift. */
export type CountryCode = (typeof countryTable)[number]['code'];

export const memberCountries: readonly MemberCountry[] = countryTable.map((country) => ({
  ...country,
  name: mapLangs((lang) => (lang in country.name ? country.name[lang as WrittenLanguage] : regionName(country.code, lang))),
}));

/** A language added to the locales table after these names were written gets the name `Intl` knows. */
function regionName(code: string, lang: Lang): string {
  return new Intl.DisplayNames([locale(lang).intl], { type: 'region' }).of(code) ?? code;
}

const byCode: ReadonlyMap<string, MemberCountry> = new Map(memberCountries.map((country) => [country.code, country]));

/**
 * Whether `code` is the ISO code of a PIFCSS member country. Codes are upper case, as ISO writes them;
 * the Studio stores them that way, so a lower-case code is a data error worth catching.
 *
 * @example
 * isMemberCountry('GT'); // true
 * isMemberCountry('VE'); // false — Venezuela is not a PIFCSS member
 * isMemberCountry('gt'); // false
 */
export function isMemberCountry(code: string): code is CountryCode {
  return byCode.has(code);
}

/**
 * The member country with this ISO code: always found for a `CountryCode`, `undefined` for any other string.
 *
 * @example
 * countryByCode('PE')?.timeZone; // 'America/Lima'
 * countryByCode('ES').name.en; // 'Spain'
 * countryByCode('XX'); // undefined
 */
export function countryByCode(code: CountryCode): MemberCountry;
export function countryByCode(code: string): MemberCountry | undefined;
export function countryByCode(code: string): MemberCountry | undefined {
  return byCode.get(code);
}
