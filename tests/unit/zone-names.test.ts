import { describe, expect, it } from 'vitest';
import { memberCountries } from '../../content-models/countries';
import { canonicalZone, memberCountryOfZone, sameZone, zoneName } from '../../content-models/zone-names';

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
    expect(memberCountryOfZone('America/Buenos_Aires')?.code).toBe('AR');
    // Both spellings are one zone, whichever the engine prefers.
    expect(sameZone('America/Buenos_Aires', 'America/Argentina/Buenos_Aires')).toBe(true);
    expect(canonicalZone('America/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
  });

  it('names another zone of a member country as "country (city)", with the city as readers write it', () => {
    expect(zoneName('America/Manaus', 'pt')).toBe('Brasil (Manaus)');
    expect(zoneName('Brazil/West', 'es')).toBe('Brasil (Manaus)');
    expect(zoneName('Atlantic/Canary', 'es')).toBe('España (Canarias)');
    expect(zoneName('Atlantic/Canary', 'en')).toBe('Spain (Canary Islands)');
    expect(zoneName('Atlantic/Azores', 'pt')).toBe('Portugal (Açores)');
    expect(zoneName('Pacific/Galapagos', 'es')).toBe('Ecuador (Galápagos)');
    expect(zoneName('Pacific/Easter', 'en')).toBe('Chile (Easter Island)');
    expect(zoneName('America/Argentina/Cordoba', 'es')).toBe('Argentina (Córdoba)');
    expect(memberCountryOfZone('America/Manaus')).toBeUndefined();
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
