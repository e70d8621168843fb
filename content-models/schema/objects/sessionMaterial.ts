import { DownloadIcon } from '@sanity/icons/Download';
import { defineField, defineType } from 'sanity';
import { checkMaterial } from '../../validation/results';
import { toValidationResult } from '../lib/issues';

/** A session's material: a file uploaded to the Studio, or the address where it is published. */
export const sessionMaterial = defineType({
  name: 'sessionMaterial',
  title: 'Material',
  type: 'object',
  icon: DownloadIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Título',
      description: 'Lo que se lee en el enlace, por ejemplo «Presentación de SEGEPLAN».',
      type: 'localeString',
      validation: (rule) => rule.required().error('Escribe el título del material, al menos en español.'),
    }),
    defineField({
      name: 'file',
      title: 'Archivo',
      description: 'Sube el archivo (PDF, presentación…). El sitio muestra su tipo y su tamaño.',
      type: 'file',
    }),
    defineField({
      name: 'url',
      title: 'O bien: dirección',
      description: 'Si el material está publicado en otro sitio, su dirección completa (https://…). Deja vacío si subes el archivo.',
      // A string, not Sanity's `url` type, as in `link`: the safe-address rule is ours.
      type: 'string',
    }),
  ],
  validation: (rule) =>
    rule.custom((value: { file?: { asset?: unknown }; url?: string } | undefined) =>
      value ? toValidationResult(checkMaterial({ hasFile: Boolean(value.file?.asset), url: value.url }), 'error', value) : true,
    ),
  preview: {
    select: { title: 'title.es', url: 'url', file: 'file.asset.originalFilename' },
    prepare: ({ title, url, file }: { title?: string; url?: string; file?: string }) => ({
      title: title || 'Material',
      subtitle: file || url || 'Sin archivo ni dirección',
    }),
  },
});
