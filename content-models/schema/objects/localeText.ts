import { TranslateIcon } from '@sanity/icons/Translate';
import { defineType } from 'sanity';
import { localeFields, translationsFieldset } from '../lib/locale';

/** A plain text of several lines in Spanish (required), English and Portuguese (optional). */
export const localeText = defineType({
  name: 'localeText',
  title: 'Texto largo traducible',
  description: 'Texto sin formato, de uno o varios párrafos. Escribe primero el español; las traducciones son opcionales.',
  type: 'object',
  icon: TranslateIcon,
  fieldsets: [translationsFieldset],
  fields: localeFields('text', 'Falta el texto en español. Escríbelo: es el original y el que se muestra cuando no hay traducción.'),
});
