import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createClient } from '@sanity/client';
import { evaluate, parse } from 'groq-js';
import { withRetries } from './retry';

/** Where content comes from: the same GROQ runs against each. */
export interface ContentSource {
  /** Human description for logs and error messages, never containing secrets. */
  readonly description: string;
  fetch<T>(query: string, params: Record<string, unknown>): Promise<T>;
}

/** The dataset committed in the repo: the default when no Sanity project is configured. */
export const EMBEDDED_DATASET = 'studio/seed/production.ndjson';

export class ContentSourceError extends Error {
  override name = 'ContentSourceError';
}

/**
 * Picks the source from the environment: `SANITY_PROJECT_ID` → the Content Lake through
 * @sanity/client; otherwise `CONTENT_DATASET_FILE` or the embedded export, queried with groq-js.
 */
export function sourceFromEnv(env: Record<string, string | undefined>, cwd = process.cwd()): ContentSource {
  const projectId = env.SANITY_PROJECT_ID?.trim();
  if (projectId) {
    return liveSource({
      projectId,
      dataset: env.SANITY_DATASET?.trim() || 'production',
      apiVersion: env.SANITY_API_VERSION?.trim() || '2025-02-19',
      token: env.SANITY_API_READ_TOKEN?.trim() || undefined,
      apiHost: env.SANITY_API_HOST?.trim() || undefined,
    });
  }
  const file = path.resolve(cwd, env.CONTENT_DATASET_FILE?.trim() || EMBEDDED_DATASET);
  return ndjsonSource(file);
}

/**
 * Parses a Sanity NDJSON export. Asset lines and blank lines are skipped; a malformed line fails
 * with its line number, since a half-read dataset would build a site with content missing.
 */
export function parseNdjson(text: string, file: string): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    let doc: unknown;
    try {
      doc = JSON.parse(line);
    } catch (error) {
      throw new ContentSourceError(`${file}:${index + 1}: not valid JSON (${(error as Error).message})`);
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc) || typeof (doc as { _id?: unknown })._id !== 'string') {
      throw new ContentSourceError(`${file}:${index + 1}: a document must be a JSON object with a string _id`);
    }
    docs.push(doc as Record<string, unknown>);
  }
  if (docs.length === 0) throw new ContentSourceError(`${file}: the dataset has no documents`);
  return docs;
}

/** groq-js over an NDJSON export, read once. */
export function ndjsonSource(file: string): ContentSource {
  let dataset: Promise<Record<string, unknown>[]> | undefined;
  const load = async () => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new ContentSourceError(`Cannot read the content dataset ${file}: ${(error as Error).message}`);
    }
    return parseNdjson(text, file);
  };
  return {
    description: `dataset file ${file}`,
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
  /** Whole-request budget including retries. */
  deadlineMs?: number;
}

/** The Content Lake, published documents only, through the CDN. */
export function liveSource(config: LiveSourceConfig): ContentSource {
  const client = createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: config.apiVersion,
    token: config.token,
    perspective: 'published',
    useCdn: !config.apiHost,
    // Retries are ours (withRetries): bounded, with a deadline and Retry-After, and tested.
    maxRetries: 0,
    timeout: 15_000,
    ...(config.apiHost ? { apiHost: config.apiHost, useProjectHostname: false } : {}),
  });
  const where = `Sanity project ${config.projectId}, dataset ${config.dataset}${config.apiHost ? ` at ${config.apiHost}` : ''}`;
  return {
    description: where,
    fetch<T>(query: string, params: Record<string, unknown>) {
      return withRetries(() => client.fetch<T>(query, params), {
        what: `query to ${where}`,
        deadlineMs: config.deadlineMs ?? 60_000,
      });
    },
  };
}
