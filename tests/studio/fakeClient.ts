/**
 * A stand-in for the Content Lake in validation tests: `fetch` answers GROQ with groq-js over
 * in-memory documents, which is what `validateDocument` needs to run custom rules offline.
 * Only the client methods validation uses are implemented; configuration (perspective, API
 * version) is accepted and ignored, so the documents given are what every query sees (`raw`).
 */
import type { ValidationClient } from '@sanity/validation';
import { evaluate, parse } from 'groq-js';

export interface FakeLake {
  client: ValidationClient;
  getDocumentExists: (options: { id: string }) => Promise<boolean>;
  /** Every query the rules ran, with its parameters, to check values travel as `$params`. */
  queries: { query: string; params: Record<string, unknown> }[];
}

export function createFakeLake(documents: readonly Record<string, unknown>[], options: { offline?: boolean } = {}): FakeLake {
  const queries: FakeLake['queries'] = [];
  const fetch = async (query: string, params: Record<string, unknown> = {}) => {
    queries.push({ query, params });
    if (options.offline) throw new Error('getaddrinfo ENOTFOUND placeholder.api.sanity.io');
    const result = await evaluate(parse(query, { params }), { dataset: documents, params });
    return result.get();
  };
  const client = {
    fetch,
    getDataUrl: (operation: string, path?: string) => `/data/${operation}/test/${path ?? ''}`,
    observable: {
      fetch: () => {
        throw new Error('observable.fetch is not used by these tests');
      },
      request: () => {
        throw new Error('observable.request is not used by these tests');
      },
    },
    withConfig: () => client,
    config: () => ({ apiVersion: '2025-01-01', dataset: 'test', projectId: 'test' }),
  };
  const ids = new Set(documents.map((document) => String(document._id)));
  return {
    client: client as unknown as ValidationClient,
    getDocumentExists: async ({ id }) => ids.has(id),
    queries,
  };
}
