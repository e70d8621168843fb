import { PackageIcon } from '@sanity/icons/Package';
import { defineArrayMember, defineField, defineType } from 'sanity';

/** The workshop's products named in the concept note: one document, at the fixed id `workshopProducts`. */
export const workshopProducts = defineType({
  name: 'workshopProducts',
  title: 'Productos del taller',
  type: 'document',
  icon: PackageIcon,
  fields: [
    defineField({
      name: 'items',
      title: 'Productos',
      description:
        'Los productos de la sección «Productos» de la nota conceptual, en su orden. Añade el texto o el archivo de cada uno cuando exista; hasta entonces la página dice que se publicará.',
      type: 'array',
      of: [defineArrayMember({ type: 'workshopProduct' })],
    }),
  ],
  preview: {
    select: { items: 'items' },
    prepare: ({ items }: { items?: unknown[] }) => ({ title: 'Productos del taller', subtitle: `${Array.isArray(items) ? items.length : 0} productos` }),
  },
});
