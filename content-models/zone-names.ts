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
import { type CountryNameLanguage, memberCountries } from './countries';

/** IANA links (old names) of member countries' zones, to the current name. */
const LINKS: Readonly<Record<string, string>> = {
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Argentina/ComodRivadavia': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Rosario': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
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
 * The zones of member countries other than the capital's (IANA zone.tab), by country code. Their
 * clocks can differ from the capital's (Manaus, Canarias, Azores, Galápagos), so they are named
 * "country (city)".
 */
const OTHER_ZONES: Readonly<Record<string, readonly string[]>> = {
  AR: ['Cordoba', 'Salta', 'Jujuy', 'Tucuman', 'Catamarca', 'La_Rioja', 'San_Juan', 'Mendoza', 'San_Luis', 'Rio_Gallegos', 'Ushuaia'].map(
    (city) => `America/Argentina/${city}`,
  ),
  BR: [
    'America/Noronha',
    'America/Belem',
    'America/Fortaleza',
    'America/Recife',
    'America/Araguaina',
    'America/Maceio',
    'America/Bahia',
    'America/Campo_Grande',
    'America/Cuiaba',
    'America/Santarem',
    'America/Porto_Velho',
    'America/Boa_Vista',
    'America/Manaus',
    'America/Eirunepe',
    'America/Rio_Branco',
  ],
  CL: ['America/Coyhaique', 'America/Punta_Arenas', 'Pacific/Easter'],
  EC: ['Pacific/Galapagos'],
  ES: ['Africa/Ceuta', 'Atlantic/Canary'],
  MX: [
    'America/Cancun',
    'America/Merida',
    'America/Monterrey',
    'America/Matamoros',
    'America/Chihuahua',
    'America/Ciudad_Juarez',
    'America/Ojinaga',
    'America/Mazatlan',
    'America/Bahia_Banderas',
    'America/Hermosillo',
    'America/Tijuana',
  ],
  PT: ['Atlantic/Madeira', 'Atlantic/Azores'],
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
  Araguaina: 'Araguaína',
  Maceio: 'Maceió',
  Cuiaba: 'Cuiabá',
  Santarem: 'Santarém',
  Eirunepe: 'Eirunepé',
  Merida: 'Mérida',
  Ciudad_Juarez: 'Ciudad Juárez',
  Mazatlan: 'Mazatlán',
  Bahia_Banderas: 'Bahía de Banderas',
  Sao_Paulo: 'São Paulo',
};

const capitals = new Map<string, (typeof memberCountries)[number]>(memberCountries.map((country) => [country.timeZone, country]));
const others = new Map<string, (typeof memberCountries)[number]>(
  memberCountries.flatMap((country) => (OTHER_ZONES[country.code] ?? []).map((zone) => [zone, country] as const)),
);

/**
 * The IANA name a zone is known by here: an old name of a member country's zone becomes the
 * current one, whichever of the two this engine's `Intl` prefers; any other zone is left as given.
 *
 * @example
 * canonicalZone('America/Buenos_Aires'); // 'America/Argentina/Buenos_Aires'
 * canonicalZone('America/Argentina/Buenos_Aires'); // 'America/Argentina/Buenos_Aires'
 * canonicalZone('Europe/Paris'); // 'Europe/Paris'
 */
export function canonicalZone(zone: string): string {
  const linked = LINKS[zone];
  if (linked) return linked;
  if (capitals.has(zone) || others.has(zone)) return zone;
  let resolved = zone;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
  // Only the engine's spelling of a zone we know replaces the given one: for other zones it may be
  // an older name than the reader's (Asia/Calcutta for Asia/Kolkata).
  const known = LINKS[resolved] ?? resolved;
  return capitals.has(known) || others.has(known) ? known : zone;
}

/**
 * Whether two zone ids name the same zone here (after {@link canonicalZone} on both sides).
 *
 * @example
 * sameZone('America/Buenos_Aires', 'America/Argentina/Buenos_Aires'); // true
 */
export function sameZone(a: string, b: string): boolean {
  return canonicalZone(a) === canonicalZone(b);
}

/**
 * The member country whose capital keeps this zone's time, if any (aliases included).
 *
 * @example
 * memberCountryOfZone('America/Buenos_Aires')?.code; // 'AR'
 * memberCountryOfZone('America/Manaus'); // undefined: Brazil's capital zone is São Paulo's
 */
export function memberCountryOfZone(zone: string): (typeof memberCountries)[number] | undefined {
  return capitals.get(canonicalZone(zone));
}

/**
 * A zone's name for readers, in a site language: the member country for a member country's zone or
 * an alias of one, "country (city)" for another zone of a member country, the city for any other
 * zone, and `UTC`/`UTC−6` for the fixed zones. Never an IANA id.
 *
 * @example
 * zoneName('America/Buenos_Aires', 'es'); // 'Argentina'
 * zoneName('America/Manaus', 'pt'); // 'Brasil (Manaus)'
 * zoneName('Atlantic/Canary', 'en'); // 'Spain (Canary Islands)'
 * zoneName('America/New_York', 'en'); // 'New York'
 * zoneName('Etc/GMT+6', 'es'); // 'UTC−6'
 */
export function zoneName(zone: string, lang: CountryNameLanguage): string {
  const id = canonicalZone(zone);
  const capital = capitals.get(id);
  if (capital) return capital.name[lang];
  const other = others.get(id);
  if (other) return `${other.name[lang]} (${cityName(id, lang)})`;
  const fixed = /^(?:Etc\/)?(?:UTC|UCT|GMT|Zulu|Universal|Greenwich)(?:([+-])(\d{1,2}))?$/u.exec(id);
  if (fixed) {
    // Etc/GMT+6 is six hours BEHIND UTC: POSIX signs, inverted.
    return fixed[1] && Number(fixed[2]) !== 0 ? `UTC${fixed[1] === '+' ? '\u2212' : '+'}${Number(fixed[2])}` : 'UTC';
  }
  return cityName(id, lang);
}

function cityName(zone: string, lang: CountryNameLanguage): string {
  const last = zone.split('/').pop() || zone;
  const known = CITY_NAMES[last];
  if (known) return typeof known === 'string' ? known : known[lang];
  return last.replaceAll('_', ' ');
}
