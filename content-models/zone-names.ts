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
 * browser carries this table, so it holds only what changes a name.
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

/** A member country as naming needs it: its code, its capital's zone and its name in one language. */
export interface NamedCountry {
  code: string;
  timeZone: string;
  name: string;
}

/** Names zones in one language; see {@link zoneNamer}. */
export interface ZoneNamer {
  /** The IANA name a zone is known by here (see {@link zoneNamer}). */
  canonical(zone: string): string;
  /** The zone's name for readers: never an IANA id. */
  name(zone: string): string;
  /** The member country a zone (its capital's, another of its zones, or an alias of either) belongs to, or null. */
  country(zone: string): string | null;
}

/**
 * Zone naming for one language, over the member countries given: the build passes countries.ts,
 * the browser the country options the zone picker was built with, so the browser bundle carries
 * no second copy of the countries.
 *
 * - `canonical`: an old name of a member country's zone becomes the current one, whichever of the
 *   two this engine's `Intl` prefers; any other zone is left as given.
 * - `name`: the member country for a member country's zone or an alias of one, "country (city)"
 *   for another zone of a member country, the city for any other zone, and `UTC`/`UTC−6` for the
 *   fixed zones.
 *
 * @example
 * const es = zoneNamer(memberCountries.map((c) => ({ code: c.code, timeZone: c.timeZone, name: c.name.es })), 'es');
 * es.canonical('America/Buenos_Aires'); // 'America/Argentina/Buenos_Aires'
 * es.name('America/Buenos_Aires'); // 'Argentina'
 * es.name('America/Manaus'); // 'Brasil (Manaus)'
 * es.name('Atlantic/Canary'); // 'España (Canarias)'
 * es.name('America/New_York'); // 'New York'
 * es.name('Etc/GMT+6'); // 'UTC−6'
 */
export function zoneNamer(countries: readonly NamedCountry[], lang: CountryNameLanguage): ZoneNamer {
  const capitals = new Map(countries.map((country) => [country.timeZone, country]));
  const byCode = new Map(countries.map((country) => [country.code, country]));
  const others = new Map<string, NamedCountry>();
  for (const [code, zones] of Object.entries(OTHER_ZONES)) {
    const country = byCode.get(code);
    if (country) for (const zone of zones) others.set(zone, country);
  }
  const known = (zone: string) => capitals.has(zone) || others.has(zone);
  const canonical = (zone: string): string => {
    const linked = LINKS[zone];
    if (linked || known(zone)) return linked ?? zone;
    let resolved = zone;
    try {
      resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      return zone;
    }
    // Only the engine's spelling of a zone we know replaces the given one: for other zones it may be
    // an older name than the reader's (Asia/Calcutta for Asia/Kolkata).
    const current = LINKS[resolved] ?? resolved;
    return known(current) ? current : zone;
  };
  const city = (zone: string): string => {
    const last = zone.split('/').pop() || zone;
    const spelt = CITY_NAMES[last];
    if (spelt) return typeof spelt === 'string' ? spelt : spelt[lang];
    return last.replaceAll('_', ' ');
  };
  return {
    canonical,
    country(zone) {
      const id = canonical(zone);
      return (capitals.get(id) ?? others.get(id))?.code ?? null;
    },
    name(zone) {
      const id = canonical(zone);
      const capital = capitals.get(id);
      if (capital) return capital.name;
      const other = others.get(id);
      if (other) return `${other.name} (${city(id)})`;
      const fixed = /^(?:Etc\/)?(?:UTC|UCT|GMT|Zulu|Universal|Greenwich)(?:([+-])(\d{1,2}))?$/u.exec(id);
      if (fixed) {
        // Etc/GMT+6 is six hours BEHIND UTC: POSIX signs, inverted.
        return fixed[1] && Number(fixed[2]) !== 0 ? `UTC${fixed[1] === '+' ? '\u2212' : '+'}${Number(fixed[2])}` : 'UTC';
      }
      return city(id);
    },
  };
}
