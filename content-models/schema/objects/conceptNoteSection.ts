import { BlockContentIcon } from '@sanity/icons/BlockContent';
import { defineField, defineType } from 'sanity';

/** Kebab-case, as used in the page's address: `objetivo-general`. */
export const ANCHOR_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** One section of the concept note: a heading, the anchor used to link to it, and its text. */
export const conceptNoteSection = defineType({
  name: 'conceptNoteSection',
  title: 'Sección',
  type: 'object',
  icon: BlockContentIcon,
  fields: [
    defineField({
      name: 'heading',
      title: 'Título de la sección',
      description: 'Por ejemplo «Objetivo general».',
      type: 'localeString',
      validation: (rule) => rule.required().error('Escribe el título de la sección, al menos en español.'),
    }),
    defineField({
      name: 'anchor',
      title: 'Ancla (para enlazar)',
      description:
        'La parte final de la dirección que lleva directo a esta sección (…/nota-conceptual#objetivo-general): minúsculas sin tildes, números y guiones, sin espacios. No la cambies una vez publicada: romperías los enlaces ya compartidos.',
      type: 'string',
      validation: (rule) => [
        rule.required().error('Escribe el ancla, por ejemplo objetivo-general.'),
        rule.regex(ANCHOR_PATTERN).error('El ancla solo puede tener minúsculas sin tildes, números y guiones entre palabras, por ejemplo objetivo-general.'),
      ],
    }),
    defineField({
      name: 'body',
      title: 'Texto',
      description: 'El texto de la sección, con párrafos, listas y enlaces.',
      type: 'localeBlockContent',
      validation: (rule) => rule.required().error('Escribe el texto de la sección, al menos en español.'),
    }),
  ],
  preview: {
    select: { heading: 'heading.es', anchor: 'anchor' },
    prepare: ({ heading, anchor }: { heading?: string; anchor?: string }) => ({
      title: heading || 'Sección sin título',
      subtitle: anchor ? `#${anchor}` : 'Sin ancla',
    }),
  },
});
