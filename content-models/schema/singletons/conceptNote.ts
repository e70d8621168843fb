import { DocumentTextIcon } from '@sanity/icons/DocumentText';
import { defineArrayMember, defineField, defineType } from 'sanity';
import { checkSectionAnchors } from '../../validation/collections';
import { toValidationResult } from '../lib/issues';

/** The organisers' concept note, section by section: one document, at the fixed id `conceptNote`. */
export const conceptNote = defineType({
  name: 'conceptNote',
  title: 'Nota conceptual',
  type: 'document',
  icon: DocumentTextIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Título',
      description: 'El título de la página, normalmente «Nota conceptual».',
      type: 'localeString',
      validation: (rule) => rule.required().error('Escribe el título, al menos en español.'),
    }),
    defineField({
      name: 'sections',
      title: 'Secciones',
      description:
        'Las secciones de la nota en su orden: Introducción, Objetivo general, Objetivos específicos, Productos, Metodología, Perfil de los participantes… Arrástralas para reordenarlas.',
      type: 'array',
      of: [defineArrayMember({ type: 'conceptNoteSection' })],
      validation: (rule) => [
        rule.required().min(1).error('Añade al menos una sección.'),
        rule.custom((sections) =>
          toValidationResult(checkSectionAnchors(Array.isArray(sections) ? (sections as { anchor?: string | null }[]) : []), 'error', sections, 'sections'),
        ),
      ],
    }),
  ],
  preview: {
    select: { title: 'title.es', sections: 'sections' },
    prepare: ({ title, sections }: { title?: string; sections?: unknown[] }) => ({
      title: title || 'Nota conceptual',
      subtitle: `${Array.isArray(sections) ? sections.length : 0} secciones`,
    }),
  },
});
