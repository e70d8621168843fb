import { isValidTimeZone } from '../time';
import type { RuleIssue } from './types';

/** The message for a zone `isValidTimeZone` refuses, the same in the Studio and the build. */
export function invalidTimeZoneMessage(zone: string): string {
  return `«${zone}» no es una zona horaria válida. Elige una de las sugerencias (por ejemplo America/Guatemala o America/Lima) o escribe un nombre de zona IANA exacto, con mayúsculas, y no un desfase como -06:00, que no sabe del horario de verano.`;
}

/**
 * Checks one time zone field: empty is left to the field's own `required()` rule, anything else
 * must be an IANA zone. `path` is where the issue points (`timeZone`, `secondaryTimeZones[1]`).
 */
export function checkTimeZone(zone: string | null | undefined, path: string): RuleIssue[] {
  if (zone === undefined || zone === null || zone === '' || isValidTimeZone(zone)) return [];
  return [{ level: 'error', path, message: invalidTimeZoneMessage(zone) }];
}

/**
 * The event's reference zone and the secondary zones shown beside it: every one an IANA zone.
 *
 * @example
 * checkEventZones({ timeZone: 'America/Guatemala', secondaryTimeZones: ['GMT-5'] }); // [{ path: 'secondaryTimeZones[0]', … }]
 */
export function checkEventZones(event: { timeZone?: string | null; secondaryTimeZones?: readonly (string | null)[] | null }): RuleIssue[] {
  return [
    ...checkTimeZone(event.timeZone, 'timeZone'),
    ...(event.secondaryTimeZones ?? []).flatMap((zone, index) => checkTimeZone(zone, `secondaryTimeZones[${index}]`)),
  ];
}
