/**
 * The sign languages a session may offer (`languageSupport` of kind `signLanguage`), in ONE list
 * read by the Studio's options, the build's check, the pages, calendars and schedule.json.
 *
 * Codes are ISO 639-3 (the only ISO set that codes sign languages one by one). One national sign
 * language per member country (content-models/countries.ts), in PIFCSS's order, then Catalan Sign
 * Language (official in Catalonia, also used in Andorra, which has no sign language of its own) and
 * International Sign, which international meetings use. `short` is the abbreviation its own
 * community uses, shown on the programme cards (Catalan's LSC would collide with Colombia's, so it
 * is written LSCat; Cuba's with the same, so LSCu).
 */
import type { CountryCode } from './countries';
import { type Lang, mapLangs } from './locales';

type WrittenLanguage = 'es' | 'en' | 'pt';

const signLanguageTable = [
  { code: 'aed', countries: ['AR'], short: 'LSA', name: { es: 'lengua de señas argentina', en: 'Argentine Sign Language', pt: 'língua de sinais argentina' } },
  { code: 'bvl', countries: ['BO'], short: 'LSB', name: { es: 'lengua de señas boliviana', en: 'Bolivian Sign Language', pt: 'língua de sinais boliviana' } },
  {
    code: 'bzs',
    countries: ['BR'],
    short: 'Libras',
    name: { es: 'lengua de señas brasileña (Libras)', en: 'Brazilian Sign Language (Libras)', pt: 'Língua Brasileira de Sinais (Libras)' },
  },
  { code: 'csg', countries: ['CL'], short: 'LSCh', name: { es: 'lengua de señas chilena', en: 'Chilean Sign Language', pt: 'língua de sinais chilena' } },
  {
    code: 'csn',
    countries: ['CO'],
    short: 'LSC',
    name: { es: 'lengua de señas colombiana', en: 'Colombian Sign Language', pt: 'língua de sinais colombiana' },
  },
  {
    code: 'csr',
    countries: ['CR'],
    short: 'LESCO',
    name: { es: 'lengua de señas costarricense (LESCO)', en: 'Costa Rican Sign Language (LESCO)', pt: 'língua de sinais costa-riquenha (LESCO)' },
  },
  { code: 'csf', countries: ['CU'], short: 'LSCu', name: { es: 'lengua de señas cubana', en: 'Cuban Sign Language', pt: 'língua de sinais cubana' } },
  {
    code: 'ecs',
    countries: ['EC'],
    short: 'LSEC',
    name: { es: 'lengua de señas ecuatoriana', en: 'Ecuadorian Sign Language', pt: 'língua de sinais equatoriana' },
  },
  {
    code: 'esn',
    countries: ['SV'],
    short: 'LESSA',
    name: { es: 'lengua de señas salvadoreña (LESSA)', en: 'Salvadoran Sign Language (LESSA)', pt: 'língua de sinais salvadorenha (LESSA)' },
  },
  { code: 'ssp', countries: ['ES'], short: 'LSE', name: { es: 'lengua de signos española', en: 'Spanish Sign Language', pt: 'língua de sinais espanhola' } },
  {
    code: 'gsm',
    countries: ['GT'],
    short: 'LENSEGUA',
    name: { es: 'lengua de señas de Guatemala (LENSEGUA)', en: 'Guatemalan Sign Language (LENSEGUA)', pt: 'língua de sinais guatemalteca (LENSEGUA)' },
  },
  {
    code: 'hds',
    countries: ['HN'],
    short: 'LESHO',
    name: { es: 'lengua de señas hondureña (LESHO)', en: 'Honduran Sign Language (LESHO)', pt: 'língua de sinais hondurenha (LESHO)' },
  },
  { code: 'mfs', countries: ['MX'], short: 'LSM', name: { es: 'lengua de señas mexicana', en: 'Mexican Sign Language', pt: 'língua de sinais mexicana' } },
  {
    code: 'ncs',
    countries: ['NI'],
    short: 'LSN',
    name: { es: 'lengua de señas nicaragüense', en: 'Nicaraguan Sign Language', pt: 'língua de sinais nicaraguense' },
  },
  { code: 'lsp', countries: ['PA'], short: 'LSPA', name: { es: 'lengua de señas panameña', en: 'Panamanian Sign Language', pt: 'língua de sinais panamenha' } },
  {
    code: 'pys',
    countries: ['PY'],
    short: 'LSPY',
    name: { es: 'lengua de señas paraguaya', en: 'Paraguayan Sign Language', pt: 'língua de sinais paraguaia' },
  },
  { code: 'prl', countries: ['PE'], short: 'LSP', name: { es: 'lengua de señas peruana', en: 'Peruvian Sign Language', pt: 'língua de sinais peruana' } },
  { code: 'psr', countries: ['PT'], short: 'LGP', name: { es: 'lengua de señas portuguesa', en: 'Portuguese Sign Language', pt: 'Língua Gestual Portuguesa' } },
  {
    code: 'doq',
    countries: ['DO'],
    short: 'LSRD',
    name: { es: 'lengua de señas dominicana', en: 'Dominican Sign Language', pt: 'língua de sinais dominicana' },
  },
  { code: 'ugy', countries: ['UY'], short: 'LSU', name: { es: 'lengua de señas uruguaya', en: 'Uruguayan Sign Language', pt: 'língua de sinais uruguaia' } },
  {
    code: 'csc',
    countries: ['ES', 'AD'],
    short: 'LSCat',
    name: { es: 'lengua de signos catalana', en: 'Catalan Sign Language', pt: 'língua de sinais catalã' },
  },
  { code: 'ils', countries: [], short: 'SI', name: { es: 'Señas Internacionales', en: 'International Sign', pt: 'Sinais Internacionais' } },
] as const satisfies readonly { code: string; countries: readonly CountryCode[]; short: string; name: Readonly<Record<WrittenLanguage, string>> }[];

/** ISO 639-3 code of a sign language of the list, derived from the table so the two cannot drift. */
export type SignLanguageCode = (typeof signLanguageTable)[number]['code'];

export interface SignLanguage {
  readonly code: SignLanguageCode;
  /** The member countries (ISO 3166-1) where it is the deaf community's language. */
  readonly countries: readonly CountryCode[];
  readonly short: string;
  readonly name: Readonly<Record<Lang, string>>;
}

/** Every sign language of the list; a language added to locales.ts later reads the English name. */
export const signLanguages: readonly SignLanguage[] = signLanguageTable.map((entry) => ({
  ...entry,
  name: mapLangs((lang) => (lang in entry.name ? entry.name[lang as WrittenLanguage] : entry.name.en)),
}));

/** The codes, as a non-empty tuple for zod and the Studio's option list. */
export const SIGN_LANGUAGE_CODES = signLanguages.map((s) => s.code) as [SignLanguageCode, ...SignLanguageCode[]];

const byCode: ReadonlyMap<string, SignLanguage> = new Map(signLanguages.map((s) => [s.code, s]));

/**
 * Whether `code` is the ISO 639-3 code of a sign language of the list (lower case, as ISO writes it).
 * @example isSignLanguage('bzs') // true
 * @example isSignLanguage('BZS') // false
 */
export function isSignLanguage(code: unknown): code is SignLanguageCode {
  return typeof code === 'string' && byCode.has(code);
}

/** The entry of a code of the list; undefined for anything else. */
export function signLanguageByCode(code: unknown): SignLanguage | undefined {
  return typeof code === 'string' ? byCode.get(code) : undefined;
}
