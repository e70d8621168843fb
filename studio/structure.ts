/**
 * The Studio's content tree: the two singletons first, opened directly; then sessions grouped by
 * day of the event in time order; then speakers and institutions.
 */
import { CalendarIcon } from '@sanity/icons/Calendar';
import { CaseIcon } from '@sanity/icons/Case';
import { DocumentTextIcon } from '@sanity/icons/DocumentText';
import { PresentationIcon } from '@sanity/icons/Presentation';
import { UserIcon } from '@sanity/icons/User';
import { WarningOutlineIcon } from '@sanity/icons/WarningOutline';
import type { Template } from 'sanity';
import type { ListItemBuilder, StructureBuilder, StructureResolver } from 'sanity/structure';
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

interface EventDayRow {
  date: string;
  title: string | null;
  access: string | null;
}

/** The event's days, from the draft if there is one. */
const eventDaysQuery = /* groq */ `coalesce(*[_id == "drafts.event"][0].days, *[_id == "event"][0].days)[defined(date)]{
  date,
  "title": title.es,
  access
}`;

const dayFormat = new Intl.DateTimeFormat('es', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "Lunes 26 de octubre": the calendar date as written (read at noon UTC, it is the same day). */
function dayTitle(day: EventDayRow): string {
  const formatted = dayFormat.format(new Date(`${day.date}T12:00:00Z`));
  const date = `${formatted.charAt(0).toUpperCase()}${formatted.slice(1)}`;
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
        .initialValueTemplates([
          S.initialValueTemplateItem(sessionOnDayTemplate.id, { date: day.date, ...(day.access ? { access: day.access } : {}) }).title('Sesión de este día'),
        ]),
    );
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
    ]);
