import { isSafeHref, unsafeHrefMessage } from './links';
import type { RuleIssue } from './types';

/**
 * The links a session gains around and after its time: its recordings, a Q&A room shown while it
 * runs and a feedback form shown once it has ended. The same safe-address rule as every other
 * link, except that a recording must be a web address (`https:`): an e-mail is never a video.
 */

/** What the rule reads of a session: the three fields, taken defensively. */
export interface FollowUpFields {
  recordings?: readonly { url?: unknown }[] | null;
  qaUrl?: unknown;
  feedbackUrl?: unknown;
}

/** The Spanish explanation of why a recording address was refused, with the fix. */
export function recordingUrlMessage(url: string): string {
  if (isSafeHref(url)) {
    return `La grabación «${url}» no es una dirección web. Pega la dirección del vídeo, que empiece por https:// (por ejemplo https://www.youtube.com/watch?v=…).`;
  }
  return unsafeHrefMessage(url);
}

/** Whether a recording address may be published: a safe `https:` address. */
export function isRecordingUrl(url: string): boolean {
  return isSafeHref(url) && /^https:/iu.test(url);
}

/**
 * Checks a session's recordings, Q&A and feedback addresses. Paths are relative to the session:
 * `recordings[0].url`, `qaUrl`, `feedbackUrl`. Absent or empty optional fields pass.
 *
 * @example
 * checkSessionFollowUp({ feedbackUrl: 'javascript:alert(1)' });
 * // [{ level: 'error', path: 'feedbackUrl', message: 'La dirección «javascript:alert(1)» no está permitida…' }]
 */
export function checkSessionFollowUp(session: FollowUpFields): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const [index, recording] of (session.recordings ?? []).entries()) {
    const url = typeof recording?.url === 'string' ? recording.url : '';
    if (!isRecordingUrl(url)) issues.push({ level: 'error', path: `recordings[${index}].url`, message: recordingUrlMessage(url) });
  }
  for (const field of ['qaUrl', 'feedbackUrl'] as const) {
    const value = session[field];
    if (value === undefined || value === null || value === '') continue;
    const url = typeof value === 'string' ? value : String(value);
    if (!isSafeHref(url)) issues.push({ level: 'error', path: field, message: unsafeHrefMessage(url) });
  }
  return issues;
}
