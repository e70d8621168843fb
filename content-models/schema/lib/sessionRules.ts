/**
 * Runs the session rules of `content-models/validation/` once per document and version, with the
 * data they need from other documents (the event's zone and days, the sessions of the same date),
 * and hands each field validator the issues at its own path.
 */
import type { CustomValidatorResult, SanityClient, SanityDocument, ValidationContext } from 'sanity';
import { sessionRulesQuery } from '../../queries';
import { checkSessionSchedule } from '../../validation/sessionSchedule';
import { checkSessionDay, checkSessionTiming, type SessionTiming } from '../../validation/sessionTiming';
import type { RuleIssue, RuleLevel } from '../../validation/types';
import { FALLBACK_EVENT_TIME_ZONE, STUDIO_API_VERSION } from './constants';
import { messagesAt } from './issues';

interface SessionRulesData {
  eventTimeZone: string | null;
  eventDays: (string | null)[] | null;
  sessions: SessionTiming[] | null;
}

/** The session fields the rules read, as the Studio holds them. */
interface SessionDocument extends SanityDocument {
  title?: { es?: string };
  date?: string;
  start?: string;
  end?: string;
  timeZone?: string | null;
  order?: number | null;
  endsNextDay?: boolean | null;
}

/** Turns the document being edited into the rules' input. */
export function toSessionTiming(document: SessionDocument): SessionTiming {
  return {
    _id: document._id,
    title: typeof document.title?.es === 'string' ? document.title.es : '',
    date: typeof document.date === 'string' ? document.date : '',
    start: typeof document.start === 'string' ? document.start : '',
    end: typeof document.end === 'string' ? document.end : '',
    timeZone: document.timeZone ?? null,
    order: typeof document.order === 'number' ? document.order : null,
    endsNextDay: document.endsNextDay === true,
  };
}

async function fetchRulesData(client: SanityClient, date: string, signal?: AbortSignal): Promise<SessionRulesData> {
  return client.withConfig({ perspective: 'raw' }).fetch<SessionRulesData>(sessionRulesQuery, { date }, signal ? { signal } : {});
}

/** Every issue of one session. */
async function computeSessionIssues(document: SessionDocument, context: ValidationContext): Promise<RuleIssue[]> {
  const session = toSessionTiming(document);
  let data: SessionRulesData = { eventTimeZone: null, eventDays: null, sessions: null };
  try {
    data = await fetchRulesData(context.getClient({ apiVersion: STUDIO_API_VERSION }), session.date, context.signal);
  } catch (error) {
    // Without the Content Lake the session's own timing can still be checked against the usual
    // zone; the rules that compare it with other documents wait until the connection is back.
    if (context.signal?.aborted) throw error;
  }
  const eventTimeZone = data.eventTimeZone ?? FALLBACK_EVENT_TIME_ZONE;
  const eventDays = (data.eventDays ?? []).filter((day): day is string => typeof day === 'string');
  return [
    ...checkSessionTiming(session, eventTimeZone),
    ...checkSessionDay(session, eventDays, eventTimeZone),
    ...checkSessionSchedule(session, data.sessions ?? [], eventTimeZone),
  ];
}

// The date, start, end and time zone fields validate the same document version at about the same
// time, and share one computation: same document object, same validation run (the run's
// `getClient`), and only for a few seconds, so that a later run sees other sessions' changes.
const SHARE_FOR_MS = 5_000;
const cache = new WeakMap<object, { getClient: unknown; createdAt: number; issues: Promise<RuleIssue[]> }>();

/** The issues of the session being validated, computed once per document version and run. */
export function sessionIssues(context: ValidationContext): Promise<RuleIssue[]> {
  const document = context.document as SessionDocument | undefined;
  if (!document) return Promise.resolve([]);
  const cached = cache.get(document);
  if (cached && cached.getClient === context.getClient && Date.now() - cached.createdAt < SHARE_FOR_MS) return cached.issues;
  const issues = computeSessionIssues(document, context);
  cache.set(document, { getClient: context.getClient, createdAt: Date.now(), issues });
  issues.catch(() => cache.delete(document));
  return issues;
}

/**
 * A custom validator for one session field that reports the session issues at that field's path
 * and level. Declare it twice per field, plain for errors and with `.warning()` for warnings.
 * With `skipWhenEmpty`, an empty field is left to the field's `required()` rule, so editors do not
 * read the same complaint twice.
 */
export function sessionFieldRule(path: 'date' | 'start' | 'end' | 'endsNextDay' | 'timeZone', level: RuleLevel, { skipWhenEmpty = false } = {}) {
  return async (value: unknown, context: ValidationContext): Promise<CustomValidatorResult> => {
    if (skipWhenEmpty && (value === undefined || value === null || value === '')) return true;
    return messagesAt(await sessionIssues(context), path, level);
  };
}

/** The part of a field's rule builder that {@link requiredSessionField} uses (string and date rules alike). */
interface CheckedRule<R> {
  required(): R;
  custom(validator: ReturnType<typeof sessionFieldRule>): R;
}

/**
 * The validation of a session field that must be filled in and that the timing rules also read
 * (date, start, end): `required` while it is empty, then the rules' errors and their warnings at
 * this path, so the Studio shows each beside the field it concerns.
 */
export function requiredSessionField<R extends CheckedRule<R> & { error(message: string): R; warning(): R }>(path: 'date' | 'start' | 'end', required: string) {
  return (rule: R) => [
    rule.required().error(required),
    rule.custom(sessionFieldRule(path, 'error', { skipWhenEmpty: true })),
    rule.custom(sessionFieldRule(path, 'warning', { skipWhenEmpty: true })).warning(),
  ];
}
