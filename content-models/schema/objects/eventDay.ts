import { CalendarIcon } from '@sanity/icons/Calendar';
import { defineField, defineType } from 'sanity';
import { choiceField, dateField } from '../lib/fields';
import { accessOptions, accessTitle } from '../lib/options';
import { dayLabel } from '../lib/preview';

/** One day of the event: its date, its name and who may attend. */
export const eventDay = defineType({
  name: 'eventDay',
  title: 'Día del evento',
  type: 'object',
  icon: CalendarIcon,
  fields: [
    dateField({
      name: 'date',
      title: 'Fecha',
      description: 'El día, en el calendario de Guatemala (la zona del evento). Las sesiones deben llevar una de estas fechas.',
      validation: (rule) => rule.required().error('Elige la fecha de este día del evento.'),
    }),
    defineField({
      name: 'title',
      title: 'Nombre del día',
      description: 'Cómo se presenta el día en el programa, por ejemplo «Día 1: Jornada abierta».',
      type: 'localeString',
      validation: (rule) => rule.required().error('Escribe el nombre del día, al menos en español.'),
    }),
    choiceField({
      name: 'access',
      title: 'Acceso',
      description: 'Quién puede asistir ese día. Las sesiones de un día solo para participantes no pueden llevar enlaces para unirse.',
      list: accessOptions,
      radio: true,
      required: 'Elige si el día es abierto al público o solo para participantes inscritos.',
    }),
    defineField({
      name: 'joinInfo',
      title: 'Cómo participar',
      description:
        'Opcional. Lo que lee el público de este día cuando aún no hay enlace para inscribirse o unirse, por ejemplo «El enlace de inscripción se publicará aquí el 20 de octubre». Si lo dejas vacío, el sitio dice que el enlace se publicará aquí (días abiertos) o que las personas inscritas lo reciben por correo (días solo para participantes).',
      type: 'localeText',
    }),
  ],
  preview: {
    select: { date: 'date', title: 'title.es', access: 'access' },
    prepare: ({ date, title, access }: { date?: string; title?: string; access?: string }) => ({
      title: title || 'Día sin nombre',
      subtitle: [dayLabel(date), accessTitle(access)].filter(Boolean).join(' · '),
    }),
  },
});
