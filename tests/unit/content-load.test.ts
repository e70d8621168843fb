import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseNdjson, readNdjson } from '../../content-models/ndjson';
import { siteQuery } from '../../content-models/queries';
import { buildSite, defaultSource, loadSite } from '../../site/lib/content/load';
import { ContentValidationError, formatProblems } from '../../site/lib/content/problems';
import { ContentFetchError } from '../../site/lib/content/retry';
import { type ContentSource, ContentSourceError, liveSource, ndjsonSource, sourceFromEnv } from '../../site/lib/content/source';
import { type SanityApiServer, startSanityApiServer } from '../support/sanity-api-server';

const fixtures = path.resolve('tests/fixtures/datasets');
const seedFile = path.resolve('studio/seed/production.ndjson');
const quiet = { warn: () => {} };

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure, but it succeeded');
}

/** Temporary folders made by this file, removed at the end. */
const temporary: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sts-dataset-'));
  temporary.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** The seed's documents, changed by `edit`, written to a temporary NDJSON file. */
function seedVariant(edit: (docs: Record<string, unknown>[]) => Record<string, unknown>[]): string {
  const docs = readNdjson(seedFile);
  const file = path.join(tempDir(), 'export.ndjson');
  writeFileSync(
    file,
    `${edit(docs)
      .map((d) => JSON.stringify(d))
      .join('\n')}\n`,
  );
  return file;
}

describe('a malformed export', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('fails with one report that names every problem by document and field', async () => {
    const error = await failure(loadSite('es', ndjsonSource(path.join(fixtures, 'malformed.ndjson'))));
    expect(error).toBeInstanceOf(ContentValidationError);
    const problems = (error as ContentValidationError).problems.map((p) => [p.documentType, p.documentId, p.field]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['event', 'event', '(document)'],
        ['session', 'session-sin-titulo', 'title'],
        ['session', 'session-fin-antes', 'end'],
        ['session', 'session-marte', 'timeZone'],
        ['session', 'session-hora-inexistente', 'start'],
        ['session', 'session-ponente-inexistente', 'participants[0].speaker'],
        ['session', 'session-slug-2', 'slug'],
        ['session', 'session-privada-con-enlace', 'links[0].kind'],
        ['session', 'session-enlace-javascript', 'links[0].url'],
      ]),
    );
    expect(problems).toHaveLength(9);
    const message = error.message;
    expect(message).toMatch(/^The content from dataset file .*malformed\.ndjson has 9 problems; nothing was built:/);
    expect(message).toContain('falta el documento del evento');
    expect(message).toContain('title: falta el texto en español');
    expect(message).toContain('La sesión termina (10:00) antes de empezar (11:00)');
    expect(message).toContain('«Mars/Olympus» no existe');
    expect(message).toContain('La hora 00:30 del 2020-10-04 no existe en America/Asuncion');
    expect(message).toContain('la referencia apunta a "speaker-no-existe"');
    expect(message).toContain('"mesa-repetida" ya lo usa session-slug-1');
    expect(message).toContain('Esta sesión es solo para participantes inscritos');
    expect(message).toContain('«javascript:alert(1)» no está permitida');
    expect(message).not.toContain('/intent/edit/');
  });

  it('links each problem to its document in the Studio when SANITY_STUDIO_URL is set', async () => {
    vi.stubEnv('SANITY_STUDIO_URL', 'https://seminario.sanity.studio/');
    const error = await failure(loadSite('es', ndjsonSource(path.join(fixtures, 'malformed.ndjson'))));
    expect(error.message).toContain('https://seminario.sanity.studio/intent/edit/id=session-marte;type=session/');
    expect(error.message).toContain('https://seminario.sanity.studio/intent/edit/id=event;type=event/');
    const links = error.message.match(/\/intent\/edit\//g) ?? [];
    expect(links).toHaveLength(9);
  });

  it('stops at an invalid NDJSON line and names its line number', async () => {
    const error = await failure(loadSite('es', ndjsonSource(path.join(fixtures, 'invalid-line.ndjson'))));
    expect(error).toBeInstanceOf(ContentSourceError);
    expect(error.message).toMatch(/invalid-line\.ndjson:3: not valid JSON/);
  });

  it('refuses lines that are not documents', () => {
    expect(() => parseNdjson('{"_id":"a"}\n[1,2]\n', 'x.ndjson')).toThrow('x.ndjson:2: a document must be a JSON object with a string _id');
    expect(() => parseNdjson('\n\n', 'empty.ndjson')).toThrow('empty.ndjson: the dataset has no documents');
  });

  it('says when the dataset file cannot be read', async () => {
    const error = await failure(loadSite('es', ndjsonSource('/nonexistent/export.ndjson')));
    expect(error.message).toContain('Cannot read the content dataset /nonexistent/export.ndjson');
  });

  it('keeps control characters out of the report', () => {
    const text = formatProblems(
      [{ documentId: 'x', documentType: 'session', label: 'a\u001b[31mred\r\nforged line', field: 'title', message: 'm\u0007' }],
      'test',
    );
    expect([...text].filter((c) => c !== '\n' && (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))).toEqual([]);
    expect(text.split('\n')).toHaveLength(2);
  });
});

describe('a hostile export', () => {
  it('is refused when link fields are unsafe, a private session has a join link, or slugs leave their folder', async () => {
    const error = await failure(loadSite('es', ndjsonSource(path.join(fixtures, 'hostile-refused.ndjson'))));
    expect(error).toBeInstanceOf(ContentValidationError);
    const problems = (error as ContentValidationError).problems.map((p) => [p.documentId, p.field]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['event', 'links[0].url'],
        ['event', 'links[1].url'],
        ['session-publica', 'links[0].url'],
        ['session-publica', 'links[1].url'],
        ['session-privada', 'links[0].kind'],
        ['session-privada-2', 'slug'],
        ['speaker-sin-datos', 'slug'],
        ['conceptNote', 'sections[1].anchor'],
      ]),
    );
    expect(error.message).toContain('el slug "../../etc" no vale');
    expect(error.message).toContain('el slug "a/b" no vale');
    expect(error.message).toContain('«JAVASCRIPT:alert(1)» no está permitida');
    expect(error.message).toContain('«data:text/html,<script>alert(1)</script>» no está permitida');
  });

  it('loads when only its text is hostile, without drafts, with unsafe photos dropped', async () => {
    const warnings: string[] = [];
    const source = ndjsonSource(path.join(fixtures, 'hostile.ndjson'));
    const result = await source.fetch<unknown>(siteQuery, { lang: 'es' });
    const site = buildSite(result, 'es', source.description, { warn: (m) => warnings.push(m) });
    expect(JSON.stringify(site)).not.toContain('BORRADOR-SECRETO-7731');
    const photos = Object.fromEntries(site.speakers.map((s) => [s._id, s.photo?.url ?? null]));
    expect(photos).toEqual({
      'speaker-hostil': 'https://cdn.sanity.io/images/test/production/abc-64x64.png',
      'speaker-foto-mala': null,
      'speaker-foto-externa': null,
      'speaker-sin-datos': null,
    });
    expect(warnings.some((w) => w.includes('speaker-foto-mala') && w.includes('initials'))).toBe(true);
    expect(warnings.some((w) => w.includes('"javascript:alert(1)" is not https: or mailto:, so it is shown as plain text'))).toBe(true);
  });
});

describe('optional content', () => {
  it('may be missing: a speaker without photo, biography, position, country or institution still loads', async () => {
    const file = seedVariant((docs) => docs.map((d) => (d._id === 'speaker-rita-mishaan' ? { _id: d._id, _type: d._type, name: d.name, slug: d.slug } : d)));
    const site = await loadSite('es', ndjsonSource(file));
    const rita = site.speakers.find((s) => s._id === 'speaker-rita-mishaan');
    expect(rita).toMatchObject({ photo: null, bio: null, position: null, institution: null, country: null });
    expect(rita?.sessions.map((s) => s.session.slug)).toEqual(['inauguracion']);
  });

  it('falls back to Spanish when a translation is missing, and says so', async () => {
    const file = seedVariant((docs) =>
      docs.map((d) => (d._id === 'session-inauguracion' ? { ...d, title: { _type: 'localeString', es: 'Solo en español' } } : d)),
    );
    const site = await loadSite('en', ndjsonSource(file));
    expect(site.sessions.find((s) => s._id === 'session-inauguracion')?.title).toEqual({ text: 'Solo en español', lang: 'es' });
  });
});

describe('the query result', () => {
  it('must be an object: anything else is a clear source error, not a list of content problems', () => {
    for (const value of ['oops', null, [], 42]) {
      expect(() => buildSite(value, 'es', 'test source', quiet)).toThrow(ContentSourceError);
    }
    expect(() => buildSite('oops', 'es', 'test source', quiet)).toThrow(
      'test source answered the site query with the string "oops" instead of an object with event, sessions, speakers and conceptNote.',
    );
  });

  it('reports lists of the wrong type', () => {
    const error = (() => {
      try {
        buildSite({ event: null, sessions: 'x', speakers: [], conceptNote: null }, 'es', 'test', quiet);
      } catch (e) {
        return e as ContentValidationError;
      }
    })();
    expect(error?.problems.map((p) => [p.documentId, p.field])).toEqual([
      ['event', '(document)'],
      ['(dataset)', 'sessions'],
      ['conceptNote', '(document)'],
    ]);
  });
});

describe('loadSite', () => {
  /** A source that counts its fetches. */
  function counting(inner: ContentSource): ContentSource & { calls: number } {
    const source = {
      calls: 0,
      description: inner.description,
      fetch<T>(query: string, params: Record<string, unknown>) {
        source.calls++;
        return inner.fetch<T>(query, params);
      },
    };
    return source;
  }

  it('runs one query per language per source, however many pages ask', async () => {
    const source = counting(ndjsonSource(seedFile));
    await Promise.all([loadSite('es', source), loadSite('es', source), loadSite('en', source), loadSite('pt', source), loadSite('en', source)]);
    await loadSite('es', source);
    expect(source.calls).toBe(3);
  });

  it('shares loads between copies of the module, as Astro may bundle it twice', async () => {
    vi.resetModules();
    const copy = await import('../../site/lib/content/load');
    expect(copy.loadSite).not.toBe(loadSite);
    const env = { CONTENT_DATASET_FILE: seedFile };
    expect(copy.defaultSource(env)).toBe(defaultSource(env));
    const source = counting(ndjsonSource(seedFile));
    expect(copy.loadSite('pt', source)).toBe(loadSite('pt', source));
  });

  it('keeps separate sources apart', async () => {
    const a = await loadSite('es', ndjsonSource(seedFile));
    const other = seedVariant((docs) => docs.filter((d) => d._id !== 'session-pasos-a-seguir-y-cierre'));
    const b = await loadSite('es', ndjsonSource(other));
    expect(b.sessions.length).toBe(a.sessions.length - 1);
  });
});

describe('ndjsonSource', () => {
  it('sees published documents only, as the Content Lake does, whatever the query', async () => {
    const ids = await ndjsonSource(path.join(fixtures, 'hostile.ndjson')).fetch<string[]>('*[_type in ["session", "speaker", "event"]]._id', {});
    expect(ids.filter((id) => id.startsWith('drafts.'))).toEqual([]);
    expect(ids).toContain('session-publica');
  });

  it('recognises a compressed export and says what to do', async () => {
    const file = path.join(tempDir(), 'export.tar.gz');
    writeFileSync(file, gzipSync('{"_id":"x"}'));
    const error = await failure(ndjsonSource(file).fetch('*', {}));
    expect(error.message).toContain('is compressed');
    expect(error.message).toContain('data.ndjson');
  });
});

describe('sourceFromEnv', () => {
  it('uses the embedded dataset when nothing is configured', () => {
    expect(sourceFromEnv({}).description).toBe(`dataset file ${seedFile}`);
  });

  it('uses the Content Lake when a project is set, and never names the token', () => {
    const source = sourceFromEnv({ SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'staging', SANITY_API_READ_TOKEN: 'sk-secret-xyz' });
    expect(source.description).toBe('Sanity project abc123, dataset staging');
    expect(source.description).not.toContain('sk-secret-xyz');
  });

  it('refuses unreadable settings with the variable to fix', () => {
    expect(() => sourceFromEnv({ SANITY_PROJECT_ID: 'a', SANITY_FETCH_DEADLINE_MS: 'soon' })).toThrow(
      'SANITY_FETCH_DEADLINE_MS must be a positive whole number',
    );
    expect(() => sourceFromEnv({ SANITY_PROJECT_ID: 'a', SANITY_FETCH_TIMEOUT_MS: '-1' })).toThrow('SANITY_FETCH_TIMEOUT_MS must be a positive whole number');
    expect(() => sourceFromEnv({ SANITY_PROJECT_ID: 'a', SANITY_API_HOST: 'localhost:3333' })).toThrow('SANITY_API_HOST must be an origin');
    expect(() => sourceFromEnv({ SANITY_PROJECT_ID: 'a', SANITY_API_HOST: 'https://me:secret@proxy.example' })).toThrow(
      'SANITY_API_HOST must be an origin such as http://127.0.0.1:3333, not a URL with credentials.',
    );
  });
});

describe('the live source against a local Sanity API', () => {
  const TOKEN = 'sk-test-secret-token-unit-9d2f';
  let server: SanityApiServer;
  let expected: Awaited<ReturnType<typeof loadSite>>;

  /** A fresh source (so nothing is cached) with fast retries. */
  const live = (overrides: Partial<Parameters<typeof liveSource>[0]> = {}) =>
    liveSource({
      projectId: 'test',
      dataset: 'production',
      apiVersion: '2025-02-19',
      token: TOKEN,
      apiHost: server.url,
      deadlineMs: 3000,
      retry: { baseDelayMs: 50 },
      ...overrides,
    });

  beforeAll(async () => {
    // The hostile dataset's notes about dropped links are expected here; keep the output readable.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    server = await startSanityApiServer({ datasetFile: path.join(fixtures, 'hostile.ndjson'), token: TOKEN });
    expected = await loadSite('es', ndjsonSource(path.join(fixtures, 'hostile.ndjson')));
  });
  afterEach(() => server.reset());
  afterAll(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  it('loads the same site as the NDJSON source, with one request per language', async () => {
    const source = live();
    const site = await loadSite('es', source);
    expect(site).toEqual(expected);
    expect(server.queryCount()).toBe(1);
    const [request] = server.requests;
    // GET or POST as @sanity/client picks by the query's length (the site query outgrew a URL with
    // issue #20's fields): the build reads with useCdn false, so no cache is lost either way.
    expect(['GET', 'POST']).toContain(request?.method);
    expect(request).toMatchObject({
      apiVersion: '2025-02-19',
      dataset: 'production',
      perspective: 'published',
      authorization: `Bearer ${TOKEN}`,
    });
    expect(request?.params).toEqual({ lang: 'es' });
  });

  it('sees published documents only, even when the query would let drafts through', async () => {
    const ids = await live().fetch<string[]>('*[_type == "speaker"]._id', {});
    expect(ids).not.toContain('drafts.speaker-nuevo');
    expect(ids).toContain('speaker-hostil');
  });

  it('sends long queries as POST, which the server also answers', async () => {
    const padding = `// ${'x'.repeat(12_000)}\n`;
    const count = await live().fetch<number>(`${padding}count(*[_type == $type])`, { type: 'session' });
    expect(count).toBe(3);
    expect(server.requests[0]?.method).toBe('POST');
  });

  it('retries two 503s and then succeeds', async () => {
    server.setFaults([
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
    ]);
    await expect(loadSite('es', live())).resolves.toEqual(expected);
    expect(server.queryCount()).toBe(3);
  });

  it('waits as long as Retry-After asks before trying again', async () => {
    server.setFaults([{ kind: 'rate-limit', retryAfter: '1' }]);
    await expect(loadSite('pt', live())).resolves.toMatchObject({ lang: 'pt' });
    const [first, second] = server.requests;
    expect(server.queryCount()).toBe(2);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('gives up within the deadline when the API keeps failing', async () => {
    server.setFaults(() => ({ kind: 'status', status: 500 }));
    const started = Date.now();
    const error = await failure(loadSite('es', live({ deadlineMs: 1500 })));
    expect(Date.now() - started).toBeLessThan(1500 + 500);
    expect(error).toBeInstanceOf(ContentFetchError);
    expect(error.message).toMatch(
      /^The query to Sanity project test, dataset production at http:\/\/127\.0\.0\.1:\d+ failed \(\d+ tries in [\d.]+ s\): HTTP 500/,
    );
    expect(server.queryCount()).toBeGreaterThan(1);
  });

  it('fails at once, without retrying, when the token is refused', async () => {
    const error = await failure(loadSite('es', live({ token: 'sk-wrong-token-1234' })));
    expect(server.queryCount()).toBe(1);
    expect(error.message).toContain('failed (1 try in');
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain('Check SANITY_API_READ_TOKEN');
    expect(error.message).not.toContain('sk-wrong-token-1234');
  });

  it('fails at once on 401 without a token as well', async () => {
    const error = await failure(loadSite('es', live({ token: undefined })));
    expect(server.queryCount()).toBe(1);
    expect(error.message).toContain('HTTP 401');
  });

  it('retries a body cut off mid-way, then fails clearly', async () => {
    // A deadline of a few seconds: with 800 ms a loaded machine ran out of time before the first
    // answer arrived, and the error then (rightly) spoke of the deadline, not of the body.
    server.setFaults(() => ({ kind: 'truncated' }));
    const error = await failure(loadSite('es', live({ deadlineMs: 3000 })));
    expect(error.message).toContain('the answer is not complete JSON');
    expect(server.queryCount()).toBeGreaterThan(1);
  });

  it('recovers when a cut-off body is followed by a good one', async () => {
    server.setFaults([{ kind: 'truncated' }]);
    await expect(loadSite('es', live())).resolves.toEqual(expected);
  });

  it('fails clearly on a body that is not JSON', async () => {
    server.setFaults(() => ({ kind: 'malformed' }));
    const error = await failure(loadSite('es', live({ deadlineMs: 3000 })));
    expect(error.message).toContain('the answer is not JSON (it begins "<html><body>Bad gateway');
  });

  it('fails at once on an answer without a result', async () => {
    server.setFaults([{ kind: 'body', body: { ms: 1 } }]);
    const error = await failure(loadSite('es', live()));
    expect(error.message).toContain('the answer has no "result" (got ms)');
    expect(server.queryCount()).toBe(1);
  });

  it('fails at once on a result of the wrong shape', async () => {
    server.setFaults([{ kind: 'body', body: { ms: 1, result: 'oops' } }]);
    const error = await failure(loadSite('es', live()));
    expect(error).toBeInstanceOf(ContentSourceError);
    expect(error.message).toContain('answered the site query with the string "oops"');
    expect(server.queryCount()).toBe(1);
  });

  it('reports a dataset without its event as a content problem', async () => {
    server.setFaults([{ kind: 'no-event' }]);
    const error = await failure(loadSite('es', live()));
    expect(error).toBeInstanceOf(ContentValidationError);
    expect(error.message).toContain('event event · (document): falta el documento del evento');
  });

  it('times out a request that never answers, within the deadline', async () => {
    server.setFaults(() => ({ kind: 'hang' }));
    const started = Date.now();
    const error = await failure(loadSite('es', live({ deadlineMs: 1200, requestTimeoutMs: 400 })));
    expect(Date.now() - started).toBeLessThan(1200 + 600);
    expect(error.message).toContain('no answer in time');
  });

  it('recovers from a dropped connection', async () => {
    server.setFaults([{ kind: 'reset' }]);
    await expect(loadSite('es', live())).resolves.toEqual(expected);
    expect(server.queryCount()).toBe(2);
  });

  it('fails clearly when nothing listens on the host', async () => {
    const closed = await startSanityApiServer({ documents: [] });
    const url = closed.url;
    await closed.close();
    const error = await failure(loadSite('es', live({ apiHost: url, deadlineMs: 600 })));
    expect(error).toBeInstanceOf(ContentFetchError);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain('Check the network and SANITY_API_HOST');
  });

  it('fails at once when the dataset does not exist', async () => {
    const error = await failure(loadSite('es', live({ dataset: 'nope' })));
    expect(error.message).toContain('HTTP 404');
    expect(error.message).toContain('Check SANITY_PROJECT_ID and SANITY_DATASET.');
    expect(server.queryCount()).toBe(1);
  });
});
