import { CommentIcon } from '@sanity/icons/Comment';
import { type DateRule, defineField, defineType, type ValidationContext } from 'sanity';
import { eventDaysQuery } from '../../queries';
import { checkActivityDates, checkOptionalUrl } from '../../validation/results';
import { STUDIO_API_VERSION } from '../lib/constants';
import { dateField } from '../lib/fields';
import { messagesAt, toValidationResult } from '../lib/issues';
import { activityWhen } from '../lib/preview';

/** The event's dates, for the "after which day" rule; none (so no error) when they cannot be read. */
async function eventDates(context: ValidationContext): Promise<string[]> {
  try {
    const days = await context
      .getClient({ apiVersion: STUDIO_API_VERSION })
      .withConfig({ perspective: 'raw' })
      .fetch<{ date: string }[] | null>(eventDaysQuery);
    return (days ?? []).map((d) => d.date);
  } catch {
    return [];
  }
}

/** The rule of one date field, on the whole document (the end is checked against the start). */
const dateRule = (path: 'startDate' | 'endDate' | 'afterDay') => async (_value: unknown, context: ValidationContext) => {
  const doc = (context.document ?? {}) as { startDate?: string; endDate?: string; afterDay?: string };
  return messagesAt(checkActivityDates(doc, path === 'afterDay' ? await eventDates(context) : []), path, 'error');
};

/**
 * An asynchronous activity of the methodology (the feedback on the mapping, the virtual forum):
 * it has no hours, only optional opening and closing dates and a link, and the programme lists it
 * between the days it belongs to.
 */
export const asyncActivity = defineType({
  name: 'asyncActivity',
  title: 'Actividad asíncrona',
  type: 'document',
  icon: CommentIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Título',
      description:
        'Como la nombra la metodología de la nota conceptual, por ejemplo «Foro virtual sobre los retos de la coordinación interinstitucional en la CSS».',
      type: 'localeString',
      validation: (rule) => rule.required().error('Escribe el título de la actividad, al menos en español.'),
    }),
    defineField({ name: 'description', title: 'Descripción', description: 'Opcional. Qué se hace y cómo participar.', type: 'localeText' }),
    dateField({
      name: 'startDate',
      title: 'Se abre el',
      description: 'Opcional. El primer día de la actividad. Con fecha, el programa la pone tras el último día del evento anterior a ella.',
      validation: (rule: DateRule) => rule.custom(dateRule('startDate')),
    }),
    dateField({
      name: 'endDate',
      title: 'Se cierra el',
      description: 'Opcional. El último día de la actividad.',
      validation: (rule: DateRule) => rule.custom(dateRule('endDate')),
    }),
    defineField({
      name: 'afterDay',
      title: 'En el programa, después del día',
      description:
        'Opcional. El día del evento tras el cual se lista, si no tiene fecha (AAAA-MM-DD, por ejemplo 2020-10-28). Sin fecha ni día, va al final del programa.',
      type: 'string',
      placeholder: '2020-10-28',
      validation: (rule) => rule.custom(dateRule('afterDay')),
    }),
    defineField({
      name: 'url',
      title: 'Dirección',
      description: 'Opcional. Dónde se participa (la plataforma colaborativa, el foro): https://…',
      type: 'string',
      validation: (rule) => rule.custom<string>((url) => toValidationResult(checkOptionalUrl(url, ''), 'error', url)),
    }),
    defineField({
      name: 'order',
      title: 'Orden',
      description: 'El lugar de la actividad entre las demás del mismo hueco del programa (1, 2…).',
      type: 'number',
      validation: (rule) => rule.integer().min(1).error('El orden es un número entero a partir de 1.'),
    }),
  ],
  orderings: [{ title: 'Orden', name: 'order', by: [{ field: 'order', direction: 'asc' }] }],
  preview: {
    select: { title: 'title.es', startDate: 'startDate', endDate: 'endDate', afterDay: 'afterDay' },
    prepare: ({ title, startDate, endDate, afterDay }: { title?: string; startDate?: string; endDate?: string; afterDay?: string }) => ({
      title: title || 'Actividad asíncrona',
      subtitle: activityWhen({ startDate, endDate, afterDay }),
    }),
  },
});
