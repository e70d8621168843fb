import { TranslateIcon } from '@sanity/icons/Translate';
import { defineType } from 'sanity';
import { localeFields, translationsFieldset } from '../lib/locale';

/** A one-line text in Spanish (required), English and Portuguese (optional, falling back to Spanish). */
export const localeString = defineType({
  name: 'localeString',
  title: 'Texto corto traducible',
  description: 'Escribe primero el español. El inglés y el portugués son opcionales: si faltan, el sitio muestra el español.',
  type: 'object',
  icon: TranslateIcon,
  fieldsets: [translationsFieldset],
  fields: localeFields('string', 'Falta el texto en español. Escríbelo: es el original y el que se muestra cuando no hay traducción.'),
});
