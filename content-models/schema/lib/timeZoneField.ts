import { defineField, type StringRule } from 'sanity';
import { checkTimeZone } from '../../validation/event';
import { toValidationResult } from './issues';
import { TimeZoneInput } from './TimeZoneInput';

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
    validation: options.validation ?? ((rule) => rule.custom<string>((zone) => toValidationResult(checkTimeZone(zone, ''), 'error', zone))),
  });
}
