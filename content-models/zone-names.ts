/**
 * How a time zone is named for readers, in one place for the build and the browser script (the
 * zone picker names the reader's own zone with it), so a page and the line the browser draws on it
 * never disagree. Names, never raw IANA ids: a member country's zone is the country ("Argentina"),
 * another zone of a member country is "country (city)" ("Brasil (Manaus)"), any other zone is its
 * city ("New York").
 *
 * Zones are compared after canonicalising both sides, because engines disagree on spelling:
 * Chromium and Node (ICU) report Buenos Aires as `America/Buenos_Aires`, the old name IANA keeps as
 * a link to `America/Argentina/Buenos_Aires`, which is what countries.ts holds. ICU's own canonical
 * names are old ones, and newer engines return the id as given, so `Intl` alone cannot be trusted
 * to unify them: the links below come from the IANA `backward` file, restricted to zones of member
 * countries (a link to a zone of another country, such as `America/Coral_Harbour` → Panama, names
 * a place in Canada, and is left out on purpose).
 */
import type { CountryNameLanguage } from './countries';
import { cityOf, type NamedCountry, namerFrom, type ZoneNamer as ReaderZoneNamer, type ZoneTables } from './zone-naming';

export type { NamedCountry, ZoneTables } from './zone-naming';

/**
 * The build's namer: the browser's (zone-naming.ts), and a zone's member country, which only the
 * build asks for (the article a country name takes), so the browser's script does not carry it.
 */
export interface ZoneNamer extends ReaderZoneNamer {
  /** The member country a zone (its capital's, another of its zones, or an alias of either) belongs to, or null. */
  country(zone: string): string | null;
}

/** IANA links (old names) of the member countries' zones named below, to the current name. */
const LINKS: Readonly<Record<string, string>> = {
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'Brazil/Acre': 'America/Rio_Branco',
  'America/Porto_Acre': 'America/Rio_Branco',
  'Brazil/DeNoronha': 'America/Noronha',
  'Brazil/East': 'America/Sao_Paulo',
  'Brazil/West': 'America/Manaus',
  'Chile/Continental': 'America/Santiago',
  'Chile/EasterIsland': 'Pacific/Easter',
  Cuba: 'America/Havana',
  'Mexico/BajaNorte': 'America/Tijuana',
  'America/Ensenada': 'America/Tijuana',
  'America/Santa_Isabel': 'America/Tijuana',
  'Mexico/BajaSur': 'America/Mazatlan',
  'Mexico/General': 'America/Mexico_City',
  Portugal: 'Europe/Lisbon',
};

/**
 * The zones of member countries (IANA zone.tab) whose clocks differ from the capital's since 2018,
 * by country code: they are named "country (city)" (Manaus, Canarias, Azores, Galápagos). Zones on
 * the capital's clock (Córdoba, Recife, Ceuta, Madeira…) are left out, and named by their city: the
 * zone picker's HTML carries this table (zoneTables), so it holds only what changes a name.
 */
const OTHER_ZONES: Readonly<Record<string, readonly string[]>> = {
  BR: ['Noronha', 'Campo_Grande', 'Cuiaba', 'Porto_Velho', 'Boa_Vista', 'Manaus', 'Eirunepe', 'Rio_Branco'].map((city) => `America/${city}`),
  CL: ['America/Coyhaique', 'America/Punta_Arenas', 'Pacific/Easter'],
  EC: ['Pacific/Galapagos'],
  ES: ['Atlantic/Canary'],
  MX: ['Cancun', 'Matamoros', 'Ciudad_Juarez', 'Ojinaga', 'Mazatlan', 'Hermosillo', 'Tijuana'].map((city) => `America/${city}`),
  PT: ['Atlantic/Azores'],
};

/** City names as readers write them, where the IANA spelling (ASCII, English) is not that. */
const CITY_NAMES: Readonly<Record<string, string | Readonly<Record<CountryNameLanguage, string>>>> = {
  Canary: { es: 'Canarias', en: 'Canary Islands', pt: 'Canárias' },
  Azores: { es: 'Azores', en: 'Azores', pt: 'Açores' },
  Easter: { es: 'Isla de Pascua', en: 'Easter Island', pt: 'Ilha de Páscoa' },
  Galapagos: 'Galápagos',
  Cordoba: 'Córdoba',
  Tucuman: 'Tucumán',
  Rio_Gallegos: 'Río Gallegos',
  Belem: 'Belém',
  Maceio: 'Maceió',
  Cuiaba: 'Cuiabá',
  Eirunepe: 'Eirunepé',
  Merida: 'Mérida',
  Ciudad_Juarez: 'Ciudad Juárez',
  Mazatlan: 'Mazatlán',
};

/** The tables in one language, as the rules and the zone picker's `data-zone-names` take them. */
export function zoneTables(lang: CountryNameLanguage): ZoneTables {
  const cities = Object.fromEntries(Object.entries(CITY_NAMES).map(([city, spelt]) => [city, typeof spelt === 'string' ? spelt : spelt[lang]]));
  return { links: LINKS, others: OTHER_ZONES, cities };
}

/**
 * Zone naming for one language over these tables (rules in zone-naming.ts).
 *
 * @example
 * const es = zoneNamer(memberCountries.map((c) => ({ code: c.code, timeZone: c.timeZone, name: c.name.es })), 'es');
 * es.canonical('America/Buenos_Aires'); // 'America/Argentina/Buenos_Aires'
 * es.name('America/Buenos_Aires'); // 'Argentina'
 * es.name('America/Manaus'); // 'Brasil (Manaus)'
 */
export function zoneNamer(countries: readonly NamedCountry[], lang: CountryNameLanguage): ZoneNamer {
  const tables = zoneTables(lang);
  const namer = namerFrom(countries, tables);
  const codes = new Set(countries.map((c) => c.code));
  const byZone = new Map(countries.map((c) => [c.timeZone, c.code]));
  for (const [code, zones] of Object.entries(tables.others)) if (codes.has(code)) for (const zone of zones) byZone.set(zone, code);
  return { ...namer, country: (zone) => byZone.get(namer.canonical(zone)) ?? null };
}

/** The fixed zones an engine may report (named `UTC`, `UTC−6`…), which Intl does not list. */
const FIXED_ZONES = ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', ...Array.from({ length: 14 }, (_, i) => [`Etc/GMT+${i + 1}`, `Etc/GMT-${i + 1}`]).flat()];

/**
 * The browser's naming table for one language (zone-naming.ts, `tableNamer`), published as
 * zone-names.json: every zone this build's Intl knows, the links and other zones above and the
 * fixed zones, named by the build's rules, leaving out the capitals (the zone picker's options name
 * them) and the zones `cityOf` already names right. So the browser names every zone as the build does.
 * @example zoneNameTable(countries, 'es')['America/Manaus'] // 'Brasil (Manaus)'
 */
export function zoneNameTable(countries: readonly NamedCountry[], lang: CountryNameLanguage): Record<string, string> {
  const namer = zoneNamer(countries, lang);
  const capitals = new Set(countries.map((c) => c.timeZone));
  const zones = new Set([...Intl.supportedValuesOf('timeZone'), ...Object.keys(LINKS), ...Object.values(OTHER_ZONES).flat(), ...FIXED_ZONES]);
  const table: Record<string, string> = {};
  for (const zone of [...zones].sort()) {
    const name = namer.name(zone);
    if (!capitals.has(zone) && name !== cityOf(zone)) table[zone] = name;
  }
  return table;
}
