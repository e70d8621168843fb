import { type DateRule, defineField, type StringRule } from 'sanity';
import { slugify } from './slug';

/**
 * Field shapes that recur across the schema types, written once: a choice from a fixed option list,
 * a calendar date, a page address. Each type still gives its own title, description and message,
 * which is what editors read.
 */

interface Described {
  name: string;
  title: string;
  description: string;
}

/**
 * A string chosen from a fixed list (stored values from lib/options.ts), as a menu or as radio
 * buttons; `required` is the error an editor sees when it is left empty.
 */
export function choiceField(field: Described & { list: { value: string; title: string }[]; radio?: boolean; required?: string; initialValue?: string }) {
  const { list, radio, required, ...rest } = field;
  return defineField({
    ...rest,
    type: 'string',
    options: radio ? { list, layout: 'radio' } : { list },
    ...(required ? { validation: (rule: StringRule) => rule.required().error(required) } : {}),
  });
}

/** A calendar date, picked as the organisers write dates (day first). */
export function dateField(field: Described & { validation: (rule: DateRule) => DateRule | DateRule[] }) {
  return defineField({ ...field, type: 'date', options: { dateFormat: 'DD/MM/YYYY' } });
}

/** The last part of a page's address, generated from `source` with the site's slugify; required, and never to change once shared. */
export function slugField(field: Omit<Described, 'name' | 'title'> & { source: string }) {
  return defineField({
    name: 'slug',
    title: 'Dirección de la página',
    description: field.description,
    type: 'slug',
    options: { source: field.source, slugify, maxLength: 96 },
    validation: (rule) => rule.required().error('Falta la dirección de la página: pulsa «Generar».'),
  });
}
