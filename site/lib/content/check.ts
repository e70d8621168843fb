/**
 * Checks a query result before anything is derived or rendered. Every problem in the content is
 * collected and reported at once, each with its document, field and fix, so editors fix them in
 * one round. The rules are the Studio's own (content-models/validation): whatever the build refuses
 * is an error in the Studio too (tests/unit/contract.test.ts). What only the build checks is what
 * the Studio cannot produce but an export edited by hand can: a wrong shape, a reference to a
 * missing document, a repeated slug (the Studio's slug field refuses those itself).
 */
import { type RawEvent, rawConceptNote, rawEvent, rawSession, rawSpeaker } from '../../../content-models/result';
import { FALLBACK_EVENT_TIME_ZONE } from '../../../content-models/schema/lib/constants';
import { isValidTimeZone } from '../../../content-models/time';
import {
  checkCountryCode,
  checkDayLinks,
  checkEventDays,
  checkEventZones,
  checkParticipant,
  checkPrivateTextLinks,
  checkSectionAnchors,
  checkSessionChannels,
  checkSessionDay,
  checkSessionFollowUp,
  checkSessionLanguages,
  checkSessionLinks,
  checkSessionSchedule,
  checkSessionTiming,
  isSafeHref,
  LIVE_LINK_KINDS,
  mayShowLiveLinks,
  type RuleIssue,
  type SessionTiming,
  unsafeHrefMessage,
} from '../../../content-models/validation';
import { checkArchive } from './check-archive';
import type { CheckedContent } from './model';
import { describeValue, idOf, labelOf, ProblemList, parseEach, type SafeParser, shiftDate } from './problem-list';
import { type ContentProblem, ContentValidationError } from './problems';
import { ruleView } from './rule-view';
import { ContentSourceError } from './source';

/** Checks `result` and returns its documents, or throws one ContentValidationError listing every problem. */
export function checkContent(result: unknown, sourceDescription: string, studioUrl?: string, assetDir?: string): CheckedContent {
  if (!result || typeof result !== 'object' || Array.isArray(result)) {
    throw new ContentSourceError(
      `${sourceDescription} answered the site query with ${describeValue(result)} instead of an object with event, sessions, speakers and conceptNote. ` +
        'The source is not a Sanity query API for this dataset, or the query and the source disagree; nothing was built.',
    );
  }
  const top = result as {
    event?: unknown;
    sessions?: unknown;
    speakers?: unknown;
    conceptNote?: unknown;
    report?: unknown;
    products?: unknown;
    asyncActivities?: unknown;
  };
  const problems = new ProblemList();

  // Everything else is placed in the event's days and zones, but its absence must not hide the
  // other documents' problems, so they are still checked against the default reference zone.
  const event = parseSingleton(
    top.event,
    'event',
    rawEvent,
    'falta el documento del evento (tipo "event", id "event"): créalo y publícalo en el Studio',
    problems,
  );
  const referenceZone = event && isValidTimeZone(event.timeZone) ? event.timeZone : FALLBACK_EVENT_TIME_ZONE;
  if (event) checkEvent(event, problems);

  const sessionItems = listOf(top.sessions, 'sessions', problems);
  const sessions = parseEach(sessionItems, rawSession, 'session', problems);
  const speakers = parseEach(listOf(top.speakers, 'speakers', problems), rawSpeaker, 'speaker', problems);
  const conceptNote = parseSingleton(
    top.conceptNote,
    'conceptNote',
    rawConceptNote,
    'falta el documento de la nota conceptual (tipo "conceptNote"): créalo y publícalo en el Studio',
    problems,
  );
  const sections = (top.conceptNote as { sections?: unknown } | null)?.sections;
  if (Array.isArray(sections)) {
    problems.addIssues(
      { documentId: idOf(top.conceptNote) ?? 'conceptNote', documentType: 'conceptNote' },
      checkSectionAnchors(sections as { anchor?: string | null }[]),
    );
  }

  checkSessions(sessionItems, event, referenceZone, problems);
  requireUnique(sessions, 'session', problems);
  requireUnique(speakers, 'speaker', problems);
  for (const speaker of speakers) {
    const at = { documentId: speaker._id, documentType: 'speaker', label: speaker.name };
    if (speaker.institutionRef && !speaker.institution)
      problems.add({ ...at, field: 'institution', message: missingReference(speaker.institutionRef, 'publicada') });
    problems.addIssues(at, checkCountryCode(speaker.country));
  }

  // Issue #20: report, products, asynchronous activities and the files of materials.
  const archive = checkArchive(top, sessions, event, problems, assetDir);

  if (problems.size > 0 || !event || !conceptNote) throw new ContentValidationError(problems.list(), sourceDescription, studioUrl);
  return { event, sessions, speakers, conceptNote, ...archive };
}

function checkEvent(event: RawEvent, problems: ProblemList) {
  const at = { documentId: event._id, documentType: 'event' };
  problems.addIssues(at, checkEventZones(event));
  problems.addIssues(at, checkEventDays(event.days));
  for (const [i, link] of event.links.entries()) {
    if (!isSafeHref(link.url)) problems.add({ ...at, field: `links[${i}].url`, message: unsafeHrefMessage(link.url) });
  }
  if (event.accessibilityContact && !isSafeHref(event.accessibilityContact))
    problems.add({ ...at, field: 'accessibilityContact', message: unsafeHrefMessage(event.accessibilityContact) });
  if (event.organizerRef && !event.organizer) problems.add({ ...at, field: 'organizer', message: missingReference(event.organizerRef, 'publicada') });
}

/**
 * The shared rules run on every session document, parsed or not, so a session with a missing
 * title still has its times and links checked in the same report.
 */
function checkSessions(items: unknown[], event: RawEvent | null, referenceZone: string, problems: ProblemList) {
  const eventDates = event?.days.map((d) => d.date) ?? [];
  const schedule: SessionTiming[] = [];
  // Every join/stream address: in the text of a private session, a link to one is a way in.
  const liveUrls = [
    ...[...(event?.links ?? []), ...items.flatMap((item) => ruleView(item).links)].filter((l) => LIVE_LINK_KINDS.has(l.kind)).map((l) => l.url),
    // A language channel is a way in too (validation/channels.ts).
    ...items.flatMap((item) => ruleView(item).channels.map((c) => c.url)),
  ];
  for (const item of items) {
    const s = ruleView(item);
    const at = { documentId: s._id, documentType: 'session', label: s.title || undefined };
    const timing = { ...s, timeZone: s.timeZone || referenceZone };
    const timingIssues = checkSessionTiming(timing, referenceZone);
    problems.addIssues(at, timingIssues);
    if (event) problems.addIssues(at, checkSessionDay(timing, eventDates, referenceZone));
    if (s.access === 'public' || s.access === 'participants') problems.addIssues(at, checkSessionLinks(s.access, s.links));
    // The Studio's private-link rules (content-models/validation/privateLinks.ts).
    const day = event?.days.find((d) => d.date === s.date);
    problems.addIssues(at, checkDayLinks(s.access, day ? { date: day.date, access: day.access, title: day.title?.text ?? null } : undefined, s.links));
    problems.addIssues(at, checkPrivateTextLinks(mayShowLiveLinks(s.access, day?.access), { description: s.descriptionBlocks }, liveUrls));
    problems.addIssues(at, checkSessionLanguages(s.language, s.languageSupport));
    problems.addIssues(at, checkSessionChannels(s, day, s.channels));
    problems.addIssues(at, checkSessionFollowUp(s));
    for (const [i, p] of s.participants.entries()) {
      const field = `participants[${i}]`;
      problems.addIssues(at, prefixed(checkParticipant(p), field));
      if (p.speakerRef && !p.speakerFound) problems.add({ ...at, field: `${field}.speaker`, message: missingReference(p.speakerRef, 'publicado') });
    }
    if (timingIssues.every((issue) => issue.level !== 'error')) schedule.push(timing);
  }
  // Sessions can only overlap or contradict the agenda order near their own date (a day either
  // side covers any zone difference), so each is compared with those, not the whole programme:
  // comparing with everything made large programmes build in quadratic time.
  const byDate = Map.groupBy(schedule, (s) => s.date);
  const near = (date: string) => [-1, 0, 1].flatMap((shift) => byDate.get(shiftDate(date, shift)) ?? []);
  for (const s of schedule) {
    problems.addIssues({ documentId: s._id, documentType: 'session', label: s.title || undefined }, checkSessionSchedule(s, near(s.date), referenceZone));
  }
}

function prefixed(issues: RuleIssue[], field: string): RuleIssue[] {
  return issues.map((issue) => ({ ...issue, path: issue.path ? `${field}.${issue.path}` : field }));
}

function missingReference(ref: string, published: 'publicado' | 'publicada'): string {
  return `la referencia apunta a "${ref}", que no existe o no está ${published}`;
}

function parseSingleton<T>(value: unknown, type: 'event' | 'conceptNote', schema: SafeParser<T>, missing: string, problems: ProblemList): T | null {
  if (value == null) {
    problems.add({ documentId: type, documentType: type, field: '(document)', message: missing }, 'shape');
    return null;
  }
  const [parsed] = parseEach([value], schema, type, problems, type);
  return parsed ?? null;
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

function requireUnique(items: { _id: string; slug: string }[], type: 'session' | 'speaker', problems: ProblemList) {
  const seen = new Map<string, string>();
  for (const item of items) {
    const first = seen.get(item.slug);
    if (!first) {
      seen.set(item.slug, item._id);
      continue;
    }
    const problem: ContentProblem = {
      documentId: item._id,
      documentType: type,
      label: labelOf(item),
      field: 'slug',
      message: `"${item.slug}" ya lo usa ${first}; cada ${type === 'session' ? 'sesión' : 'ponente'} necesita un slug único`,
    };
    problems.add(problem);
  }
}
