import { siteQuery } from '../../../content-models/queries';
import { resolveWallClock, isValidTimeZone } from '../../../content-models/time';
import { checkParticipant, checkSessionLinks, checkSessionTiming, findOrderProblem, isSafeHref } from '../../../content-models/validation';
import type { Lang } from '../routes';
import { type ContentProblem, ContentValidationError } from './problems';
import {
  type LocalisedBlocks,
  type Localised,
  type ParticipantRole,
  type RawConceptNote,
  type RawEvent,
  type RawInstitution,
  type RawLink,
  type RawSession,
  type RawSpeaker,
  rawConceptNote,
  rawSession,
  rawSite,
  rawSpeaker,
} from './result-schema';
import { type ContentSource, sourceFromEnv } from './source';

export type { Localised, LocalisedBlocks, ParticipantRole };

export interface Session extends Omit<RawSession, 'timeZone' | 'order' | 'links'> {
  timeZone: string;
  order: number;
  startsAt: Date;
  endsAt: Date;
  /** Ids of the sessions of the same day whose time intersects this one's. */
  concurrentWith: string[];
  links: RawLink[];
}

export interface Day {
  date: string;
  access: 'public' | 'participants';
  title: Localised | null;
  sessions: Session[];
  startsAt: Date | null;
  endsAt: Date | null;
}

export interface SpeakerSession {
  session: Session;
  roles: ParticipantRole[];
  topics: Localised[];
}

export interface Speaker extends RawSpeaker {
  sessions: SpeakerSession[];
}

export interface Site {
  lang: Lang;
  event: RawEvent;
  days: Day[];
  sessions: Session[];
  speakers: Speaker[];
  institutions: RawInstitution[];
  conceptNote: RawConceptNote;
}

const cache = new Map<string, Promise<Site>>();
let defaultSource: ContentSource | undefined;

/**
 * The whole site in one language: one query per language per build, validated and derived once.
 * Every page calls this; the promise is shared, so pages never refetch.
 */
export function loadSite(lang: Lang, source?: ContentSource): Promise<Site> {
  const from = source ?? (defaultSource ??= sourceFromEnv(process.env));
  const key = `${from.description}\u0000${lang}`;
  let site = cache.get(key);
  if (!site) {
    site = from.fetch<unknown>(siteQuery, { lang }).then((result) => buildSite(result, lang, from.description));
    cache.set(key, site);
  }
  return site;
}

/** Validates a query result and derives what pages need; every problem is reported at once. */
export function buildSite(result: unknown, lang: Lang, sourceDescription: string): Site {
  const problems: ContentProblem[] = [];
  const studioUrl = process.env.SANITY_STUDIO_URL?.trim() || undefined;
  const fail = () => new ContentValidationError(problems, sourceDescription, studioUrl);

  const top = rawSite.safeParse(result);
  if (!top.success) {
    for (const issue of top.error.issues) {
      const [head, ...rest] = issue.path.map(String);
      problems.push({ documentId: head === 'event' ? 'event' : '(dataset)', documentType: head ?? 'dataset', field: rest.join('.') || '(document)', message: issue.message });
    }
    throw fail();
  }
  const event = top.data.event;
  if (!isValidTimeZone(event.timeZone)) {
    problems.push({ documentId: event._id, documentType: 'event', field: 'timeZone', message: `"${event.timeZone}" no es una zona horaria IANA (p. ej. America/Guatemala)` });
  }
  for (const [i, zone] of event.secondaryTimeZones.entries()) {
    if (!isValidTimeZone(zone)) {
      problems.push({ documentId: event._id, documentType: 'event', field: `secondaryTimeZones[${i}]`, message: `"${zone}" no es una zona horaria IANA` });
    }
  }
  checkLinks(event.links, problems, event._id, 'event', 'links');

  const sessions = parseEach(top.data.sessions, rawSession, 'session', problems);
  const speakers = parseEach(top.data.speakers, rawSpeaker, 'speaker', problems);
  const conceptNote = rawConceptNote.safeParse(top.data.conceptNote);
  if (!conceptNote.success) {
    const missing = top.data.conceptNote == null;
    for (const issue of missing ? [{ path: [], message: 'falta el documento de la nota conceptual (tipo "conceptNote")' }] : conceptNote.error.issues) {
      problems.push({ documentId: idOf(top.data.conceptNote) ?? 'conceptNote', documentType: 'conceptNote', field: issue.path.join('.') || '(document)', message: issue.message });
    }
  }

  requireUnique(sessions, (s) => s.slug, 'session', 'slug', problems);
  requireUnique(speakers, (s) => s.slug, 'speaker', 'slug', problems);

  const eventDates = new Set(event.days.map((d) => d.date));
  const timed: Session[] = [];
  for (const raw of sessions) {
    const timeZone = raw.timeZone || event.timeZone;
    const issues = checkSessionTiming({ ...raw, title: raw.title.text, timeZone }, event.timeZone);
    for (const issue of issues.filter((i) => i.level === 'error')) {
      problems.push({ documentId: raw._id, documentType: 'session', label: raw.title.text, field: issue.path, message: issue.message });
    }
    if (!eventDates.has(raw.date)) {
      problems.push({ documentId: raw._id, documentType: 'session', label: raw.title.text, field: 'date', message: `${raw.date} no es un día del evento (${[...eventDates].join(', ')})` });
    }
    for (const issue of checkSessionLinks(raw.access, raw.links)) {
      if (issue.level === 'error') problems.push({ documentId: raw._id, documentType: 'session', label: raw.title.text, field: issue.path, message: issue.message });
    }
    for (const [i, p] of raw.participants.entries()) {
      const field = `participants[${i}]`;
      for (const issue of checkParticipant({ speaker: p.speakerRef ?? undefined, placeholder: p.placeholder ? { es: p.placeholder.text } : null, role: p.role })) {
        if (issue.level === 'error') problems.push({ documentId: raw._id, documentType: 'session', label: raw.title.text, field: issue.path.startsWith('participants') ? issue.path : `${field}.${issue.path}`, message: issue.message });
      }
      if (p.speakerRef && !p.speaker) {
        problems.push({ documentId: raw._id, documentType: 'session', label: raw.title.text, field: `${field}.speaker`, message: `la referencia apunta a "${p.speakerRef}", que no existe o no está publicado` });
      }
    }
    const start = resolveWallClock(raw.date, raw.start, timeZone);
    const end = resolveWallClock(raw.date, raw.end, timeZone);
    if (start.ok && end.ok) {
      timed.push({ ...raw, timeZone, order: raw.order ?? 0, startsAt: start.instant, endsAt: end.instant, concurrentWith: [], links: raw.links });
    }
  }
  for (const speaker of speakers) {
    if (speaker.institutionRef && !speaker.institution) {
      problems.push({ documentId: speaker._id, documentType: 'speaker', label: speaker.name, field: 'institution', message: `la referencia apunta a "${speaker.institutionRef}", que no existe o no está publicada` });
    }
    if (speaker.country && !/^[A-Z]{2}$/.test(speaker.country)) {
      problems.push({ documentId: speaker._id, documentType: 'speaker', label: speaker.name, field: 'country', message: `"${speaker.country}" no es un código de país ISO de dos letras (p. ej. GT)` });
    }
  }
  if (event.organizerRef && !event.organizer) {
    problems.push({ documentId: event._id, documentType: 'event', field: 'organizer', message: `la referencia apunta a "${event.organizerRef}", que no existe o no está publicada` });
  }
  if (problems.length > 0 || !conceptNote.success) throw fail();

  for (const s of timed) {
    const other = findOrderProblem({ ...s, title: s.title.text }, timed.map((t) => ({ ...t, title: t.title.text })), event.timeZone);
    if (other && lang === 'es') {
      console.warn(`[content] session ${s._id} "${s.title.text}" starts before "${other.title}", which comes earlier in the agenda order; check its time and zone.`);
    }
  }

  const sorted = [...timed].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.order - b.order || a.endsAt.getTime() - b.endsAt.getTime());
  for (const s of sorted) {
    s.concurrentWith = sorted.filter((o) => o !== s && o.date === s.date && o.startsAt < s.endsAt && s.startsAt < o.endsAt).map((o) => o._id);
  }
  const days: Day[] = [...event.days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => {
      const daySessions = sorted.filter((s) => s.date === d.date);
      return {
        date: d.date,
        access: d.access,
        title: d.title,
        sessions: daySessions,
        startsAt: daySessions[0]?.startsAt ?? null,
        endsAt: daySessions.length ? new Date(Math.max(...daySessions.map((s) => s.endsAt.getTime()))) : null,
      };
    });

  const withSessions: Speaker[] = speakers.map((speaker) => ({
    ...speaker,
    sessions: sorted
      .filter((s) => s.participants.some((p) => p.speaker?._id === speaker._id))
      .map((session) => {
        const mine = session.participants.filter((p) => p.speaker?._id === speaker._id);
        return {
          session,
          roles: [...new Set(mine.map((p) => p.role))],
          topics: mine.flatMap((p) => (p.topic ? [p.topic] : [])),
        };
      }),
  }));

  const institutions = new Map<string, RawInstitution>();
  for (const i of [event.organizer, ...speakers.map((s) => s.institution)]) if (i) institutions.set(i._id, i);

  return { lang, event, days, sessions: sorted, speakers: withSessions, institutions: [...institutions.values()], conceptNote: conceptNote.data };
}

function idOf(value: unknown): string | undefined {
  const id = (value as { _id?: unknown } | null)?._id;
  return typeof id === 'string' ? id : undefined;
}

function parseEach<T>(items: unknown[], schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, type: string, problems: ContentProblem[]): T[] {
  const out: T[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      out.push(parsed.data);
      continue;
    }
    const label = labelOf(item);
    for (const issue of parsed.error.issues) {
      problems.push({ documentId: idOf(item) ?? '(sin _id)', documentType: type, label, field: fieldPath(issue.path), message: issue.message });
    }
  }
  return out;
}

/** `title.text` → `title`, `questions.2.text` → `questions[2]`: the field as the editor knows it. */
function fieldPath(path: PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (part === 'text' || part === 'lang' || part === 'blocks') continue;
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  }
  return out || '(document)';
}

function labelOf(item: unknown): string | undefined {
  const v = item as { title?: { text?: unknown }; name?: unknown } | null;
  const label = v?.title?.text ?? v?.name;
  return typeof label === 'string' ? label : undefined;
}

function checkLinks(links: RawLink[], problems: ContentProblem[], documentId: string, documentType: string, field: string) {
  for (const [i, link] of links.entries()) {
    if (!isSafeHref(link.url)) {
      problems.push({ documentId, documentType, field: `${field}[${i}].url`, message: `"${link.url}" no es un enlace https: o mailto: válido` });
    }
  }
}

function requireUnique<T extends { _id: string }>(items: T[], key: (item: T) => string, type: string, field: string, problems: ContentProblem[]) {
  const seen = new Map<string, string>();
  for (const item of items) {
    const value = key(item);
    const first = seen.get(value);
    if (first) problems.push({ documentId: item._id, documentType: type, field, message: `"${value}" ya lo usa ${first}; cada ${type} necesita un slug único` });
    else seen.set(value, item._id);
  }
}
