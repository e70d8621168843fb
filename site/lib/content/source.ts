import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SanityClient } from '@sanity/client';
import { evaluate, parse } from 'groq-js';
import { NdjsonError, parseNdjson } from '../../../content-models/ndjson';
import { ResponseError, type RetryOptions, withRetries } from './retry';

/**
 * Which documents a source sees, as in the Content Lake: `published` (what the public site is built
 * from) or `drafts` (every draft laid over its published document: the editors' preview).
 */
export type ContentPerspective = 'published' | 'drafts';

/** Where content comes from: the same GROQ runs against each. */
export interface ContentSource {
  /** Human description for logs and error messages, never containing secrets. */
  readonly description: string;
  /** `drafts` only for the draft preview (`npm run preview:drafts`); unset means `published`. */
  readonly perspective?: ContentPerspective;
  /**
   * The folder a dataset export's asset files (`image@file://./images/…`) are relative to: the
   * NDJSON file's own folder. Absent for the Content Lake, whose images are on its CDN.
   */
  readonly assetDir?: string;
  fetch<T>(query: string, params: Record<string, unknown>): Promise<T>;
}

/** The dataset committed in the repo: the default when no Sanity project is configured. */
export const EMBEDDED_DATASET = 'studio/seed/production.ndjson';

export class ContentSourceError extends Error {
  override name = 'ContentSourceError';
}

/**
 * The variable that turns on the draft preview. Only `scripts/preview-drafts.mjs` sets it, for the
 * `astro dev` it starts; `scripts/build.mjs` refuses to run while it is set, so no production build
 * can ever contain a draft.
 */
export const PERSPECTIVE_VARIABLE = 'CONTENT_PERSPECTIVE';

/**
 * Picks the source from the environment: `SANITY_PROJECT_ID` → the Content Lake through
 * @sanity/client; otherwise `CONTENT_DATASET_FILE` or the embedded export, queried with groq-js.
 * `CONTENT_PERSPECTIVE=drafts` makes either show drafts (the preview); the default is `published`.
 */
export function sourceFromEnv(env: Record<string, string | undefined>, cwd = process.cwd()): ContentSource {
  const perspective = perspectiveFrom(env[PERSPECTIVE_VARIABLE]);
  const projectId = env.SANITY_PROJECT_ID?.trim();
  if (projectId) {
    return liveSource({
      projectId,
      dataset: env.SANITY_DATASET?.trim() || 'production',
      apiVersion: env.SANITY_API_VERSION?.trim() || '2025-02-19',
      token: env.SANITY_API_READ_TOKEN?.trim() || undefined,
      apiHost: apiHostFrom(env.SANITY_API_HOST),
      deadlineMs: millisecondsFrom(env, 'SANITY_FETCH_DEADLINE_MS'),
      requestTimeoutMs: millisecondsFrom(env, 'SANITY_FETCH_TIMEOUT_MS'),
      perspective,
    });
  }
  const file = path.resolve(cwd, env.CONTENT_DATASET_FILE?.trim() || EMBEDDED_DATASET);
  return ndjsonSource(file, { perspective });
}

/** `published` unless the variable says `drafts`; anything else is a typo worth stopping for. */
function perspectiveFrom(raw: string | undefined): ContentPerspective {
  const value = raw?.trim();
  if (!value || value === 'published') return 'published';
  if (value === 'drafts') return 'drafts';
  throw new ContentSourceError(`${PERSPECTIVE_VARIABLE} must be "published" or "drafts", not ${JSON.stringify(value.slice(0, 40))}.`);
}

/** A positive whole number of milliseconds from the environment, or undefined when unset. */
function millisecondsFrom(env: Record<string, string | undefined>, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ContentSourceError(`${name} must be a positive whole number of milliseconds (e.g. 60000), not "${raw}".`);
  }
  return value;
}

function apiHostFrom(raw: string | undefined): string | undefined {
  const value = raw?.trim().replace(/\/+$/, '');
  if (!value) return undefined;
  // An origin only: no path, and no user:password@ that would end up in logs.
  if (!/^https?:\/\/[^/@]+$/.test(value)) {
    const shown = value.includes('@') ? 'a URL with credentials' : `"${value}"`;
    throw new ContentSourceError(`SANITY_API_HOST must be an origin such as http://127.0.0.1:3333, not ${shown}.`);
  }
  return value;
}

/** Whether a document id names a draft or a release version rather than a published document. */
export function isUnpublishedId(id: unknown): boolean {
  return typeof id === 'string' && /^(drafts|versions)\./.test(id);
}

/**
 * The documents a perspective sees in a raw export, as the Content Lake shows them. `published`:
 * published documents only. `drafts`: each draft (`drafts.X`) replaces its published document `X`
 * under the published id, with the draft's id kept in `_originalId`; drafts of documents never
 * published are included. Release versions (`versions.*`) are left out of both.
 *
 * @example
 * visibleDocuments([{ _id: 'a', n: 1 }, { _id: 'drafts.a', n: 2 }], 'drafts') // [{ _id: 'a', n: 2, _originalId: 'drafts.a' }]
 */
export function visibleDocuments(docs: Record<string, unknown>[], perspective: ContentPerspective): Record<string, unknown>[] {
  const byId = new Map<string, Record<string, unknown>>();
  for (const doc of docs) if (!isUnpublishedId(doc._id)) byId.set(doc._id as string, doc);
  if (perspective === 'drafts') {
    for (const doc of docs) {
      const id = /^drafts\.(.+)$/.exec(doc._id as string)?.[1];
      if (id) byId.set(id, { ...doc, _id: id, _originalId: doc._id });
    }
  }
  return [...byId.values()];
}

/**
 * groq-js over an NDJSON export, read once. Like the Content Lake's `published` perspective, it
 * sees published documents only by default: drafts and release versions in the export are left
 * out, so no query can reach them, whatever its filter. With `perspective: 'drafts'` it shows the
 * export as the draft preview would (see visibleDocuments).
 */
export function ndjsonSource(file: string, options: { perspective?: ContentPerspective } = {}): ContentSource {
  const perspective = options.perspective ?? 'published';
  let dataset: Promise<Record<string, unknown>[]> | undefined;
  const load = async () => {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new ContentSourceError(`Cannot read the content dataset ${file}: ${(error as Error).message}`);
    }
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      throw new ContentSourceError(
        `${file} is compressed (a \`sanity dataset export\` archive): extract it (tar -xzf) and point CONTENT_DATASET_FILE at its data.ndjson.`,
      );
    }
    try {
      return visibleDocuments(parseNdjson(bytes.toString('utf8'), file), perspective);
    } catch (error) {
      throw error instanceof NdjsonError ? new ContentSourceError(error.message) : error;
    }
  };
  return {
    description: `dataset file ${file}${perspective === 'drafts' ? ' (drafts)' : ''}`,
    perspective,
    assetDir: path.dirname(path.resolve(file)),
    async fetch<T>(query: string, params: Record<string, unknown>) {
      dataset ??= load();
      const docs = await dataset;
      const result = await evaluate(parse(query, { params }), { dataset: docs, params });
      return (await result.get()) as T;
    },
  };
}

export interface LiveSourceConfig {
  projectId: string;
  dataset: string;
  apiVersion: string;
  token?: string | undefined;
  /** Only for tests and proxies: a Sanity-compatible query API on another host. */
  apiHost?: string | undefined;
  /** Budget for the whole fetch, every retry and wait included. Default 60 s. */
  deadlineMs?: number | undefined;
  /** Budget for one request; never more than what is left of the deadline. Default 15 s. */
  requestTimeoutMs?: number | undefined;
  /** Retry tuning; see withRetries. */
  retry?: Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxDelayMs'> | undefined;
  /** `drafts` for the preview only, and then a token is required. Default `published`. */
  perspective?: ContentPerspective | undefined;
}

/**
 * The Content Lake, published documents only, from the live API rather than the API CDN: a build
 * triggered by a publish must see that publish, and the CDN may still serve the previous version
 * for a while (Sanity's advice for static builds). The token travels only in the Authorization
 * header and never appears in descriptions or errors.
 *
 * With `perspective: 'drafts'` (the preview) it reads drafts over published documents: Sanity's
 * `drafts` perspective (`previewDrafts` is its deprecated older name). Drafts are never public, so
 * that needs a token.
 */
export function liveSource(config: LiveSourceConfig): ContentSource {
  const perspective = config.perspective ?? 'published';
  if (perspective === 'drafts' && !config.token) {
    throw new ContentSourceError(
      'The drafts perspective needs SANITY_API_READ_TOKEN (a token with the Viewer role): drafts are never public, so without a token the preview would silently show published content only.',
    );
  }
  // Loaded on the first fetch, not with this module: a build from a dataset file (every test and
  // benchmark build) never needs @sanity/client and its dependencies, ~0.5 s of CPU to load.
  let client: Promise<SanityClient> | undefined;
  const clientFor = () =>
    (client ??= import('@sanity/client').then(({ createClient }) =>
      createClient({
        projectId: config.projectId,
        dataset: config.dataset,
        apiVersion: config.apiVersion,
        token: config.token,
        perspective,
        useCdn: false,
        // Retries are ours (withRetries): bounded, with a deadline and Retry-After, and tested.
        maxRetries: 0,
        ignoreBrowserTokenWarning: true,
        ...(config.apiHost ? { apiHost: config.apiHost, useProjectHostname: false } : {}),
      }),
    ));
  const where = `Sanity project ${config.projectId}, dataset ${config.dataset}${config.apiHost ? ` at ${config.apiHost}` : ''}${perspective === 'drafts' ? ' (drafts)' : ''}`;
  const requestTimeoutMs = config.requestTimeoutMs ?? 15_000;
  return {
    description: where,
    perspective,
    async fetch<T>(query: string, params: Record<string, unknown>) {
      const sanity = await clientFor();
      return withRetries(
        async ({ remainingMs }) => {
          const body: unknown = await sanity.fetch(query, params, {
            // The whole body, so that a cut-off or non-JSON answer is told apart from a null result.
            filterResponse: false,
            returnQuery: false,
            timeout: Math.max(1, Math.min(requestTimeoutMs, remainingMs)),
          });
          return resultOf(body) as T;
        },
        { what: `query to ${where}`, deadlineMs: config.deadlineMs ?? 60_000, secrets: [config.token], ...config.retry },
      );
    },
  };
}

/**
 * The `result` of a query API answer `{ ms, query, result }`. The client hands over the raw text
 * when the body is not JSON, so that case is caught here: a body cut off mid-way (a dropped
 * connection) is worth another try; well-formed JSON without `result` is not.
 */
export function resultOf(body: unknown): unknown {
  if (body === undefined || body === '') throw new ResponseError('the answer was empty', true);
  if (typeof body === 'string') {
    const start = body.trimStart();
    const looksLikeJson = start.startsWith('{') || start.startsWith('[');
    throw new ResponseError(
      looksLikeJson
        ? `the answer is not complete JSON (${body.length} characters that end mid-way: the connection was probably cut)`
        : `the answer is not JSON (it begins ${JSON.stringify(start.slice(0, 40))}); a proxy or a wrong SANITY_API_HOST may be answering instead of Sanity`,
      true,
    );
  }
  if (!body || typeof body !== 'object' || Array.isArray(body) || !('result' in body)) {
    const keys = body && typeof body === 'object' ? Object.keys(body).slice(0, 5).join(', ') : typeof body;
    throw new ResponseError(`the answer has no "result" (got ${keys || 'an empty object'}); is SANITY_API_HOST a Sanity query API?`, false);
  }
  return (body as { result: unknown }).result;
}
