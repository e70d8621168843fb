import { defineField, type StringRule } from 'sanity';
import { isValidTimeZone } from '../../time';
import { TimeZoneInput } from './TimeZoneInput';

/** The message for a zone `isValidTimeZone` refuses. */
export function invalidTimeZoneMessage(zone: string): string {
  return `«${zone}» no es una zona horaria válida. Elige una de las sugerencias (por ejemplo America/Guatemala o America/Lima) o escribe un nombre de zona IANA exacto, con mayúsculas, y no un desfase como -06:00, que no sabe del horario de verano.`;
}

/**
 * A string field holding an IANA time zone, with the member countries' zones suggested and any
 * valid IANA name accepted.
 */
export function timeZoneField(options: {
  name: string;
  title: string;
  description: string;
  /** Replaces the default check (a valid IANA zone when filled in). */
  validation?: (rule: StringRule) => StringRule | StringRule[];
}) {
  return defineField({
    name: options.name,
    title: options.title,
    description: options.description,
    type: 'string',
    placeholder: 'America/Guatemala',
    components: { input: TimeZoneInput },
    validation:
      options.validation ??
      ((rule) => rule.custom<string>((zone) => (zone === undefined || zone === '' || isValidTimeZone(zone) ? true : invalidTimeZoneMessage(zone)))),
  });
}
