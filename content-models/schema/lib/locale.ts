import { defineField, type FieldDefinition, type Rule, type StringRule, type TextRule } from 'sanity';
import { LANGUAGES } from './constants';

/**
 * The three language fields of a translatable value. Spanish is the source and is required; the
 * English and Portuguese fields are optional, and the site shows the Spanish text where they are
 * empty. `type` is the Sanity type of each language's value.
 */
export function localeFields(type: 'string' | 'text' | 'blockContent', requiredMessage: string): FieldDefinition[] {
  return LANGUAGES.map((language) => {
    const common = {
      name: language.id,
      title: language.title,
      ...(language.required
        ? { description: 'Obligatorio: el español es el texto original y el que se usa cuando falta una traducción.' }
        : { description: 'Opcional. Si lo dejas vacío, el sitio en este idioma muestra el texto en español.', fieldset: 'translations' }),
    };
    if (type === 'text') {
      return defineField({
        ...common,
        type: 'text',
        rows: 4,
        ...(language.required ? { validation: (rule: TextRule) => rule.required().error(requiredMessage) } : {}),
      });
    }
    if (type === 'string') {
      return defineField({
        ...common,
        type: 'string',
        ...(language.required ? { validation: (rule: StringRule) => rule.required().error(requiredMessage) } : {}),
      });
    }
    return defineField({
      ...common,
      type: 'blockContent',
      ...(language.required ? { validation: (rule: Rule) => rule.required().error(requiredMessage) } : {}),
    });
  });
}

/** The fieldset that holds the optional translations, open so editors see them. */
export const translationsFieldset = {
  name: 'translations',
  title: 'Traducciones (opcionales)',
  options: { collapsible: true, collapsed: false },
};
