import { PlayIcon } from '@sanity/icons/Play';
import { defineField, defineType } from 'sanity';
import { isRecordingUrl, recordingUrlMessage } from '../../validation/followUp';
import { languageOptions } from '../lib/options';

/**
 * A recording of a session. A YouTube or Vimeo address plays on the session page (the video host
 * is contacted only when the reader asks to play it); any other address is shown as a link.
 */
export const recording = defineType({
  name: 'recording',
  title: 'Grabación',
  type: 'object',
  icon: PlayIcon,
  fields: [
    defineField({
      name: 'url',
      title: 'Dirección del vídeo',
      description:
        'La dirección completa del vídeo, que empiece por https://. Las de YouTube y Vimeo (por ejemplo https://www.youtube.com/watch?v=…) se reproducen en la página de la sesión; las demás se muestran como enlace.',
      // A string, not Sanity's `url` type: see `blockContent`'s link for why.
      type: 'string',
      validation: (rule) => [
        rule.required().error('Falta la dirección de la grabación: pega la dirección completa del vídeo, que empiece por https://.'),
        rule.custom<string>((url) => (url === undefined || isRecordingUrl(url) ? true : recordingUrlMessage(url))),
      ],
    }),
    defineField({
      name: 'title',
      title: 'Título',
      description: 'Opcional. Por ejemplo «Grabación completa» o «Versión con interpretación al portugués». Si lo dejas vacío, el sitio escribe «Grabación».',
      type: 'localeString',
    }),
    defineField({
      name: 'language',
      title: 'Idioma del audio',
      description: 'Opcional. El idioma que se oye en la grabación, si hay una por idioma (por ejemplo la versión interpretada).',
      type: 'string',
      options: { list: languageOptions, layout: 'radio', direction: 'horizontal' },
    }),
  ],
  preview: {
    select: { title: 'title.es', url: 'url', language: 'language' },
    prepare: ({ title, url, language }: { title?: string; url?: string; language?: string }) => ({
      title: [title || 'Grabación', languageOptions.find((o) => o.value === language)?.title].filter(Boolean).join(' · '),
      subtitle: url || 'Sin dirección',
    }),
  },
});
