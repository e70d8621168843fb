import { BookIcon } from '@sanity/icons/Book';
import { defineField, defineType } from 'sanity';

/** The event's report («Relatoría»), written after the event: one document, at the fixed id `report`. */
export const report = defineType({
  name: 'report',
  title: 'Relatoría',
  type: 'document',
  icon: BookIcon,
  fields: [
    defineField({
      name: 'body',
      title: 'Texto de la relatoría',
      description: 'Lo que se dijo y se acordó en las sesiones. Mientras esté vacío, la página dice que la relatoría se publicará después del evento.',
      type: 'localeBlockContent',
    }),
  ],
  preview: {
    select: { body: 'body.es' },
    prepare: ({ body }: { body?: unknown[] }) => ({
      title: 'Relatoría',
      subtitle: Array.isArray(body) && body.length > 0 ? `${body.length} párrafos en español` : 'Aún sin texto',
    }),
  },
});
