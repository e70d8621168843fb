import { PackageIcon } from '@sanity/icons/Package';
import { defineField, defineType } from 'sanity';
import { checkOptionalUrl } from '../../validation/results';
import { choiceField } from '../lib/fields';
import { toValidationResult } from '../lib/issues';
import { productStatusOptions } from '../lib/options';

/** One of the workshop's products, as the concept note names them, with its text or file once it exists. */
export const workshopProduct = defineType({
  name: 'workshopProduct',
  title: 'Producto',
  type: 'object',
  icon: PackageIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Título',
      description: 'El producto como lo nombra la nota conceptual, por ejemplo «Mapeo de esquemas-tipo de coordinación interinstitucional».',
      type: 'localeString',
      validation: (rule) => rule.required().error('Escribe el título del producto, al menos en español.'),
    }),
    choiceField({
      name: 'status',
      title: 'Estado',
      description: 'Opcional. Dónde está el producto; sin estado, la página no dice nada de él.',
      list: productStatusOptions,
      radio: true,
    }),
    defineField({
      name: 'body',
      title: 'Texto',
      description: 'Opcional. El producto mismo o su resumen, cuando exista.',
      type: 'localeBlockContent',
    }),
    defineField({ name: 'file', title: 'Archivo', description: 'Opcional. El documento del producto (PDF…).', type: 'file' }),
    defineField({
      name: 'url',
      title: 'Dirección',
      description: 'Opcional. Dónde está publicado, si no es un archivo subido aquí (https://…).',
      type: 'string',
      validation: (rule) => rule.custom<string>((url) => toValidationResult(checkOptionalUrl(url, ''), 'error', url)),
    }),
  ],
  preview: { select: { title: 'title.es', status: 'status' } },
});
