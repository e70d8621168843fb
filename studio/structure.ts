/**
 * The Studio's content tree: the singletons first (event, concept note, report, products), opened directly; then sessions grouped by
 * day of the event in time order; then speakers and institutions.
 */

import { BookIcon } from '@sanity/icons/Book';
import { CalendarIcon } from '@sanity/icons/Calendar';
import { CaseIcon } from '@sanity/icons/Case';
import { CommentIcon } from '@sanity/icons/Comment';
import { DocumentTextIcon } from '@sanity/icons/DocumentText';
import { PackageIcon } from '@sanity/icons/Package';
import { PresentationIcon } from '@sanity/icons/Presentation';
import { TranslateIcon } from '@sanity/icons/Translate';
import { UserIcon } from '@sanity/icons/User';
import { WarningOutlineIcon } from '@sanity/icons/WarningOutline';
import type { Template } from 'sanity';
import type { ListItemBuilder, StructureBuilder, StructureResolver } from 'sanity/structure';
import { eventDaysQuery, pendingTranslationsListFilter } from '../content-models/queries';
import { STUDIO_API_VERSION } from '../content-models/schema';

/** Agenda order: by day, then start time (`HH:mm` sorts as text), then the organisers' order. */
const agendaOrdering = [
  { field: 'date', direction: 'asc' as const },
  { field: 'start', direction: 'asc' as const },
  { field: 'order', direction: 'asc' as const },
];

/**
 * "New session" inside a day's list: the session starts with that day's date and access, so the
 * editor only types the title and times. Registered in sanity.config.ts; it needs its parameters,
 * so it is kept out of the global "new document" menu.
 */
export const sessionOnDayTemplate: Template<{ date: string; access?: string }> = {
  id: 'session-on-day',
  title: 'Sesión de este día',
  schemaType: 'session',
  parameters: [
    { name: 'date', type: 'string' },
    { name: 'access', type: 'string' },
  ],
  value: ({ date, access }: { date: string; access?: string }) => ({ date, ...(access ? { access } : {}) }),
};

export interface EventDayRow {
  date: string;
  title: string | null;
  access: string | null;
}

const dayFormat = new Intl.DateTimeFormat('es', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/**
 * "Lunes 26 de octubre · Día 1": the calendar date as the programme writes it, without the comma
 * `Intl` puts after the weekday (read at noon UTC, it is the same calendar day everywhere).
 * @example dayTitle({ date: '2020-10-26', title: 'Abierto al público', access: 'public' }) // 'Lunes 26 de octubre · Abierto al público'
 */
export function dayTitle(day: EventDayRow): string {
  const parts = dayFormat.formatToParts(new Date(`${day.date}T12:00:00Z`));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = part('weekday');
  const date = `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)} ${part('day')} de ${part('month')}`;
  return day.title ? `${date} · ${day.title}` : date;
}

function sessionsOfDay(S: StructureBuilder, day: EventDayRow): ListItemBuilder {
  const title = dayTitle(day);
  return S.listItem()
    .id(`dia-${day.date}`)
    .title(title)
    .icon(CalendarIcon)
    .child(
      S.documentList()
        .id(`sesiones-${day.date}`)
        .title(title)
        .schemaType('session')
        .apiVersion(STUDIO_API_VERSION)
        .filter('_type == "session" && date == $date')
        .params({ date: day.date })
        .defaultOrdering(agendaOrdering.slice(1))
        // Sanity lets only the first two panes take a "create" intent by default; this list is the
        // third, so without this the new session would open under «Todas las sesiones» instead.
        .canHandleIntent(canCreateSessionOfDay)
        // Last in the chain: each later builder call re-infers the templates from the schema type
        // (Sanity 6.16's DocumentListBuilder.clone), so the «+» became a plain «Sesión» with no day.
        .initialValueTemplates([
          S.initialValueTemplateItem(sessionOnDayTemplate.id, { date: day.date, ...(day.access ? { access: day.access } : {}) }).title('Sesión de este día'),
        ]),
    );
}

/**
 * Whether a day's list opens the document of a "create" intent beside itself: only its own
 * «Sesión de este día» template.
 */
export function canCreateSessionOfDay(intent: string, params: { template?: string; type?: string }): boolean {
  return intent === 'create' && params.type === 'session' && params.template === sessionOnDayTemplate.id;
}

function sessionsByDay(S: StructureBuilder, days: EventDayRow[]) {
  const dates = days.map((day) => day.date);
  return S.list()
    .id('sesiones')
    .title('Sesiones')
    .items([
      ...days.map((day) => sessionsOfDay(S, day)),
      S.divider(),
      S.listItem()
        .id('sesiones-fuera-del-evento')
        .title('Sesiones con fecha fuera del evento')
        .icon(WarningOutlineIcon)
        .child(
          S.documentList()
            .id('sesiones-fuera-del-evento')
            .title('Sesiones con fecha fuera del evento')
            .schemaType('session')
            .apiVersion(STUDIO_API_VERSION)
            .filter('_type == "session" && !(date in $dates)')
            .params({ dates })
            .defaultOrdering(agendaOrdering),
        ),
      S.listItem()
        .id('todas-las-sesiones')
        .title('Todas las sesiones')
        .icon(PresentationIcon)
        .child(S.documentTypeList('session').title('Todas las sesiones').defaultOrdering(agendaOrdering)),
    ]);
}

export const structure: StructureResolver = (S, context) =>
  S.list()
    .title('Contenido')
    .items([
      S.listItem().id('event').title('Evento').icon(CalendarIcon).child(S.document().schemaType('event').documentId('event').title('Evento')),
      S.listItem()
        .id('conceptNote')
        .title('Nota conceptual')
        .icon(DocumentTextIcon)
        .child(S.document().schemaType('conceptNote').documentId('conceptNote').title('Nota conceptual')),
      // Issue #20: what the event leaves behind, singletons opened directly like the concept note.
      S.listItem().id('report').title('Relatoría').icon(BookIcon).child(S.document().schemaType('report').documentId('report').title('Relatoría')),
      S.listItem()
        .id('workshopProducts')
        .title('Productos del taller')
        .icon(PackageIcon)
        .child(S.document().schemaType('workshopProducts').documentId('workshopProducts').title('Productos del taller')),
      S.divider(),
      S.listItem()
        .id('sesiones')
        .title('Sesiones por día')
        .icon(PresentationIcon)
        .child(async () => {
          let days: EventDayRow[] = [];
          try {
            days =
              (await context.getClient({ apiVersion: STUDIO_API_VERSION }).withConfig({ perspective: 'raw' }).fetch<EventDayRow[] | null>(eventDaysQuery)) ??
              [];
          } catch {
            // Without the event's days the list still offers every session.
          }
          return sessionsByDay(
            S,
            [...days].sort((a, b) => a.date.localeCompare(b.date)),
          );
        }),
      S.documentTypeListItem('speaker').title('Ponentes').icon(UserIcon),
      S.documentTypeListItem('institution').title('Instituciones').icon(CaseIcon),
      S.documentTypeListItem('asyncActivity').title('Actividades asíncronas').icon(CommentIcon),
      S.divider(),
      S.listItem()
        .id('traducciones-pendientes')
        .title('Traducciones pendientes')
        .icon(TranslateIcon)
        .child(
          S.documentList()
            .id('traducciones-pendientes')
            .title('Traducciones pendientes')
            .apiVersion(STUDIO_API_VERSION)
            .filter(pendingTranslationsListFilter)
            .defaultOrdering([{ field: '_type', direction: 'asc' }]),
        ),
    ]);
