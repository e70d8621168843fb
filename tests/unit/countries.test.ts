import { describe, expect, test } from 'vitest';
import { countryByCode, isMemberCountry, memberCountries } from '../../content-models/countries';
import { isValidTimeZone } from '../../content-models/time';

// The list as the product brief gives it, in Spanish; the data must name exactly these, in this order.
const membersAsListed = [
  'Andorra',
  'Argentina',
  'Bolivia',
  'Brasil',
  'Chile',
  'Colombia',
  'Costa Rica',
  'Cuba',
  'Ecuador',
  'El Salvador',
  'España',
  'Guatemala',
  'Honduras',
  'México',
  'Nicaragua',
  'Panamá',
  'Paraguay',
  'Perú',
  'Portugal',
  'República Dominicana',
  'Uruguay',
];

describe('memberCountries', () => {
  test('lists the 21 PIFCSS member countries, in the order PIFCSS lists them', () => {
    expect(memberCountries).toHaveLength(21);
    expect(memberCountries.map((country) => country.name.es)).toEqual(membersAsListed);
  });

  test('has no code twice, and every code is two upper-case letters', () => {
    const codes = memberCountries.map((country) => country.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  test('gives every country a time zone the engine knows', () => {
    // Engines list a zone under their own canonical name: V8 lists America/Buenos_Aires where IANA's
    // is America/Argentina/Buenos_Aires. So the zone must resolve to a listed name, whichever it is.
    const supported = new Set(Intl.supportedValuesOf('timeZone'));
    for (const { code, timeZone } of memberCountries) {
      expect(isValidTimeZone(timeZone), `${code}: ${timeZone}`).toBe(true);
      const resolved = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
      expect(supported.has(timeZone) || supported.has(resolved), `${code}: ${timeZone}`).toBe(true);
    }
  });

  test('gives every country a non-empty name in Spanish, English and Portuguese', () => {
    for (const { code, name } of memberCountries) {
      for (const language of ['es', 'en', 'pt'] as const) {
        expect(name[language].trim(), `${code}.${language}`).not.toBe('');
      }
    }
  });

  test.each([
    ['BR', 'America/Sao_Paulo', 'Brasil', 'Brazil', 'Brasil'],
    ['ES', 'Europe/Madrid', 'España', 'Spain', 'Espanha'],
    ['PE', 'America/Lima', 'Perú', 'Peru', 'Peru'],
    ['MX', 'America/Mexico_City', 'México', 'Mexico', 'México'],
    ['PA', 'America/Panama', 'Panamá', 'Panama', 'Panamá'],
    ['DO', 'America/Santo_Domingo', 'República Dominicana', 'Dominican Republic', 'República Dominicana'],
    ['AR', 'America/Argentina/Buenos_Aires', 'Argentina', 'Argentina', 'Argentina'],
    ['EC', 'America/Guayaquil', 'Ecuador', 'Ecuador', 'Equador'],
  ] as const)('gives %s the zone %s and the names %s / %s / %s', (code, timeZone, es, en, pt) => {
    expect(countryByCode(code)).toEqual({ code, timeZone, name: { es, en, pt } });
  });
});

describe('isMemberCountry', () => {
  test.each(memberCountries.map((country) => country.code))('accepts the member code %s', (code) => {
    expect(isMemberCountry(code)).toBe(true);
  });

  test.each(['VE', 'US', 'gt', 'GTM', '', 'Guatemala'])('refuses %j, which is not a member code', (code) => {
    expect(isMemberCountry(code)).toBe(false);
  });
});

describe('countryByCode', () => {
  test('finds the country for a member code', () => {
    expect(countryByCode('GT').name.es).toBe('Guatemala');
    expect(countryByCode('PE').timeZone).toBe('America/Lima');
  });

  test('gives undefined for a code that is not a member', () => {
    expect(countryByCode('VE')).toBeUndefined();
    expect(countryByCode('gt')).toBeUndefined();
  });
});
