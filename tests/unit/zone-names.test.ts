import { describe, expect, it } from 'vitest';
import { memberCountries } from '../../content-models/countries';
import { zoneNameTable } from '../../content-models/zone-names';
import { tableNamer } from '../../content-models/zone-naming';
import { zoneLabel, zoneNamers } from '../../site/lib/time-display';

const zoneName = zoneLabel;

describe('zoneName', () => {
  it('names each of the 21 member zones by its country, in every language', () => {
    for (const country of memberCountries) {
      for (const lang of ['es', 'en', 'pt'] as const) expect(zoneName(country.timeZone, lang)).toBe(country.name[lang]);
    }
  });

  it('names an alias of a member zone by the country too: Chromium and Node report America/Buenos_Aires', () => {
    expect(zoneName('America/Buenos_Aires', 'es')).toBe('Argentina');
    expect(zoneName('Brazil/East', 'en')).toBe('Brazil');
    expect(zoneName('Cuba', 'pt')).toBe('Cuba');
    expect(zoneName('Portugal', 'es')).toBe('Portugal');
    // Both spellings are one zone, whichever the engine prefers.
    expect(zoneNamers.es.canonical('America/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(zoneNamers.en.canonical('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
  });

  it('names another zone of a member country as "country (city)", with the city as readers write it', () => {
    expect(zoneName('America/Manaus', 'pt')).toBe('Brasil (Manaus)');
    expect(zoneName('Brazil/West', 'es')).toBe('Brasil (Manaus)');
    expect(zoneName('Atlantic/Canary', 'es')).toBe('España (Canarias)');
    expect(zoneName('Atlantic/Canary', 'en')).toBe('Spain (Canary Islands)');
    expect(zoneName('Atlantic/Azores', 'pt')).toBe('Portugal (Açores)');
    expect(zoneName('Pacific/Galapagos', 'es')).toBe('Ecuador (Galápagos)');
    expect(zoneName('Pacific/Easter', 'en')).toBe('Chile (Easter Island)');
    expect(zoneName('America/Cancun', 'es')).toBe('México (Cancun)');
    // A zone on the capital's clock is named by its city alone.
    expect(zoneName('America/Argentina/Cordoba', 'es')).toBe('Córdoba');
    expect(zoneName('America/Cordoba', 'en')).toBe('Córdoba');
  });

  it('names any other zone by its city, and fixed zones by their offset: never an IANA id', () => {
    expect(zoneName('America/New_York', 'en')).toBe('New York');
    expect(zoneName('Asia/Kathmandu', 'es')).toBe('Kathmandu');
    expect(zoneName('America/Argentina/Cordoba', 'en')).not.toContain('/');
    expect(zoneName('Etc/GMT+6', 'es')).toBe('UTC−6');
    expect(zoneName('Etc/GMT-14', 'es')).toBe('UTC+14');
    expect(zoneName('UTC', 'en')).toBe('UTC');
    // Another country's zone that IANA links to a member's (Canada's Coral Harbour → Panama) is not that member.
    expect(zoneName('America/Coral_Harbour', 'es')).toBe('Coral Harbour');
  });
});

describe("the browser's table namer", () => {
  it('names every zone this engine knows, the old spellings of member zones and the fixed zones as the build does, in every language', () => {
    for (const lang of ['es', 'en', 'pt'] as const) {
      const countries = memberCountries.map((c) => ({ code: c.code, timeZone: c.timeZone, name: c.name[lang] }));
      const table = zoneNameTable(countries, lang);
      const name = tableNamer(countries, table);
      const zones = [...Intl.supportedValuesOf('timeZone'), ...Object.keys(table), 'America/Buenos_Aires', 'America/Manaus', 'Etc/GMT+6', 'Etc/GMT-14', 'UTC'];
      for (const zone of zones) expect(name(zone), `${lang} ${zone}`).toBe(zoneNamers[lang].name(zone));
      // The table holds only what the capitals and the city rule do not already say.
      expect(table['America/Manaus']).toBe(zoneNamers[lang].name('America/Manaus'));
      expect(Object.keys(table)).not.toContain('America/New_York');
      for (const c of countries) expect(Object.keys(table)).not.toContain(c.timeZone);
    }
    // Without the table, capitals are named by the options and any other zone by its city.
    expect(tableNamer([{ timeZone: 'America/Guatemala', name: 'Guatemala' }])('America/Guatemala')).toBe('Guatemala');
    expect(tableNamer([])('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });
});
