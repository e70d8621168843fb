import { siteQuery } from '../../../content-models/queries';
import { FALLBACK_EVENT_TIME_ZONE } from '../../../content-models/schema/lib/constants';
import { isValidTimeZone, resolveWallClock } from '../../../content-models/time';
import {
  checkEventDays,
  checkParticipant,
  checkSectionAnchors,
  checkSessionLanguages,
  checkSessionLinks,
  checkSessionSchedule,
  checkSessionTiming,
  isSafeHref,
  type SessionTiming,
  unsafeHrefMessage,
} from '../../../content-models/validation';
import { type Photo, usablePhoto } from '../photos';
import type { Lang } from '../routes';
import { type ContentProblem, ContentValidationError } from './problems';
import {
  type Localised,
  type LocalisedBlocks,
  type ParticipantRole,
  type RawConceptNote,
  type RawEvent,
  type RawInstitution,
  type RawLink,
  type RawSession,
  type RawSpeaker,
  rawConceptNote,
  rawEvent,
  rawSession,
  rawSpeaker,
} from './result-schema';
import { type ContentSource, ContentSourceError, sourceFromEnv } from './source';

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
  /** The organisers' "how to join" text for the day, when they wrote one. */
  joinInfo: Localised | null;
  sessions: Session[];
  startsAt: Date | null;
  endsAt: Date | null;
}

export interface SpeakerSession {
  session: Session;
  roles: ParticipantRole[];
  topics: Localised[];
}

export interface Speaker extends Omit<RawSpeaker, 'photo'> {
  photo: Photo | null;
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
  /** True in the draft preview (`npm run preview:drafts`): the content includes unpublished drafts. */
  preview: boolean;
}

/**
 * One cache per process, kept on `globalThis`: Astro may bundle this module into more than one
 * chunk (pages and feeds), and each copy must still share the same loads, or the build would query
 * the Content Lake once per copy. Keyed by source object, so tests with their own sources never
 * see each other's results.
 */
interface LoadRegistry {
  defaultSources: Map<string, ContentSource>;
  loads: WeakMap<ContentSource, Map<Lang, Promise<Site>>>;
}
const registryKey = Symbol.for('seminario-taller-css.content.load');
const registry: LoadRegistry = ((globalThis as Record<symbol, unknown>)[registryKey] as LoadRegistry | undefined) ?? {
  defaultSources: new Map(),
  loads: new WeakMap(),
};
(globalThis as Record<symbol, unknown>)[registryKey] = registry;

/** Settings that choose the default source; the same settings give the same source object. */
export const SOURCE_SETTINGS = [
  'SANITY_PROJECT_ID',
  'SANITY_DATASET',
  'SANITY_API_VERSION',
  'SANITY_API_READ_TOKEN',
  'SANITY_API_HOST',
  'SANITY_FETCH_DEADLINE_MS',
  'SANITY_FETCH_TIMEOUT_MS',
  'CONTENT_DATASET_FILE',
  'CONTENT_PERSPECTIVE',
] as const;

/** The source the environment configures, created once per process and set of settings. */
export function defaultSource(env: Record<string, string | undefined> = process.env): ContentSource {
  const key = SOURCE_SETTINGS.map((name) => env[name] ?? '').join('\u0000');
  let source = registry.defaultSources.get(key);
  if (!source) {
    source = sourceFromEnv(env);
    registry.defaultSources.set(key, source);
  }
  return source;
}

/**
 * How long the draft preview reuses a load: enough for the pages and routes of one request, short
 * enough that reloading the page after an edit in the Studio shows the edit.
 */
export const PREVIEW_REUSE_MS = 1_000;

/**
 * The whole site in one language: one query per language per build, validated and derived once.
 * Every page calls this; the promise is shared, so pages never refetch. A failed load stays
 * failed for the process on purpose: every page of the build fails with the same report at once,
 * instead of each retrying the Content Lake until its own deadline.
 *
 * The draft preview (a source with the `drafts` perspective) is a long-running dev server instead:
 * there a load is forgotten PREVIEW_REUSE_MS after it arrives, and a failed one at once, so that
 * the next page request shows the drafts as they are now.
 */
export function loadSite(lang: Lang, source: ContentSource = defaultSource()): Promise<Site> {
  let loads = registry.loads.get(source);
  if (!loads) {
    loads = new Map();
    registry.loads.set(source, loads);
  }
  let site = loads.get(lang);
  if (!site) {
    const preview = source.perspective === 'drafts';
    const current = source
      .fetch<unknown>(siteQuery, { lang })
      .then((result) => buildSite(result, lang, source.description, { preview, assetDir: source.assetDir }));
    loads.set(lang, current);
    if (preview) {
      const forget = () => {
        if (loads.get(lang) === current) loads.delete(lang);
      };
      current.then(() => setTimeout(forget, PREVIEW_REUSE_MS).unref(), forget);
    }
    site = current;
  }
  return site;
}

export interface BuildSiteOptions {
  /** Studio origin for edit links in error reports; default `SANITY_STUDIO_URL`. */
  studioUrl?: string | undefined;
  /** Where non-blocking notes go; default console.warn, for the Spanish load only (once per build). */
  warn?: (message: string) => void;
  /** The content includes drafts (the preview): pages then say so. Default false. */
  preview?: boolean;
  /** Folder that an exported dataset's local asset files are relative to (see ContentSource). */
  assetDir?: string | undefined;
}

/**
 * Validates a query result and derives what pages need. Every problem in the content is collected
 * and reported at once, each with its document, field and fix, so editors fix them in one round;
 * optional content that is missing or unusable (a photo, a biography) only degrades the page.
 */
export function buildSite(result: unknown, lang: Lang, sourceDescription: string, options: BuildSiteOptions = {}): Site {
  const studioUrl = 'studioUrl' in options ? options.studioUrl : process.env.SANITY_STUDIO_URL?.trim() || undefined;
  const warn = options.warn ?? ((message: string) => (lang === 'es' ? console.warn(`[content] ${message}`) : undefined));
  if (!result || typeof result !== 'object' || Array.isArray(result)) {
    throw new ContentSourceError(
      `${sourceDescription} answered the site query with ${describeValue(result)} instead of an object with event, sessions, speakers and conceptNote. ` +
        'The source is not a Sanity query API for this dataset, or the query and the source disagree; nothing was built.',
    );
  }
  const top = result as { event?: unknown; sessions?: unknown; speakers?: unknown; conceptNote?: unknown };
  const problems = new ProblemList();

  // The event: everything else is placed in its days and zones, but its absence must not hide the
  // other documents' problems, so they are still checked against the default reference zone.
  const eventParsed = top.event == null ? null : rawEvent.safeParse(top.event);
  let event: RawEvent | null = null;
  if (!eventParsed) {
    problems.add(
      {
        documentId: 'event',
        documentType: 'event',
        field: '(document)',
        message: 'falta el documento del evento (tipo "event", id "event"): créalo y publícalo en el Studio',
      },
      'shape',
    );
  } else if (!eventParsed.success) {
    for (const issue of eventParsed.error.issues) {
      problems.add({ documentId: idOf(top.event) ?? 'event', documentType: 'event', field: fieldPath(issue.path), message: issue.message }, 'shape');
    }
  } else {
    event = eventParsed.data;
  }
  const referenceZone = event && isValidTimeZone(event.timeZone) ? event.timeZone : FALLBACK_EVENT_TIME_ZONE;
  if (event) checkEvent(event, problems);

  const sessionItems = listOf(top.sessions, 'sessions', problems);
  const speakerItems = listOf(top.speakers, 'speakers', problems);
  const sessions = parseEach(sessionItems, rawSession, 'session', problems);
  const speakers = parseEach(speakerItems, rawSpeaker, 'speaker', problems);

  let conceptNote: RawConceptNote | null = null;
  if (top.conceptNote == null) {
    problems.add(
      {
        documentId: 'conceptNote',
        documentType: 'conceptNote',
        field: '(document)',
        message: 'falta el documento de la nota conceptual (tipo "conceptNote"): créalo y publícalo en el Studio',
      },
      'shape',
    );
  } else {
    const parsed = rawConceptNote.safeParse(top.conceptNote);
    if (parsed.success) conceptNote = parsed.data;
    else {
      for (const issue of parsed.error.issues) {
        problems.add(
          { documentId: idOf(top.conceptNote) ?? 'conceptNote', documentType: 'conceptNote', field: fieldPath(issue.path), message: issue.message },
          'shape',
        );
      }
    }
    const sections = (top.conceptNote as { sections?: unknown }).sections;
    if (Array.isArray(sections)) {
      for (const issue of checkSectionAnchors(sections as { anchor?: string | null }[])) {
        if (issue.level === 'error')
          problems.add({ documentId: idOf(top.conceptNote) ?? 'conceptNote', documentType: 'conceptNote', field: issue.path, message: issue.message });
      }
    }
  }

  // The shared rules run on every session document, parsed or not, so a session with a missing
  // title still has its times and links checked in the same report.
  const eventDates = new Set(event?.days.map((d) => d.date) ?? []);
  const schedule: SessionTiming[] = [];
  for (const item of sessionItems) {
    const s = ruleView(item);
    const at = { documentId: s._id, documentType: 'session', label: s.title || undefined };
    const timing = { ...s, timeZone: s.timeZone || referenceZone };
    for (const issue of checkSessionTiming(timing, referenceZone)) {
      if (issue.level === 'error') problems.add({ ...at, field: issue.path, message: issue.message });
    }
    if (event && typeof s.date === 'string' && s.date && !eventDates.has(s.date)) {
      problems.add({
        ...at,
        field: 'date',
        message: `${s.date} no es un día del evento (${[...eventDates].join(', ')}): elige uno de esos días o añade el día en «Evento → Días»`,
      });
    }
    if (s.access === 'public' || s.access === 'participants') {
      for (const issue of checkSessionLinks(s.access, s.links)) {
        if (issue.level === 'error') problems.add({ ...at, field: issue.path, message: issue.message });
      }
    }
    for (const issue of checkSessionLanguages(s.language, s.languageSupport)) {
      if (issue.level === 'error') problems.add({ ...at, field: issue.path, message: issue.message });
    }
    for (const [i, p] of s.participants.entries()) {
      const field = `participants[${i}]`;
      for (const issue of checkParticipant(p)) {
        if (issue.level === 'error') problems.add({ ...at, field: `${field}.${issue.path}`, message: issue.message });
      }
      if (p.speakerRef && !p.speakerFound) {
        problems.add({ ...at, field: `${field}.speaker`, message: `la referencia apunta a "${p.speakerRef}", que no existe o no está publicado` });
      }
    }
    if (checkSessionTiming(timing, referenceZone).every((issue) => issue.level !== 'error')) schedule.push(timing);
  }
  // Sessions can only overlap or contradict the agenda order near their own date (a day either
  // side covers any zone difference), so each is compared with those, not the whole programme:
  // comparing with everything made large programmes build in quadratic time.
  const byDate = Map.groupBy(schedule, (s) => s.date);
  const near = (date: string) => [-1, 0, 1].flatMap((shift) => byDate.get(shiftDate(date, shift)) ?? []);
  for (const s of schedule) {
    for (const issue of checkSessionSchedule(s, near(s.date), referenceZone)) {
      if (issue.level === 'error')
        problems.add({ documentId: s._id, documentType: 'session', label: s.title || undefined, field: issue.path, message: issue.message });
    }
  }

  requireUnique(sessions, (s) => s.slug, 'session', problems);
  requireUnique(speakers, (s) => s.slug, 'speaker', problems);
  for (const speaker of speakers) {
    const at = { documentId: speaker._id, documentType: 'speaker', label: speaker.name };
    if (speaker.institutionRef && !speaker.institution) {
      problems.add({ ...at, field: 'institution', message: `la referencia apunta a "${speaker.institutionRef}", que no existe o no está publicada` });
    }
    if (speaker.country && !/^[A-Z]{2}$/.test(speaker.country)) {
      problems.add({ ...at, field: 'country', message: `"${speaker.country}" no es un código de país ISO de dos letras (p. ej. GT)` });
    }
  }

  if (problems.size > 0 || !event || !conceptNote) throw new ContentValidationError(problems.list(), sourceDescription, studioUrl);

  reportDroppedLinks(sessions, speakers, conceptNote, warn);
  const timed: Session[] = sessions.map((raw) => {
    const timeZone = raw.timeZone || event.timeZone;
    // Validation above guarantees both resolve.
    const start = resolveWallClock(raw.date, raw.start, timeZone);
    const end = resolveWallClock(raw.date, raw.end, timeZone);
    if (!start.ok || !end.ok) throw new Error(`unreachable: ${raw._id} passed validation with unresolvable times`);
    return { ...raw, timeZone, order: raw.order ?? 0, startsAt: start.instant, endsAt: end.instant, concurrentWith: [], links: raw.links };
  });

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
        joinInfo: d.joinInfo,
        sessions: daySessions,
        startsAt: daySessions[0]?.startsAt ?? null,
        endsAt: daySessions.length ? new Date(Math.max(...daySessions.map((s) => s.endsAt.getTime()))) : null,
      };
    });

  const withSessions: Speaker[] = speakers.map((raw) => {
    const speaker = { ...raw, photo: photoOf(raw, options.assetDir, warn) };
    return {
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
    };
  });

  const institutions = new Map<string, RawInstitution>();
  for (const i of [event.organizer, ...speakers.map((s) => s.institution)]) if (i) institutions.set(i._id, i);

  return {
    lang,
    event,
    days,
    sessions: sorted,
    speakers: withSessions,
    institutions: [...institutions.values()],
    conceptNote,
    preview: options.preview ?? false,
  };
}

/**
 * Problems in the order found. A field that a shared rule explains is not explained twice: the
 * rule's message (written for editors, with the fix) replaces the bare shape message.
 */
class ProblemList {
  private items: { problem: ContentProblem; from: 'shape' | 'rule' }[] = [];
  add(problem: ContentProblem, from: 'shape' | 'rule' = 'rule') {
    this.items.push({ problem, from });
  }
  /** The problems grouped by document, documents in the order first met. */
  list(): ContentProblem[] {
    const doc = (p: ContentProblem) => `${p.documentType}\u0000${p.documentId}`;
    const key = (p: ContentProblem) => `${doc(p)}\u0000${p.field}`;
    const explained = new Set(this.items.filter((i) => i.from === 'rule').map((i) => key(i.problem)));
    const groups = new Map<string, ContentProblem[]>();
    const seen = new Set<string>();
    for (const { problem, from } of this.items) {
      if (from === 'shape' && explained.has(key(problem))) continue;
      const id = `${key(problem)}\u0000${problem.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const group = groups.get(doc(problem)) ?? [];
      group.push(problem);
      groups.set(doc(problem), group);
    }
    return [...groups.values()].flat();
  }
  get size(): number {
    return this.items.length;
  }
}

function checkEvent(event: RawEvent, problems: ProblemList) {
  const at = { documentId: event._id, documentType: 'event' };
  if (!isValidTimeZone(event.timeZone)) {
    problems.add({ ...at, field: 'timeZone', message: `"${event.timeZone}" no es una zona horaria IANA (p. ej. America/Guatemala)` });
  }
  for (const [i, zone] of event.secondaryTimeZones.entries()) {
    if (!isValidTimeZone(zone)) problems.add({ ...at, field: `secondaryTimeZones[${i}]`, message: `"${zone}" no es una zona horaria IANA` });
  }
  for (const issue of checkEventDays(event.days)) {
    if (issue.level === 'error') problems.add({ ...at, field: issue.path, message: issue.message });
  }
  for (const [i, link] of event.links.entries()) {
    if (!isSafeHref(link.url)) problems.add({ ...at, field: `links[${i}].url`, message: unsafeHrefMessage(link.url) });
  }
  if (event.organizerRef && !event.organizer) {
    problems.add({ ...at, field: 'organizer', message: `la referencia apunta a "${event.organizerRef}", que no existe o no está publicada` });
  }
}

/** What the shared rules read of a session, taken defensively from the unvalidated query result. */
function ruleView(item: unknown) {
  const v = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  const textOf = (x: unknown) => str((x as { text?: unknown } | null)?.text);
  return {
    _id: str(v._id) || '(sin _id)',
    title: textOf(v.title),
    date: str(v.date),
    start: str(v.start),
    end: str(v.end),
    timeZone: str(v.timeZone) || null,
    order: typeof v.order === 'number' ? v.order : null,
    access: v.access,
    language: v.language ?? null,
    languageSupport: (Array.isArray(v.languageSupport) ? v.languageSupport : []) as { kind?: unknown; language?: unknown }[],
    links: (Array.isArray(v.links) ? v.links : []).map((l) => ({
      kind: str((l as { kind?: unknown } | null)?.kind),
      url: str((l as { url?: unknown } | null)?.url),
    })),
    participants: (Array.isArray(v.participants) ? v.participants : []).map((raw) => {
      const p = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const speakerRef = str(p.speakerRef);
      return {
        speaker: speakerRef || undefined,
        speakerRef,
        speakerFound: !!p.speaker,
        placeholder: textOf(p.placeholder) ? { es: textOf(p.placeholder) } : null,
        role: str(p.role),
      };
    }),
  };
}

/** A speaker's photo when the page may show it; otherwise null, and the page shows initials. */
function photoOf(speaker: RawSpeaker, assetDir: string | undefined, warn: (message: string) => void): Photo | null {
  const { photo, problem } = usablePhoto(speaker.photo, assetDir);
  if (problem) warn(`speaker ${speaker._id} "${speaker.name}": ${problem}, so the page shows initials instead.`);
  return photo;
}

/** Links in Portable Text that the renderer will show as plain text: worth a note, not a failed build. */
function reportDroppedLinks(sessions: RawSession[], speakers: RawSpeaker[], conceptNote: RawConceptNote, warn: (message: string) => void) {
  const visit = (blocks: unknown[] | undefined, where: string) => {
    for (const block of blocks ?? []) {
      const defs = (block as { markDefs?: unknown }).markDefs;
      if (!Array.isArray(defs)) continue;
      for (const def of defs) {
        const href = (def as { _type?: unknown; href?: unknown } | null)?._type === 'link' ? (def as { href?: unknown }).href : undefined;
        if (href !== undefined && !(typeof href === 'string' && isSafeHref(href))) {
          warn(`${where}: the link ${JSON.stringify(String(href).slice(0, 80))} is not https: or mailto:, so it is shown as plain text.`);
        }
      }
    }
  };
  for (const s of sessions) visit(s.description?.blocks, `session ${s._id} · description`);
  for (const s of speakers) visit(s.bio?.blocks, `speaker ${s._id} · bio`);
  for (const [i, section] of conceptNote.sections.entries()) visit(section.body?.blocks, `conceptNote ${conceptNote._id} · sections[${i}].body`);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === 'undefined' ? 'nothing' : `a ${typeof value}`;
}

function listOf(value: unknown, name: string, problems: ProblemList): unknown[] {
  if (value == null) return [];
  if (Array.isArray(value)) return value;
  problems.add(
    { documentId: '(dataset)', documentType: 'dataset', field: name, message: `"${name}" debería ser una lista y es ${describeValue(value)}` },
    'shape',
  );
  return [];
}

/** `YYYY-MM-DD` moved by whole days (calendar arithmetic in UTC, where every day has 24 hours). */
function shiftDate(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? date : new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

function idOf(value: unknown): string | undefined {
  const id = (value as { _id?: unknown } | null)?._id;
  return typeof id === 'string' ? id : undefined;
}

function parseEach<T>(
  items: unknown[],
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  type: string,
  problems: ProblemList,
): T[] {
  const out: T[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      out.push(parsed.data);
      continue;
    }
    const label = labelOf(item);
    for (const issue of parsed.error.issues) {
      problems.add({ documentId: idOf(item) ?? '(sin _id)', documentType: type, label, field: fieldPath(issue.path), message: issue.message }, 'shape');
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

function requireUnique<T extends { _id: string; slug: string }>(items: T[], key: (item: T) => string, type: string, problems: ProblemList) {
  const seen = new Map<string, string>();
  for (const item of items) {
    const value = key(item);
    const first = seen.get(value);
    if (first)
      problems.add({
        documentId: item._id,
        documentType: type,
        label: labelOf(item),
        field: 'slug',
        message: `"${value}" ya lo usa ${first}; cada ${type === 'session' ? 'sesión' : 'ponente'} necesita un slug único`,
      });
    else seen.set(value, item._id);
  }
}
