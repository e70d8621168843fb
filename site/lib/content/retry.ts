import pRetry from 'p-retry';

/**
 * Bounded retries for the Content Lake, on p-retry. Transient failures (network errors, timeouts, a cut-off
 * body, 408/425/429, 5xx) are retried with exponential backoff, honouring `Retry-After`, until the
 * attempts or the total deadline run out; anything else (401, 403, 404, a query error, an answer of
 * the wrong shape) fails at once, because asking again cannot fix it. The error then says what
 * failed, how often it was tried and what to check, because a build that silently used stale or
 * empty content would be worse than no build.
 *
 * p-retry does the backoff, the attempt count and the deadline (`maxRetryTime`); what it lacks is
 * here: `Retry-After` (it has no notion of HTTP), the check that a wait would end past the deadline
 * (it shortens the wait and tries anyway), and the description of the failure.
 */

export interface RetryOptions {
  /** What is being fetched, for the error message: "query to Sanity project x, dataset y". */
  what: string;
  /** Tries in all, the first included. Default 5. */
  attempts?: number;
  /** Budget for all tries and waits together, in milliseconds. Default 60 s. */
  deadlineMs?: number;
  /** First backoff; doubles on each retry. Default 500 ms. */
  baseDelayMs?: number;
  /** Longest backoff between two tries (a longer `Retry-After` is still honoured). Default 8 s. */
  maxDelayMs?: number;
  /** Strings that must never appear in an error message (the API token). */
  secrets?: readonly (string | undefined)[];
}

/** What the task is told about the try it is making. */
export interface Attempt {
  /** 1 for the first try. */
  number: number;
  /** Milliseconds left before the deadline: a request should time out by then. */
  remainingMs: number;
}

export class ContentFetchError extends Error {
  override name = 'ContentFetchError';
  constructor(
    message: string,
    /** Tries made before giving up. */
    readonly attempts: number,
    /** HTTP status of the last failure, when there was one. */
    readonly status: number | undefined,
  ) {
    super(message);
  }
}

/**
 * A response that arrived but cannot be used. `transient` says whether another try could get a
 * good one (a body cut off mid-way: yes; a well-formed answer of the wrong shape: no).
 */
export class ResponseError extends Error {
  override name = 'ResponseError';
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

interface HttpishError {
  statusCode?: unknown;
  response?: { statusCode?: unknown; statusMessage?: unknown; headers?: Record<string, string | string[] | undefined>; body?: unknown };
  transient?: unknown;
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The HTTP status of a failed request, or undefined when none arrived (network, timeout). */
export function statusOf(error: unknown): number | undefined {
  const e = error as HttpishError | null | undefined;
  const status = e?.statusCode ?? e?.response?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * `Retry-After` (seconds or an HTTP date) in milliseconds; undefined when absent or unreadable.
 *
 * @example
 * retryAfterMs({ response: { headers: { 'retry-after': '2' } } }, Date.now()); // 2000
 */
export function retryAfterMs(error: unknown, now: number): number | undefined {
  const header = (error as HttpishError | null | undefined)?.response?.headers?.['retry-after'];
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  // Only an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`); Date.parse would read "-5" as a year.
  if (!/^[A-Za-z]{3}, /.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Whether another try could succeed: network trouble, a timeout, rate limiting or a server error.
 * Errors that say so themselves (`transient: boolean`) are taken at their word.
 */
export function isTransient(error: unknown): boolean {
  const own = (error as HttpishError | null | undefined)?.transient;
  if (typeof own === 'boolean') return own;
  const status = statusOf(error);
  if (status !== undefined) return status === 408 || status === 425 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
  // No HTTP status: connection refused or reset, DNS, a timeout. Bounded by attempts and deadline.
  return true;
}

/**
 * Runs `task` until it succeeds, fails permanently, or the attempts or the deadline run out. Waits
 * its own exponential backoff, or as long as `Retry-After` asks when that is longer.
 *
 * @example
 * await withRetries(({ remainingMs }) => client.fetch(query, params, { timeout: remainingMs }), { what: 'query to Sanity', deadlineMs: 30_000 });
 */
export async function withRetries<T>(task: (attempt: Attempt) => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 5);
  const deadlineMs = options.deadlineMs ?? 60_000;
  // The monotonic clock p-retry measures `maxRetryTime` with.
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let made = 0;
  let stop = '';
  try {
    return await pRetry(
      (number) => {
        made = number;
        return task({ number, remainingMs: deadlineMs - elapsed() });
      },
      {
        retries: attempts - 1,
        minTimeout: options.baseDelayMs ?? 500,
        factor: 2,
        maxTimeout: options.maxDelayMs ?? 8_000,
        maxRetryTime: deadlineMs,
        // Called only while tries and time are left; p-retry waits `retryDelay` after it.
        shouldRetry: async ({ error, retryDelay }) => {
          if (!isTransient(error)) return false;
          const asked = retryAfterMs(error, Date.now());
          if (elapsed() + Math.max(asked ?? 0, retryDelay) >= deadlineMs) {
            stop =
              asked === undefined
                ? ` The next try would start after the deadline of ${seconds(deadlineMs)} s.`
                : ` The server asked to wait ${seconds(asked)} s (Retry-After), past the deadline of ${seconds(deadlineMs)} s.`;
            return false;
          }
          if (asked !== undefined && asked > retryDelay) await new Promise((resolve) => setTimeout(resolve, asked - retryDelay));
          return true;
        },
      },
    );
  } catch (last) {
    if (!stop && isTransient(last)) {
      if (made >= attempts) stop = ` Gave up after ${attempts} tries.`;
      else if (elapsed() >= deadlineMs) stop = ` The deadline of ${seconds(deadlineMs)} s ran out.`;
    }
    const tries = made === 1 ? '1 try' : `${made} tries`;
    const message =
      `The ${options.what} failed (${tries} in ${seconds(elapsed())} s): ${describeFailure(last)}.${stop}${hint(last)} ` +
      'The build stops so that no empty or partial site is published.';
    // No `cause`: Astro prints it unredacted, and a server may echo what it was sent.
    throw new ContentFetchError(redact(message, options.secrets), made, statusOf(last));
  }
}

/** One line saying what went wrong, without the request URL (long, and not the point). */
export function describeFailure(error: unknown): string {
  const e = error as HttpishError | null | undefined;
  const status = statusOf(error);
  if (status !== undefined) {
    const statusMessage = typeof e?.response?.statusMessage === 'string' && e.response.statusMessage ? ` ${e.response.statusMessage}` : '';
    const detail = serverMessage(e?.response?.body);
    return `HTTP ${status}${statusMessage}${detail ? ` (${clip(detail, 200)})` : ''}`;
  }
  if (error instanceof ResponseError) return error.message;
  const causeCode = (e?.cause as HttpishError | undefined)?.code;
  const code = typeof e?.code === 'string' ? e.code : typeof causeCode === 'string' ? causeCode : '';
  const name = typeof e?.name === 'string' ? e.name : '';
  const text = typeof e?.message === 'string' && e.message ? e.message : String(error);
  if (name === 'TimeoutError' || /timed? ?out/i.test(text)) return `no answer in time (${clip(text, 200)})`;
  return clip(code && !text.includes(code) ? `${text} (${code})` : text, 300);
}

/** The Content Lake's own explanation in an error body: `{ error: { description } }` or `{ error, message }`. */
function serverMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() || undefined;
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { error?: unknown; message?: unknown };
  if (b.error && typeof b.error === 'object') {
    const description = (b.error as { description?: unknown }).description;
    if (typeof description === 'string') return description;
  }
  if (typeof b.message === 'string') return typeof b.error === 'string' ? `${b.error}: ${b.message}` : b.message;
  return typeof b.error === 'string' ? b.error : undefined;
}

function hint(error: unknown): string {
  const status = statusOf(error);
  if (status === 401 || status === 403) {
    return ' Check SANITY_API_READ_TOKEN: it is missing, mistyped, revoked, or has no read access to this dataset (a private dataset needs a token with the Viewer role).';
  }
  if (status === 404) return ' Check SANITY_PROJECT_ID and SANITY_DATASET.';
  if (status === 429) return ' The project is being rate-limited; try again later.';
  if (status === undefined && !(error instanceof ResponseError)) {
    return ' Check the network and SANITY_API_HOST; SANITY_FETCH_DEADLINE_MS sets how long to keep trying.';
  }
  return '';
}

function redact(text: string, secrets: RetryOptions['secrets']): string {
  let out = text;
  for (const secret of secrets ?? []) if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(1).replace(/\.0$/, '');
}
