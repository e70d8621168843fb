import { EarthGlobeIcon } from '@sanity/icons/EarthGlobe';
import { defineField, defineType } from 'sanity';
import { choiceField } from '../lib/fields';
import { languageOptions } from '../lib/options';

/**
 * Where to follow a session in one language: the floor language or an interpretation (a Zoom
 * interpretation channel, a separate stream). Its rules (https only, a language the session is held
 * or interpreted in, none on participants-only sessions) are content-models/validation/channels.ts,
 * run on the session's `channels` field.
 */
export const languageChannel = defineType({
  name: 'languageChannel',
  title: 'Canal de idioma',
  type: 'object',
  icon: EarthGlobeIcon,
  fields: [
    choiceField({
      name: 'language',
      title: 'Idioma',
      description: 'El idioma que se oye en este canal: el de la sesión o uno de la interpretación.',
      list: languageOptions,
    }),
    defineField({
      name: 'url',
      title: 'Dirección',
      description: 'La dirección completa de la sala o transmisión en ese idioma, que empiece por https://.',
      type: 'string',
    }),
    defineField({
      name: 'label',
      title: 'Texto del enlace',
      description: 'Opcional. Por ejemplo «Canal en portugués (Zoom)». Si lo dejas vacío, el sitio escribe el idioma.',
      type: 'localeString',
    }),
  ],
  preview: {
    select: { language: 'language', url: 'url' },
    prepare: ({ language, url }: { language?: string; url?: string }) => ({
      title: `Canal · ${languageOptions.find((o) => o.value === language)?.title ?? 'sin idioma'}`,
      subtitle: url || 'Sin dirección',
    }),
  },
});
