import { LinkIcon } from '@sanity/icons/Link';
import { defineField, defineType } from 'sanity';
import { isSafeHref, unsafeHrefMessage } from '../../validation/links';
import { choiceField } from '../lib/fields';
import { linkKindOptions, linkKindTitle } from '../lib/options';

/** A link of the event or of a session: registration, joining, stream, material (recordings have their own field). */
export const link = defineType({
  name: 'link',
  title: 'Enlace',
  type: 'object',
  icon: LinkIcon,
  fields: [
    choiceField({
      name: 'kind',
      title: 'Tipo de enlace',
      description:
        'Para qué sirve. «Unirse a la sesión» y «Transmisión en directo» solo pueden ir en sesiones públicas: el sitio es público y cualquiera los vería.',
      list: linkKindOptions,
      required: 'Elige el tipo de enlace (inscripción, unirse, transmisión, material…).',
    }),
    defineField({
      name: 'label',
      title: 'Texto del enlace',
      description: 'Opcional. Lo que se lee en el botón o enlace, por ejemplo «Inscríbete aquí». Si lo dejas vacío, el sitio usa un texto según el tipo.',
      type: 'localeString',
    }),
    defineField({
      name: 'url',
      title: 'Dirección',
      description: 'La dirección completa, que empiece por https:// (cópiala de la barra del navegador), o un correo escrito mailto:nombre@dominio.org.',
      // A string, not Sanity's `url` type: see `blockContent`'s link for why.
      type: 'string',
      validation: (rule) => [
        rule.required().error('Falta la dirección del enlace: pega la dirección completa, que empiece por https://.'),
        rule.custom<string>((url) => (url === undefined || isSafeHref(url) ? true : unsafeHrefMessage(url))),
      ],
    }),
  ],
  preview: {
    select: { label: 'label.es', kind: 'kind', url: 'url' },
    prepare: ({ label, kind, url }: { label?: string; kind?: string; url?: string }) => ({
      title: label || linkKindTitle(kind) || 'Enlace',
      subtitle: url || 'Sin dirección',
    }),
  },
});
