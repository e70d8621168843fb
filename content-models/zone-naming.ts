/**
 * The rules of content-models/zone-names.ts, over tables passed in (the build passes that module's
 * tables), and the browser's namer: the zone picker ships no rules, only a lookup of the names the
 * build's rules gave (zone-names.ts's `zoneNameTable`, fetched from the select's `data-zone-names`
 * for a zone that is not a capital), so a page and the reader's line name zones alike.
 */

import { boundedCache } from './bounded-cache';

/** A member country as naming needs it: its code, its capital's zone and its name in one language. */
export interface NamedCountry {
  code: string;
  timeZone: string;
  name: string;
}

/** Names zones in one language; see {@link namerFrom}. (The build's namer also tells a zone's country: zone-names.ts.) */
export interface ZoneNamer {
  /** The IANA name a zone is known by here (see {@link namerFrom}). */
  canonical(zone: string): string;
  /** The zone's name for readers: never an IANA id. */
  name(zone: string): string;
}

/** The tables of zone-names.ts for one language: IANA links, other zones by country code, city spellings. */
export interface ZoneTables {
  links: Readonly<Record<string, string>>;
  others: Readonly<Record<string, readonly string[]>>;
  cities: Readonly<Record<string, string>>;
}

/**
 * Zone naming for one language, over the member countries and tables given: the build passes countries.ts,
 * the browser the country options the zone picker was built with, so the browser bundle carries
 * no second copy of the countries. Without tables, capitals are named and any other zone by its city.
 *
 * - `canonical`: an old name of a member country's zone becomes the current one, whichever of the
 *   two this engine's `Intl` prefers; any other zone is left as given.
 * - `name`: the member country for a member country's zone or an alias of one, "country (city)"
 *   for another zone of a member country, the city for any other zone, and `UTC`/`UTC−6` for the
 *   fixed zones.
 *
 * @example
 * const es = namerFrom(memberCountries.map((c) => ({ code: c.code, timeZone: c.timeZone, name: c.name.es })), zoneTables('es'));
 * es.canonical('America/Buenos_Aires'); // 'America/Argentina/Buenos_Aires'
 * es.name('America/Buenos_Aires'); // 'Argentina'
 * es.name('America/Manaus'); // 'Brasil (Manaus)'
 * es.name('Atlantic/Canary'); // 'España (Canarias)'
 * es.name('America/New_York'); // 'New York'
 * es.name('Etc/GMT+6'); // 'UTC−6'
 */
export function namerFrom(countries: readonly NamedCountry[], { links = {}, others: otherZones = {}, cities = {} }: Partial<ZoneTables> = {}): ZoneNamer {
  const capitals = new Map(countries.map((country) => [country.timeZone, country]));
  const byCode = new Map(countries.map((country) => [country.code, country]));
  const others = new Map<string, NamedCountry>();
  for (const [code, zones] of Object.entries(otherZones)) {
    const country = byCode.get(code);
    if (country) for (const zone of zones) others.set(zone, country);
  }
  const known = (zone: string) => capitals.has(zone) || others.has(zone);
  const canonical = (zone: string): string => {
    const linked = links[zone];
    if (linked || known(zone)) return linked ?? zone;
    const resolved = engineSpelling(zone);
    if (resolved === null) return zone;
    // Only the engine's spelling of a zone we know replaces the given one: for other zones it may be
    // an older name than the reader's (Asia/Calcutta for Asia/Kolkata).
    const current = links[resolved] ?? resolved;
    return known(current) ? current : zone;
  };
  const city = (zone: string): string => {
    const last = zone.split('/').pop() || zone;
    return cities[last] ?? last.replaceAll('_', ' ');
  };
  return {
    canonical,
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

/**
 * The engine's own spelling of a zone (null for a zone it does not know), once per zone for all
 * languages' namers: each look-up builds an Intl.DateTimeFormat, and a build asks for the same
 * zones on every page.
 */
function engineSpelling(zone: string): string | null {
  return spellings(zone, () => {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      return null;
    }
  });
}
const spellings = boundedCache<string | null>(10_000);

/**
 * A zone's name when neither a capital nor the build's table names it: its last part, spaced.
 * The build leaves out of the table every zone this already names right.
 * @example cityOf('America/New_York') // 'New York'
 */
export const cityOf = (zone: string): string => (zone.split('/').pop() || zone).replaceAll('_', ' ');

/**
 * The browser's zone names: a capital by the country options the zone picker was built with, any
 * other zone by the table the build wrote with {@link namerFrom}'s rules (zone-names.ts,
 * `zoneNameTable`), else {@link cityOf}. The zones it is asked for are the options' and the one the
 * engine reports as the device's, already in the engine's spelling: old spellings of member
 * countries' zones are in the table (its links), so no canonicalising is needed here.
 * @example tableNamer([{ timeZone: 'America/Guatemala', name: 'Guatemala' }], { 'America/Manaus': 'Brasil (Manaus)' })('America/Manaus') // 'Brasil (Manaus)'
 */
export function tableNamer(capitals: readonly { timeZone: string; name: string }[], names: Readonly<Record<string, string>> = {}): (zone: string) => string {
  return (zone) => capitals.find((c) => c.timeZone === zone)?.name ?? names[zone] ?? cityOf(zone);
}
