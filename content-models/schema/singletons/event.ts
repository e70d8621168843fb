import { CalendarIcon } from '@sanity/icons/Calendar';
import { defineArrayMember, defineField, defineType } from 'sanity';
import { checkEventDays } from '../../validation/collections';
import { checkTimeZone } from '../../validation/event';
import { isSafeHref, unsafeHrefMessage } from '../../validation/links';
import { choiceField } from '../lib/fields';
import { toValidationResult } from '../lib/issues';
import { logoField } from '../lib/logoField';
import { modalityOptions, programmeStatusOptions } from '../lib/options';
import { dayLabel } from '../lib/preview';
import { TimeZoneInput } from '../lib/TimeZoneInput';
import { timeZoneField } from '../lib/timeZoneField';

/** The seminar itself: one document, at the fixed id `event`. */
export const event = defineType({
  name: 'event',
  title: 'Evento',
  type: 'document',
  icon: CalendarIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Nombre completo',
      description: 'El título completo del seminario-taller, como en la nota conceptual. Es el título de la página de inicio.',
      type: 'localeString',
      validation: (rule) => rule.required().error('Escribe el nombre del evento, al menos en español.'),
    }),
    defineField({
      name: 'shortName',
      title: 'Nombre corto',
      description: 'Para la cabecera y las pestañas del navegador, por ejemplo «Seminario-Taller CSS».',
      type: 'localeString',
      validation: (rule) => rule.required().warning('Escribe un nombre corto: sin él, la cabecera usa el nombre completo.'),
    }),
    defineField({
      name: 'kicker',
      title: 'Antetítulo',
      description: 'La línea pequeña sobre el título, por ejemplo «Seminario-Taller Virtual».',
      type: 'localeString',
    }),
    timeZoneField({
      name: 'timeZone',
      title: 'Zona horaria de referencia',
      description:
        'La zona en que están escritas las horas del programa: America/Guatemala. Cambiarla cambia la hora real de todas las sesiones que no indican su propia zona.',
      validation: (rule) => [
        rule.required().error('Falta la zona horaria del evento: escribe America/Guatemala.'),
        rule.custom<string>((zone) => toValidationResult(checkTimeZone(zone, ''), 'error', zone)),
      ],
    }),
    defineField({
      name: 'secondaryTimeZones',
      title: 'Otras zonas que se muestran siempre',
      description:
        'Zonas cuya hora el sitio muestra junto a cada hora del programa, además de la de referencia: America/Lima (hora de Perú). Cada lector puede además ver las horas en su propia zona.',
      type: 'array',
      of: [
        defineArrayMember({
          type: 'string',
          title: 'Zona horaria',
          components: { input: TimeZoneInput },
          validation: (rule) => rule.custom<string>((zone) => toValidationResult(checkTimeZone(zone, ''), 'error', zone)),
        }),
      ],
      validation: (rule) => rule.unique().error('Esta zona ya está en la lista.'),
    }),
    choiceField({
      name: 'status',
      title: 'Estado del programa',
      description:
        'Mientras el programa sea «tentativo», el sitio lo avisa en el programa y los calendarios marcan las sesiones como provisionales. Cámbialo a «confirmado» cuando las horas estén cerradas.',
      list: programmeStatusOptions,
      radio: true,
      initialValue: 'tentative',
    }),
    choiceField({
      name: 'modality',
      title: 'Modalidad',
      description: 'Cómo se celebra: en línea (virtual), en un lugar (presencial) o ambas (híbrida). El sitio lo indica en la página de inicio.',
      list: modalityOptions,
      radio: true,
      required: 'Elige la modalidad del evento.',
    }),
    defineField({
      name: 'organizer',
      title: 'Organiza',
      description: 'La institución organizadora (el PIFCSS). Si no está en la lista, créala en «Instituciones».',
      type: 'reference',
      to: [{ type: 'institution' }],
    }),
    logoField({
      description:
        'Opcional. El logotipo del evento para la cabecera del sitio, en SVG o PNG con fondo transparente, de unos 40 px de alto. Si lo dejas vacío, el sitio muestra las siglas de la organizadora y el nombre corto del evento.',
    }),
    defineField({
      name: 'summary',
      title: 'Resumen',
      description: 'Un párrafo para la página de inicio: de qué trata el seminario-taller.',
      type: 'localeText',
    }),
    defineField({
      name: 'audience',
      title: 'A quién va dirigido',
      description: 'Quiénes participan, según el perfil de participantes de la nota conceptual.',
      type: 'localeText',
    }),
    defineField({
      name: 'accessRules',
      title: 'Condiciones de acceso',
      description: 'Quién puede asistir cada día, por ejemplo: el día 1 es abierto al público; los días 2 y 3, solo para participantes inscritos.',
      type: 'localeText',
    }),
    defineField({
      name: 'days',
      title: 'Días',
      description: 'Un elemento por día del evento, en orden de fecha. Las fechas de las sesiones deben ser una de estas.',
      type: 'array',
      of: [defineArrayMember({ type: 'eventDay' })],
      validation: (rule) => [
        rule.required().min(1).error('Añade al menos un día del evento.'),
        rule.custom((days) => toValidationResult(checkEventDays(asDays(days)), 'error', days, 'days')),
        rule.custom((days) => toValidationResult(checkEventDays(asDays(days)), 'warning', days, 'days')).warning(),
      ],
    }),
    defineField({
      name: 'links',
      title: 'Enlaces',
      description: 'Inscripción y transmisión de los días abiertos al público. Los enlaces para participantes inscritos no se publican aquí.',
      type: 'array',
      of: [defineArrayMember({ type: 'link' })],
    }),
    // Accessibility statement page (issue 20): who to write to about access barriers, and an optional intro.
    defineField({
      name: 'accessibilityContact',
      title: 'Contacto de accesibilidad',
      description:
        'Opcional. Un correo (mailto:accesibilidad@dominio.org) o una página (https://…) donde avisar de una barrera de acceso o pedir un apoyo (interpretación, subtítulos). Aparece en la página de accesibilidad; si lo dejas vacío, la página lo dice.',
      type: 'string',
      validation: (rule) => rule.custom<string>((url) => (url === undefined || url === '' || isSafeHref(url) ? true : unsafeHrefMessage(url))),
    }),
    defineField({
      name: 'accessibilityIntro',
      title: 'Introducción de la página de accesibilidad',
      description: 'Opcional. Unas líneas de los organizadores al principio de la página de accesibilidad; el resto de la página lo escribe el sitio.',
      type: 'localeBlockContent',
    }),
  ],
  preview: {
    select: { name: 'name.es', shortName: 'shortName.es', firstDay: 'days.0.date', secondDay: 'days.1.date', thirdDay: 'days.2.date' },
    prepare: ({ name, shortName, firstDay, secondDay, thirdDay }: Record<string, string | undefined>) => ({
      title: shortName || name || 'Evento',
      subtitle: [firstDay, secondDay, thirdDay].map(dayLabel).filter(Boolean).join(', '),
    }),
  },
});

function asDays(days: unknown): { date?: string | null }[] {
  return Array.isArray(days) ? (days as { date?: string | null }[]) : [];
}
