import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentFetchError, describeFailure, isTransient, ResponseError, retryAfterMs, withRetries } from '../../site/lib/content/retry';

/** An HTTP failure shaped like @sanity/client's ClientError/ServerError. */
function httpError(statusCode: number, headers: Record<string, string> = {}, body: unknown = { error: { description: `injected ${statusCode}` } }) {
  return Object.assign(new Error(`GET-request to http://example.test/v1/data/query/x?query=… resulted in HTTP ${statusCode}`), {
    statusCode,
    response: { statusCode, statusMessage: '', headers, body },
  });
}

/**
 * Fake timers and clocks (p-retry waits with setTimeout and measures its deadline with
 * performance.now()), so every wait passes at once and is measured exactly.
 */
function useFakeTime() {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** Runs a retrying call to its end under fake timers: its value, or the error it failed with. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  const outcome = promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  await vi.runAllTimersAsync();
  const result = await outcome;
  if (result.ok) return result.value;
  throw result.error;
}

/** A task that fails with the given errors in turn, then succeeds with 'ok'; it records when each try started. */
function scripted(errors: unknown[]) {
  const calls: { number: number; remainingMs: number; at: number }[] = [];
  const started = performance.now();
  const task = async (attempt: { number: number; remainingMs: number }) => {
    calls.push({ ...attempt, at: performance.now() - started });
    const error = errors[calls.length - 1];
    if (error !== undefined) throw error;
    return 'ok';
  };
  /** The waits between tries, in milliseconds. */
  const waits = () => calls.slice(1).map((c, i) => c.at - calls[i]!.at);
  return { task, calls, waits };
}

describe('isTransient', () => {
  it('retries rate limiting, timeouts and server errors', () => {
    for (const status of [408, 425, 429, 500, 502, 503, 504]) expect(isTransient(httpError(status)), String(status)).toBe(true);
  });

  it('does not retry client errors or unimplemented features', () => {
    for (const status of [400, 401, 403, 404, 409, 501, 505]) expect(isTransient(httpError(status)), String(status)).toBe(false);
  });

  it('retries network failures that carry no status', () => {
    expect(isTransient(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe(true);
  });

  it('takes an error that says whether it is transient at its word', () => {
    expect(isTransient(new ResponseError('cut off', true))).toBe(true);
    expect(isTransient(new ResponseError('wrong shape', false))).toBe(false);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds', () => {
    expect(retryAfterMs(httpError(429, { 'retry-after': '1' }), 0)).toBe(1000);
    expect(retryAfterMs(httpError(429, { 'retry-after': ' 2.5 ' }), 0)).toBe(2500);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    const now = Date.parse('2020-10-26T15:00:00Z');
    expect(retryAfterMs(httpError(503, { 'retry-after': 'Mon, 26 Oct 2020 15:00:03 GMT' }), now)).toBe(3000);
    expect(retryAfterMs(httpError(503, { 'retry-after': 'Mon, 26 Oct 2020 14:00:00 GMT' }), now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(retryAfterMs(httpError(429), 0)).toBeUndefined();
    expect(retryAfterMs(httpError(429, { 'retry-after': 'soon' }), 0)).toBeUndefined();
    expect(retryAfterMs(httpError(429, { 'retry-after': '-5' }), 0)).toBeUndefined();
  });
});

describe('withRetries', () => {
  useFakeTime();

  it('returns at once when the first try succeeds', async () => {
    const { task, calls } = scripted([]);
    await expect(settle(withRetries(task, { what: 'query' }))).resolves.toBe('ok');
    expect(calls).toHaveLength(1);
  });

  it('succeeds after two 503s, backing off exponentially', async () => {
    const { task, calls, waits } = scripted([httpError(503), httpError(503)]);
    await expect(settle(withRetries(task, { what: 'query', baseDelayMs: 500 }))).resolves.toBe('ok');
    expect(calls.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(waits()).toEqual([500, 1000]);
  });

  it('waits as long as Retry-After says instead of its own backoff', async () => {
    const { task, waits } = scripted([httpError(429, { 'retry-after': '1' })]);
    await expect(settle(withRetries(task, { what: 'query', baseDelayMs: 10 }))).resolves.toBe('ok');
    expect(waits()).toEqual([1000]);
  });

  it('keeps its own backoff when Retry-After asks for less', async () => {
    const { task, waits } = scripted([httpError(503, { 'retry-after': '0' })]);
    await expect(settle(withRetries(task, { what: 'query', baseDelayMs: 700 }))).resolves.toBe('ok');
    expect(waits()).toEqual([700]);
  });

  it('caps its own backoff at maxDelayMs', async () => {
    const { task, waits } = scripted([httpError(500), httpError(500), httpError(500), httpError(500)]);
    await settle(withRetries(task, { what: 'query', attempts: 5, baseDelayMs: 1000, maxDelayMs: 3000, deadlineMs: 60_000 }));
    expect(waits()).toEqual([1000, 2000, 3000, 3000]);
  });

  it('fails at once on 401, with a hint about the token and no retry', async () => {
    const { task, calls } = scripted([httpError(401, {}, { error: 'Unauthorized', message: 'Session does not match project host' })]);
    const error = await settle(withRetries(task, { what: 'query to Sanity project test' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentFetchError);
    expect(calls).toHaveLength(1);
    const message = (error as Error).message;
    expect(message).toContain('The query to Sanity project test failed (1 try in 0 s): HTTP 401 (Unauthorized: Session does not match project host).');
    expect(message).toContain('Check SANITY_API_READ_TOKEN');
    expect((error as ContentFetchError).status).toBe(401);
    expect((error as ContentFetchError).attempts).toBe(1);
  });

  it('fails at once on an answer of the wrong shape', async () => {
    const { task, calls } = scripted([new ResponseError('the answer has no "result"', false)]);
    await expect(settle(withRetries(task, { what: 'query' }))).rejects.toThrow('failed (1 try in 0 s): the answer has no "result".');
    expect(calls).toHaveLength(1);
  });

  it('retries a network failure, and names its code when it gives up', async () => {
    const refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const { task, calls } = scripted([refused(), refused()]);
    await expect(settle(withRetries(task, { what: 'query', attempts: 2, baseDelayMs: 100 }))).rejects.toThrow(
      'The query failed (2 tries in 0.1 s): fetch failed (ECONNREFUSED). Gave up after 2 tries. Check the network and SANITY_API_HOST',
    );
    expect(calls).toHaveLength(2);
  });

  it('stops when the attempts run out, naming the last failure', async () => {
    const { task, calls } = scripted([httpError(502), httpError(502), httpError(503)]);
    await expect(settle(withRetries(task, { what: 'query', attempts: 3, baseDelayMs: 100 }))).rejects.toThrow(
      'The query failed (3 tries in 0.3 s): HTTP 503 (injected 503). Gave up after 3 tries. The build stops so that no empty or partial site is published.',
    );
    expect(calls).toHaveLength(3);
  });

  it('stops before a backoff that would end past the deadline', async () => {
    const { task, waits } = scripted(Array.from({ length: 10 }, () => httpError(500)));
    const started = performance.now();
    const error = (await settle(withRetries(task, { what: 'query', attempts: 10, baseDelayMs: 500, deadlineMs: 3000 })).catch((e: unknown) => e)) as Error;
    // Tries at 0, 0.5 and 1.5 s; the next wait (2 s) would end at 3.5 s, past the 3 s deadline.
    expect(waits()).toEqual([500, 1000]);
    expect(error.message).toContain('(3 tries in 1.5 s): HTTP 500');
    expect(error.message).toContain('The next try would start after the deadline of 3 s.');
    expect(performance.now() - started).toBeLessThanOrEqual(3000);
  });

  it('does not wait for a Retry-After that ends past the deadline', async () => {
    const { task, calls } = scripted([httpError(429, { 'retry-after': '120' })]);
    const started = performance.now();
    await expect(settle(withRetries(task, { what: 'query', deadlineMs: 10_000 }))).rejects.toThrow(
      'The server asked to wait 120 s (Retry-After), past the deadline of 10 s.',
    );
    expect(calls).toHaveLength(1);
    expect(performance.now() - started).toBe(0);
  });

  it('gives each try only what is left of the deadline', async () => {
    const calls: number[] = [];
    const slow = async ({ remainingMs }: { remainingMs: number }) => {
      calls.push(remainingMs);
      vi.advanceTimersByTime(remainingMs);
      throw Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    };
    const error = (await settle(withRetries(slow, { what: 'query', deadlineMs: 5000 })).catch((e: unknown) => e)) as Error;
    expect(calls).toEqual([5000]);
    expect(error.message).toContain('no answer in time');
    expect(error.message).toContain('The deadline of 5 s ran out.');
    expect(error.message).toContain('SANITY_FETCH_DEADLINE_MS');
  });

  it('never prints a secret, even when the failure quotes it', async () => {
    const secret = 'sk-test-secret-token-abcdef';
    const { task } = scripted([httpError(403, {}, { error: { description: `token ${secret} lacks read access` } })]);
    const error = (await settle(withRetries(task, { what: 'query', secrets: [secret, undefined] })).catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain(secret);
    expect(error.message).toContain('token [redacted] lacks read access');
  });
});

describe('describeFailure', () => {
  it('names the status and the server explanation, not the request URL', () => {
    const text = describeFailure(httpError(500, {}, { error: { description: 'Internal error' } }));
    expect(text).toBe('HTTP 500 (Internal error)');
    expect(text).not.toContain('example.test');
  });

  it('names the network error code', () => {
    expect(describeFailure(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))).toBe('fetch failed (ECONNREFUSED)');
  });
});
