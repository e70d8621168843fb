import { UserIcon } from '@sanity/icons/User';
import { defineField, defineType } from 'sanity';
import { checkCountryCode } from '../../validation/speakers';
import { slugField } from '../lib/fields';
import { toValidationResult } from '../lib/issues';
import { countryOptions, countryTitle } from '../lib/options';

/** A confirmed speaker, moderator or facilitator. Each gets a page with their sessions. */
export const speaker = defineType({
  name: 'speaker',
  title: 'Ponente',
  type: 'document',
  icon: UserIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Nombre completo',
      description: 'Nombre y apellidos, sin cargo ni tratamiento (sin «Sr.», «Dra.»), por ejemplo «Rita Mishaan».',
      type: 'string',
      validation: (rule) => rule.required().error('Escribe el nombre completo de la persona.'),
    }),
    slugField({
      source: 'name',
      description:
        'La parte final de la dirección de su página. Pulsa «Generar» para crearla a partir del nombre. No la cambies después de publicar: romperías los enlaces ya compartidos.',
    }),
    defineField({
      name: 'position',
      title: 'Cargo',
      description: 'Su cargo, sin la institución, por ejemplo «Subsecretaria de Cooperación y Alianzas para el Desarrollo».',
      type: 'localeString',
      validation: (rule) => rule.required().warning('Escribe el cargo: el sitio lo muestra junto al nombre.'),
    }),
    defineField({
      name: 'institution',
      title: 'Institución',
      description: 'Dónde trabaja. Si la institución no está en la lista, créala primero en «Instituciones».',
      type: 'reference',
      to: [{ type: 'institution' }],
    }),
    defineField({
      name: 'country',
      title: 'País',
      description: 'Opcional. Su país, si es un país miembro del PIFCSS; su página muestra las horas también en la zona de ese país.',
      type: 'string',
      options: { list: countryOptions },
      validation: (rule) => rule.custom<string>((code) => toValidationResult(checkCountryCode(code), 'error', code, 'country')),
    }),
    defineField({
      name: 'photo',
      title: 'Foto',
      description: 'Opcional. Un retrato, a ser posible cuadrado. Ajusta el punto de interés (la cara) con el botón de recorte.',
      type: 'image',
      options: { hotspot: true },
      fields: [
        defineField({
          name: 'alt',
          title: 'Descripción de la foto (texto alternativo)',
          description:
            'Obligatoria si hay foto: lo que leen las personas que no ven la imagen, por ejemplo «Retrato de Rita Mishaan». Describe la imagen; no repitas el cargo.',
          type: 'localeString',
          validation: (rule) =>
            rule.custom((alt, context) => {
              const photo = context.parent as { asset?: unknown } | undefined;
              if (!photo?.asset) return true;
              const spanish = (alt as { es?: unknown } | undefined)?.es;
              return typeof spanish === 'string' && spanish.trim() !== ''
                ? true
                : 'Falta la descripción de la foto en español (por ejemplo «Retrato de Rita Mishaan»): la leen quienes no ven la imagen. Escríbela o quita la foto.';
            }),
        }),
      ],
    }),
    defineField({
      name: 'bio',
      title: 'Biografía',
      description: 'Opcional. Unas líneas sobre su trayectoria.',
      type: 'localeBlockContent',
    }),
  ],
  orderings: [{ title: 'Nombre', name: 'name', by: [{ field: 'name', direction: 'asc' }] }],
  preview: {
    select: {
      name: 'name',
      position: 'position.es',
      acronym: 'institution.acronym',
      institution: 'institution.name.es',
      country: 'country',
      media: 'photo',
    },
    // `media` is the selected image, which the preview renders; the other values are strings.
    prepare: ({ name, position, acronym, institution, country, media }) => ({
      title: name || 'Ponente sin nombre',
      subtitle: [position, acronym || institution || countryTitle(country)].filter(Boolean).join(' · ') || 'Sin cargo ni institución',
      media,
    }),
  },
});
