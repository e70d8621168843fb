import { TranslateIcon } from '@sanity/icons/Translate';
import { defineType } from 'sanity';
import { localeFields, translationsFieldset } from '../lib/locale';

/** Formatted text (Portable Text) in Spanish (required), English and Portuguese (optional). */
export const localeBlockContent = defineType({
  name: 'localeBlockContent',
  title: 'Texto con formato traducible',
  description: 'Texto con párrafos, títulos, listas y enlaces. Escribe primero el español; las traducciones son opcionales.',
  type: 'object',
  icon: TranslateIcon,
  fieldsets: [translationsFieldset],
  fields: localeFields('blockContent', 'Falta el texto en español. Escríbelo: es el original y el que se muestra cuando no hay traducción.'),
});
