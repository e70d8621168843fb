import { CaseIcon } from '@sanity/icons/Case';
import { defineField, defineType } from 'sanity';
import { choiceField } from '../lib/fields';
import { logoField } from '../lib/logoField';
import { countryOptions, countryTitle, institutionKindOptions, institutionKindTitle } from '../lib/options';

/** An institution speakers belong to, or the organiser. */
export const institution = defineType({
  name: 'institution',
  title: 'Institución',
  type: 'document',
  icon: CaseIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Nombre',
      description: 'El nombre completo, sin siglas, por ejemplo «Secretaría de Planificación y Programación de la Presidencia».',
      type: 'localeString',
      validation: (rule) => rule.required().error('Escribe el nombre de la institución, al menos en español.'),
    }),
    defineField({
      name: 'acronym',
      title: 'Siglas',
      description: 'Opcional. Las siglas con que se la conoce, por ejemplo «SEGEPLAN». El sitio las muestra junto a los nombres de los ponentes.',
      type: 'string',
    }),
    choiceField({
      name: 'country',
      title: 'País',
      description: 'Opcional. El país miembro del PIFCSS al que pertenece; déjalo vacío para redes regionales y organismos internacionales.',
      list: countryOptions,
    }),
    choiceField({
      name: 'kind',
      title: 'Tipo de institución',
      description: 'Qué clase de institución es.',
      list: institutionKindOptions,
      radio: true,
      required: 'Elige el tipo de institución.',
    }),
    logoField({
      description:
        'Opcional. El logotipo de la institución, en SVG o PNG con fondo transparente. Si es la organizadora y el evento no tiene logotipo propio, el sitio lo usa en la cabecera; si no hay ninguno, muestra sus siglas.',
    }),
  ],
  preview: {
    select: { name: 'name.es', acronym: 'acronym', kind: 'kind', country: 'country' },
    prepare: ({ name, acronym, kind, country }: { name?: string; acronym?: string; kind?: string; country?: string }) => ({
      title: [acronym, name].filter(Boolean).join(' — ') || 'Institución sin nombre',
      subtitle: [institutionKindTitle(kind), countryTitle(country)].filter(Boolean).join(' · '),
    }),
  },
});
