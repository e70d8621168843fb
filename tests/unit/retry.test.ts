import { describe, expect, it } from 'vitest';
import { ContentFetchError, describeFailure, isTransient, ResponseError, retryAfterMs, withRetries } from '../../site/lib/content/retry';

/** An HTTP failure shaped like @sanity/client's ClientError/ServerError. */
function httpError(statusCode: number, headers: Record<string, string> = {}, body: unknown = { error: { description: `injected ${statusCode}` } }) {
  return Object.assign(new Error(`GET-request to http://example.test/v1/data/query/x?query=… resulted in HTTP ${statusCode}`), {
    statusCode,
    response: { statusCode, statusMessage: '', headers, body },
  });
}

/** A fake clock whose sleep advances time instantly, recording every wait. */
function fakeTime(start = 1_000_000) {
  let now = start;
  const waits: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    waits,
  };
}

/** A task that fails with the given errors in turn, then succeeds with 'ok'. */
function scripted(errors: unknown[]) {
  const calls: { number: number; remainingMs: number }[] = [];
  const task = async (attempt: { number: number; remainingMs: number }) => {
    calls.push(attempt);
    const error = errors[calls.length - 1];
    if (error !== undefined) throw error;
    return 'ok';
  };
  return { task, calls };
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
  it('returns at once when the first try succeeds', async () => {
    const time = fakeTime();
    const { task, calls } = scripted([]);
    await expect(withRetries(task, { what: 'query', ...time })).resolves.toBe('ok');
    expect(calls).toHaveLength(1);
    expect(time.waits).toEqual([]);
  });

  it('succeeds after two 503s, backing off exponentially', async () => {
    const time = fakeTime();
    const { task, calls } = scripted([httpError(503), httpError(503)]);
    await expect(withRetries(task, { what: 'query', baseDelayMs: 500, ...time })).resolves.toBe('ok');
    expect(calls.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(time.waits).toEqual([500, 1000]);
  });

  it('waits as long as Retry-After says instead of its own backoff', async () => {
    const time = fakeTime();
    const { task } = scripted([httpError(429, { 'retry-after': '1' })]);
    await expect(withRetries(task, { what: 'query', baseDelayMs: 10, ...time })).resolves.toBe('ok');
    expect(time.waits).toEqual([1000]);
  });

  it('caps its own backoff at maxDelayMs', async () => {
    const time = fakeTime();
    const { task } = scripted([httpError(500), httpError(500), httpError(500), httpError(500)]);
    await withRetries(task, { what: 'query', attempts: 5, baseDelayMs: 1000, maxDelayMs: 3000, deadlineMs: 60_000, ...time });
    expect(time.waits).toEqual([1000, 2000, 3000, 3000]);
  });

  it('fails at once on 401, with a hint about the token and no retry', async () => {
    const time = fakeTime();
    const { task, calls } = scripted([httpError(401, {}, { error: 'Unauthorized', message: 'Session does not match project host' })]);
    const error = await withRetries(task, { what: 'query to Sanity project test', ...time }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentFetchError);
    expect(calls).toHaveLength(1);
    expect(time.waits).toEqual([]);
    const message = (error as Error).message;
    expect(message).toContain('The query to Sanity project test failed (1 try in 0 s): HTTP 401 (Unauthorized: Session does not match project host).');
    expect(message).toContain('Check SANITY_API_READ_TOKEN');
    expect((error as ContentFetchError).status).toBe(401);
    expect((error as ContentFetchError).attempts).toBe(1);
  });

  it('fails at once on an answer of the wrong shape', async () => {
    const time = fakeTime();
    const { task, calls } = scripted([new ResponseError('the answer has no "result"', false)]);
    await expect(withRetries(task, { what: 'query', ...time })).rejects.toThrow('failed (1 try in 0 s): the answer has no "result".');
    expect(calls).toHaveLength(1);
  });

  it('stops when the attempts run out, naming the last failure', async () => {
    const time = fakeTime();
    const { task, calls } = scripted([httpError(502), httpError(502), httpError(503)]);
    await expect(withRetries(task, { what: 'query', attempts: 3, baseDelayMs: 100, ...time })).rejects.toThrow(
      'The query failed (3 tries in 0.3 s): HTTP 503 (injected 503). Gave up after 3 tries. The build stops so that no empty or partial site is published.',
    );
    expect(calls).toHaveLength(3);
  });

  it('stops before a backoff that would end past the deadline', async () => {
    const time = fakeTime();
    const always500 = { task: async () => Promise.reject(httpError(500)) };
    const error = (await withRetries(always500.task, { what: 'query', attempts: 10, baseDelayMs: 500, deadlineMs: 3000, ...time }).catch(
      (e: unknown) => e,
    )) as Error;
    // Tries at 0, 0.5 and 1.5 s; the next wait (2 s) would end at 3.5 s, past the 3 s deadline.
    expect(time.waits).toEqual([500, 1000]);
    expect(error.message).toContain('(3 tries in 1.5 s): HTTP 500');
    expect(error.message).toContain('The next try would start after the deadline of 3 s.');
    expect(time.now() - 1_000_000).toBeLessThanOrEqual(3000);
  });

  it('does not wait for a Retry-After that ends past the deadline', async () => {
    const time = fakeTime();
    const { task, calls } = scripted([httpError(429, { 'retry-after': '120' })]);
    await expect(withRetries(task, { what: 'query', deadlineMs: 10_000, ...time })).rejects.toThrow(
      'The server asked to wait 120 s (Retry-After), past the deadline of 10 s.',
    );
    expect(calls).toHaveLength(1);
    expect(time.waits).toEqual([]);
  });

  it('gives each try only what is left of the deadline', async () => {
    const time = fakeTime();
    const calls: number[] = [];
    const slow = async ({ remainingMs }: { remainingMs: number }) => {
      calls.push(remainingMs);
      time.advance(remainingMs);
      throw Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    };
    const error = (await withRetries(slow, { what: 'query', deadlineMs: 5000, ...time }).catch((e: unknown) => e)) as Error;
    expect(calls).toEqual([5000]);
    expect(error.message).toContain('no answer in time');
    expect(error.message).toContain('SANITY_FETCH_DEADLINE_MS');
  });

  it('never prints a secret, even when the failure quotes it', async () => {
    const time = fakeTime();
    const secret = 'sk-test-secret-token-abcdef';
    const { task } = scripted([httpError(403, {}, { error: { description: `token ${secret} lacks read access` } })]);
    const error = (await withRetries(task, { what: 'query', secrets: [secret, undefined], ...time }).catch((e: unknown) => e)) as Error;
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
