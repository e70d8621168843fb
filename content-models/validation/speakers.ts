import type { RuleIssue } from './types';

/**
 * A speaker's country is an ISO 3166-1 alpha-2 code in capitals, as the Studio's list stores it; an
 * export edited by hand may hold anything else, and the site would then show no country.
 *
 * @example
 * checkCountryCode('gt'); // [{ level: 'error', path: 'country', message: '«gt» no es un código de país…' }]
 */
export function checkCountryCode(code: string | null | undefined): RuleIssue[] {
  if (code === undefined || code === null || code === '' || /^[A-Z]{2}$/.test(code)) return [];
  return [
    {
      level: 'error',
      path: 'country',
      message: `«${code}» no es un código de país ISO de dos letras en mayúsculas (por ejemplo GT): elige el país de la lista.`,
    },
  ];
}
