import { LinkIcon } from '@sanity/icons/Link';
import { defineArrayMember, defineField, defineType } from 'sanity';
import { isSafeHref, unsafeHrefMessage } from '../../validation/links';

/**
 * The formatted text shared by every translatable Portable Text field: paragraphs, two heading
 * levels (the page already has its own h1 and h2), quotes, lists, bold, italics and links. Only
 * `https:` and `mailto:` links pass, the same rule the site applies when it renders.
 */
export const blockContent = defineType({
  name: 'blockContent',
  title: 'Texto con formato',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: 'Párrafo', value: 'normal' },
        { title: 'Título', value: 'h3' },
        { title: 'Subtítulo', value: 'h4' },
        { title: 'Cita', value: 'blockquote' },
      ],
      lists: [
        { title: 'Lista con viñetas', value: 'bullet' },
        { title: 'Lista numerada', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: 'Negrita', value: 'strong' },
          { title: 'Cursiva', value: 'em' },
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: 'Enlace',
            type: 'object',
            icon: LinkIcon,
            fields: [
              defineField({
                name: 'href',
                title: 'Dirección',
                description:
                  'La dirección completa, que empiece por https:// (por ejemplo https://www.cooperacionsursur.org/), o un correo escrito mailto:nombre@dominio.org.',
                // A string, not Sanity's `url` type: that one accepts http: and refuses mailto:, and
                // this field must follow exactly the rule the site applies (isSafeHref).
                type: 'string',
                validation: (rule) => [
                  rule.required().error('Falta la dirección del enlace: pega la dirección completa, que empiece por https://.'),
                  rule.custom<string>((href) => (href === undefined || isSafeHref(href) ? true : unsafeHrefMessage(href))),
                ],
              }),
            ],
          }),
        ],
      },
    }),
  ],
});
