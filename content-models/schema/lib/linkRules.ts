/**
 * The Studio side of the private-link rules (content-models/validation/privateLinks.ts): it reads
 * the session's day and the event's and sessions' live addresses from the Content Lake, then runs
 * the same pure rules the build runs.
 */
import type { CustomValidatorResult, ValidationContext } from 'sanity';
import { sessionLinkRulesQuery } from '../../queries';
import { checkSessionChannels } from '../../validation/channels';
import { checkDayLinks, checkPrivateTextLinks, mayShowLiveLinks } from '../../validation/privateLinks';
import type { RuleLevel } from '../../validation/types';
import { STUDIO_API_VERSION } from './constants';
import { toValidationResult } from './issues';

interface LinkRulesData {
  day: { date: string; access?: string | null; title?: string | null } | null;
  eventUrls: (string | null)[] | null;
  sessionUrls: ((string | null)[] | null)[] | null;
}

interface SessionLike {
  _id?: string;
  date?: string;
  access?: string;
  language?: string;
  languageSupport?: { kind?: unknown; language?: unknown }[];
  links?: { kind?: string; url?: string }[];
}

async function linkRulesData(context: ValidationContext): Promise<LinkRulesData> {
  const date = (context.document as SessionLike | undefined)?.date;
  const none = { day: null, eventUrls: null, sessionUrls: null };
  if (!date) return none;
  try {
    return await context
      .getClient({ apiVersion: STUDIO_API_VERSION })
      .withConfig({ perspective: 'raw' })
      .fetch<LinkRulesData>(sessionLinkRulesQuery, { date }, context.signal ? { signal: context.signal } : {});
  } catch (error) {
    // Offline, the meeting-service part of the text rule still runs; the day's access waits.
    if (context.signal?.aborted) throw error;
    return none;
  }
}

/** The session `links` field: no join or stream link on a participants-only day. */
export async function dayLinksRule(links: unknown, context: ValidationContext): Promise<CustomValidatorResult> {
  const session = (context.document ?? {}) as SessionLike;
  const { day } = await linkRulesData(context);
  const items = (Array.isArray(links) ? links : []) as { kind?: unknown }[];
  return toValidationResult(checkDayLinks(session.access, day ?? undefined, items), 'error', links, 'links');
}

/** The session `description` field: no way into a private session hidden in its text. */
export async function privateTextLinksRule(description: unknown, context: ValidationContext): Promise<CustomValidatorResult> {
  const session = (context.document ?? {}) as SessionLike;
  const data = await linkRulesData(context);
  const value = (description ?? {}) as Record<string, unknown>;
  const liveUrls = [...(data.eventUrls ?? []), ...(data.sessionUrls ?? []).flat(), ...(session.links ?? []).map((l) => l.url)].filter(
    (url): url is string => typeof url === 'string',
  );
  const text = Object.fromEntries(['es', 'en', 'pt'].map((lang) => [lang, value[lang]]));
  return toValidationResult(checkPrivateTextLinks(mayShowLiveLinks(session.access, data.day?.access), text, liveUrls), 'error', description);
}

/** The session `channels` field: https, a language the session is held or interpreted in, none on a private session or day. */
export function channelsRule(level: RuleLevel) {
  return async (channels: unknown, context: ValidationContext): Promise<CustomValidatorResult> => {
    const session = (context.document ?? {}) as SessionLike;
    const items = (Array.isArray(channels) ? channels : []) as { language?: unknown; url?: unknown }[];
    if (items.length === 0) return true;
    const { day } = await linkRulesData(context);
    const issues = checkSessionChannels(
      { access: session.access, language: session.language, languageSupport: session.languageSupport ?? [] },
      day ?? undefined,
      items,
    );
    return toValidationResult(issues, level, channels, 'channels');
  };
}
