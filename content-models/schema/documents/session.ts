import { PresentationIcon } from '@sanity/icons/Presentation';
import { type DateRule, defineArrayMember, defineField, defineType, type StringRule } from 'sanity';
import { checkSessionLanguages } from '../../validation/languages';
import { checkSessionLinks } from '../../validation/links';
import { choiceField, dateField, slugField } from '../lib/fields';
import { followUpFields } from '../lib/followUpFields';
import { messagesAt, toValidationResult } from '../lib/issues';
import { channelsRule, dayLinksRule, privateTextLinksRule } from '../lib/linkRules';
import { accessOptions, languageOptions, sessionKindOptions, sessionKindTitle } from '../lib/options';
import { sessionWhen } from '../lib/preview';
import { requiredSessionField, sessionFieldRule } from '../lib/sessionRules';
import { timeZoneField } from '../lib/timeZoneField';

/**
 * A session of the programme. Its times are wall-clock times in `timeZone` (the event's zone when
 * empty), exactly as the organisers write them; the site derives every other zone.
 *
 * Validation: the session's own timing (valid times and zone, end after start or, with
 * `endsNextDay`, on the next day, no time inside a daylight-saving gap, a date that is one of the
 * event's days) and its place among the sessions of its day (overlaps warn, a start that
 * contradicts the agenda order is an error) come from `content-models/validation/sessionTiming`.
 */
export const session = defineType({
  name: 'session',
  title: 'Sesión',
  type: 'document',
  icon: PresentationIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Título',
      description: 'El título tal como aparece en el programa, por ejemplo «Mesa de reflexión 1».',
      type: 'localeString',
      validation: (rule) => rule.required().error('Escribe el título de la sesión, al menos en español.'),
    }),
    slugField({
      source: 'title.es',
      description:
        'La parte final de la dirección de la página de la sesión. Pulsa «Generar» para crearla a partir del título en español. No la cambies después de publicar: romperías los enlaces ya compartidos.',
    }),
    choiceField({
      name: 'kind',
      title: 'Tipo de sesión',
      description: 'Qué clase de sesión es. El sitio lo muestra junto al título.',
      list: sessionKindOptions,
      required: 'Elige el tipo de sesión (apertura, mesa de reflexión, espacio interactivo…).',
    }),
    choiceField({
      name: 'access',
      title: 'Acceso',
      description:
        'Quién puede asistir. Normalmente es el mismo que el del día. Una sesión solo para participantes no puede llevar enlaces para unirse ni de transmisión.',
      list: accessOptions,
      radio: true,
      required: 'Elige si la sesión es pública o solo para participantes inscritos.',
    }),
    dateField({
      name: 'date',
      title: 'Fecha',
      description: 'El día de la sesión; debe ser uno de los días del evento (26, 28 o 30 de octubre de 2020).',
      validation: requiredSessionField<DateRule>('date', 'Elige la fecha de la sesión: uno de los días del evento.'),
    }),
    defineField({
      name: 'start',
      title: 'Hora de inicio',
      description:
        'En formato de 24 horas, con dos cifras: 09:00, 14:30. Es la hora de la zona horaria de abajo; si esa zona está vacía, es hora de Guatemala.',
      type: 'string',
      placeholder: '09:00',
      validation: requiredSessionField<StringRule>('start', 'Falta la hora de inicio: escríbela en formato de 24 horas, por ejemplo 09:00.'),
    }),
    defineField({
      name: 'end',
      title: 'Hora de fin',
      description: 'En formato de 24 horas, con dos cifras (por ejemplo 09:20), en la misma zona horaria que la hora de inicio.',
      type: 'string',
      placeholder: '09:20',
      validation: requiredSessionField<StringRule>('end', 'Falta la hora de fin: escríbela en formato de 24 horas, por ejemplo 09:20.'),
    }),
    defineField({
      name: 'endsNextDay',
      title: 'Termina al día siguiente',
      description:
        'Márcalo solo si la sesión pasa de la medianoche: por ejemplo de 23:15 a 00:15. Así la hora de fin se lee en el día siguiente. Sin marcar, una hora de fin anterior a la de inicio es un error (suele ser un 2:30 escrito en vez de 14:30).',
      type: 'boolean',
      initialValue: false,
      validation: (rule) => [rule.custom(sessionFieldRule('endsNextDay', 'error'))],
    }),
    timeZoneField({
      name: 'timeZone',
      title: 'Zona horaria de las horas',
      description:
        'Déjalo vacío si las horas están en hora de Guatemala, como todo el programa. Rellénalo solo si los organizadores dieron las horas de esta sesión en otra zona (por ejemplo America/Lima para «hora de Perú»). El sitio convierte las horas a Guatemala, Perú y la zona de cada lector.',
      validation: (rule) => [rule.custom(sessionFieldRule('timeZone', 'error')), rule.custom(sessionFieldRule('timeZone', 'warning')).warning()],
    }),
    defineField({
      name: 'order',
      title: 'Orden en la agenda',
      description:
        'El lugar de la sesión en el programa del día (1, 2, 3…). Decide el orden de las sesiones que empiezan a la misma hora, y sirve para detectar horas mal escritas: una sesión no puede empezar antes que otra que va delante en la agenda.',
      type: 'number',
      validation: (rule) => [
        rule.required().warning('Escribe el número de orden de la sesión en el programa del día (1, 2, 3…).'),
        rule.integer().min(1).error('El orden es un número entero a partir de 1.'),
      ],
    }),
    defineField({
      name: 'objective',
      title: 'Objetivo',
      description: 'Opcional. El objetivo de la sesión en una o dos frases, como en la nota conceptual.',
      type: 'localeText',
    }),
    defineField({
      name: 'description',
      title: 'Descripción',
      description: 'Opcional. Más detalle sobre la sesión: metodología, dinámica, materiales.',
      type: 'localeBlockContent',
      validation: (rule) => rule.custom(privateTextLinksRule),
    }),
    defineField({
      name: 'questions',
      title: 'Preguntas orientadoras',
      description: 'Las preguntas que guían la sesión, una por elemento y en el orden del programa.',
      type: 'array',
      of: [defineArrayMember({ type: 'localeString', title: 'Pregunta' })],
    }),
    defineField({
      name: 'language',
      title: 'Idioma de la sesión',
      description: 'El idioma en que se habla en la sesión. El programa lo muestra junto a la interpretación o los subtítulos que haya.',
      type: 'string',
      options: { list: languageOptions, layout: 'radio', direction: 'horizontal' },
      initialValue: 'es',
      validation: (rule) => rule.custom((language) => messagesAt(checkSessionLanguages(language, []), 'language', 'error')),
    }),
    defineField({
      name: 'languageSupport',
      title: 'Interpretación, subtítulos y lengua de señas',
      description: 'Opcional. Por ejemplo: interpretación simultánea al portugués, subtítulos en español, interpretación a Libras. Déjalo vacío si no hay.',
      type: 'array',
      of: [defineArrayMember({ type: 'languageSupport' })],
      validation: (rule) => {
        const issuesOf = (support: unknown, context: { document?: unknown }) =>
          checkSessionLanguages(
            (context.document as { language?: unknown } | undefined)?.language,
            (Array.isArray(support) ? support : []) as { kind?: unknown; language?: unknown; signLanguage?: unknown }[],
          ).filter((issue) => issue.path.startsWith('languageSupport'));
        return [
          rule.custom((support, context) => toValidationResult(issuesOf(support, context), 'error', support, 'languageSupport')),
          rule.custom((support, context) => toValidationResult(issuesOf(support, context), 'warning', support, 'languageSupport')).warning(),
        ];
      },
    }),
    defineField({
      name: 'channels',
      title: 'Canales por idioma',
      description:
        'Opcional. Dónde seguir la sesión en cada idioma: el canal de interpretación de Zoom o una transmisión aparte. Solo en sesiones públicas: en las de participantes inscritos los canales se envían por correo.',
      type: 'array',
      of: [defineArrayMember({ type: 'languageChannel' })],
      validation: (rule) => [rule.custom(channelsRule('error')), rule.custom(channelsRule('warning')).warning()],
    }),
    defineField({
      name: 'participants',
      title: 'Participantes',
      description:
        'Quién interviene y con qué papel, en el orden del programa. Si alguien aún no está confirmado, usa un marcador (por ejemplo «Institución rectora de cooperación 1»).',
      type: 'array',
      of: [defineArrayMember({ type: 'sessionParticipant' })],
    }),
    defineField({
      name: 'links',
      title: 'Enlaces',
      description:
        'Enlaces de la sesión: para unirse, transmisión, materiales (las grabaciones van en «Grabaciones»). Las sesiones solo para participantes no pueden llevar enlaces para unirse ni de transmisión: los inscritos los reciben por correo.',
      type: 'array',
      of: [defineArrayMember({ type: 'link' })],
      validation: (rule) => [
        rule.custom(dayLinksRule),
        rule.custom((links, context) => {
          const access = (context.document as { access?: unknown } | undefined)?.access === 'participants' ? 'participants' : 'public';
          const items = (Array.isArray(links) ? links : []) as { kind?: unknown; url?: unknown }[];
          const issues = checkSessionLinks(
            access,
            items.map((item) => ({ kind: typeof item.kind === 'string' ? item.kind : '', url: typeof item.url === 'string' ? item.url : '' })),
          );
          // Unsafe addresses are reported by each link's own `url` field (the same `link` type serves
          // the event), so only the access rule is taken from here, on the link's type.
          return toValidationResult(
            issues.filter((issue) => !issue.path.endsWith('.url')),
            'error',
            links,
            'links',
          );
        }),
      ],
    }),
    // Issue #20: what the session leaves behind, shown on its page, in schedule.json and the calendars.
    defineField({
      name: 'materials',
      title: 'Materiales',
      description: 'Presentaciones y documentos de la sesión: sube cada archivo o escribe la dirección donde está publicado.',
      type: 'array',
      of: [defineArrayMember({ type: 'sessionMaterial' })],
    }),
    // Recordings, Q&A and feedback (issue #20): what a session offers around and after its time.
    ...followUpFields,
  ],
  orderings: [
    {
      title: 'Día y hora',
      name: 'agenda',
      by: [
        { field: 'date', direction: 'asc' },
        { field: 'start', direction: 'asc' },
        { field: 'order', direction: 'asc' },
      ],
    },
  ],
  preview: {
    select: { title: 'title.es', date: 'date', start: 'start', end: 'end', timeZone: 'timeZone', endsNextDay: 'endsNextDay', kind: 'kind' },
    prepare: ({
      title,
      date,
      start,
      end,
      timeZone,
      endsNextDay,
      kind,
    }: {
      title?: string;
      date?: string;
      start?: string;
      end?: string;
      timeZone?: string;
      endsNextDay?: boolean;
      kind?: string;
    }) => ({
      title: title || 'Sesión sin título',
      subtitle: [sessionWhen({ date, start, end, timeZone, endsNextDay: endsNextDay === true }), sessionKindTitle(kind)].filter(Boolean).join(' · '),
    }),
  },
});
