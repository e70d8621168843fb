/**
 * Bounded retries for the Content Lake: transient failures (network errors, timeouts, 429, 5xx)
 * are retried with exponential backoff, honouring `Retry-After`, until `attempts` or the total
 * deadline runs out; anything else fails at once. The caller's error then says what failed and why,
 * because a build that silently used stale or empty content would be worse than no build.
 */

export interface RetryOptions {
  what: string;
  attempts?: number;
  deadlineMs?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export class ContentFetchError extends Error {
  override name = 'ContentFetchError';
}

interface HttpishError {
  statusCode?: number;
  response?: { statusCode?: number; headers?: Record<string, string | string[] | undefined> };
  code?: string;
  message?: string;
}

function statusOf(error: unknown): number | undefined {
  const e = error as HttpishError;
  return e?.statusCode ?? e?.response?.statusCode;
}

/** Seconds or HTTP-date → milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(error: unknown, now: number): number | undefined {
  const header = (error as HttpishError)?.response?.headers?.['retry-after'];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Whether another try could succeed: network trouble, rate limiting or a server error. */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return status === 408 || status === 429 || status >= 500;
  // No HTTP status: connection refused/reset, timeout, or a body that was cut off mid-way.
  return true;
}

export async function withRetries<T>(task: () => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? 4;
  const deadlineMs = options.deadlineMs ?? 60_000;
  const base = options.baseDelayMs ?? 500;
  const sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const started = now();
  let last: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await task();
    } catch (error) {
      last = error;
      if (!isTransient(error) || attempt === attempts) break;
      const wait = retryAfterMs(error, now()) ?? base * 2 ** (attempt - 1);
      if (now() - started + wait > deadlineMs) break;
      await sleep(wait);
    }
  }
  const status = statusOf(last);
  const reason = status ? `HTTP ${status}` : ((last as HttpishError)?.message ?? String(last));
  throw new ContentFetchError(`The ${options.what} failed: ${reason}. The build stops so that no empty or partial site is published.`);
}
