import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { evaluate, parse } from 'groq-js';
import { readNdjson } from '../../content-models/ndjson';

/**
 * A stand-in for Sanity's query API on 127.0.0.1, for tests of the live content source: it answers
 * `GET /v{apiVersion}/data/query/{dataset}?query=…&$param=<json>` and the `POST` form with a JSON
 * body `{ query, params }` (what @sanity/client sends for long queries) with groq-js over an
 * NDJSON export, the way the Content Lake does: `{ ms, query, result }`.
 *
 * Point the real client at it with `apiHost: server.url, useProjectHostname: false, useCdn: false`;
 * the client then requests `${apiHost}/v${apiVersion}/data/query/${dataset}` (see `_getDataUrl`
 * and `initConfig` in @sanity/client) and sends the token as `Authorization: Bearer …`.
 *
 * Perspectives as the Content Lake applies them: `published` (the default from API v2025-02-19)
 * hides drafts and release versions; `raw` shows every document; `drafts` (and its deprecated name
 * `previewDrafts`) lays each `drafts.X` over `X` under the published id, keeping the draft's id in
 * `_originalId`. Drafts are private, so a `drafts` request without an Authorization header sees
 * published documents only, as an unauthenticated request to Sanity would.
 *
 * Faults are injected per query request, in arrival order, to exercise retries and error reports.
 */

/** What the server does instead of (or before) answering a query request normally. */
export type Fault =
  /** Waits, then answers normally. */
  | { kind: 'delay'; ms: number }
  /** Never answers (until the client gives up or the server closes): a timeout. */
  | { kind: 'hang' }
  /** An HTTP error with a Sanity-style JSON error body. */
  | { kind: 'status'; status: number; message?: string }
  /** 429 Too Many Requests with a `Retry-After` header (seconds or an HTTP date). */
  | { kind: 'rate-limit'; retryAfter: string }
  /** 200 whose JSON body is cut off half-way, as when a connection drops mid-response. */
  | { kind: 'truncated' }
  /** 200 with `Content-Type: application/json` and a body that is not JSON at all. */
  | { kind: 'malformed' }
  /** 200 with valid JSON of the wrong shape, e.g. `{ "result": "oops" }` or `{}`. */
  | { kind: 'body'; body: unknown }
  /** The normal answer with the event removed from the result (a dataset without its singleton). */
  | { kind: 'no-event' }
  /** The connection is reset before any response. */
  | { kind: 'reset' };

/** Chooses the fault for the n-th query request (1-based); `undefined` answers normally. */
export type FaultPlan = Fault[] | ((request: number) => Fault | undefined);

export interface RecordedRequest {
  method: string;
  path: string;
  apiVersion: string | undefined;
  dataset: string | undefined;
  query: string | undefined;
  params: Record<string, unknown>;
  perspective: string | undefined;
  authorization: string | undefined;
  /** Milliseconds since the server started. */
  at: number;
  fault: Fault | undefined;
}

export interface SanityApiServerOptions {
  /** NDJSON export to answer from. */
  datasetFile?: string;
  /** Or the documents themselves. */
  documents?: Record<string, unknown>[];
  /** Only this dataset name exists; others answer 404 like the Content Lake. Default `production`. */
  dataset?: string;
  /** When set, requests must carry `Authorization: Bearer <token>`; others get 401. */
  token?: string;
  faults?: FaultPlan;
}

export interface SanityApiServer {
  /** `http://127.0.0.1:PORT`, to pass as `apiHost` / `SANITY_API_HOST`. */
  readonly url: string;
  readonly port: number;
  /** Every request, in arrival order (query requests and anything else). */
  readonly requests: RecordedRequest[];
  /** How many query requests arrived since the start or the last `reset()`. */
  queryCount(): number;
  /** Replaces the fault plan; its first entry applies to the next query request. */
  setFaults(faults: FaultPlan | undefined): void;
  /** Forgets recorded requests and faults. */
  reset(): void;
  /** Replaces the dataset, as an edit in the Studio would: the next query sees the new documents. */
  setDocuments(documents: Record<string, unknown>[]): void;
  close(): Promise<void>;
}

const API_PATH = /^\/v([^/]+)\/data\/query\/([^/?]+)$/;

/** Starts the server on a random port of 127.0.0.1. */
export async function startSanityApiServer(options: SanityApiServerOptions): Promise<SanityApiServer> {
  let documents = options.documents ?? (options.datasetFile ? readNdjson(options.datasetFile) : []);
  const datasetName = options.dataset ?? 'production';
  const started = Date.now();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let plan: FaultPlan | undefined = options.faults;
  let queries = 0;
  /** Query requests that arrived before the current fault plan was set. */
  let planStart = 0;

  const faultFor = (n: number): Fault | undefined => (typeof plan === 'function' ? plan(n) : plan?.[n - 1]);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { description: `test server: ${(error as Error).message}` } });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = API_PATH.exec(url.pathname);
    const body = req.method === 'POST' ? await readBody(req) : '';
    let query: string | undefined;
    let params: Record<string, unknown> = {};
    let badParams: string | undefined;
    if (req.method === 'POST') {
      try {
        const parsed = JSON.parse(body) as { query?: unknown; params?: unknown };
        query = typeof parsed.query === 'string' ? parsed.query : undefined;
        params = parsed.params && typeof parsed.params === 'object' ? (parsed.params as Record<string, unknown>) : {};
      } catch {
        badParams = 'the request body is not JSON';
      }
    } else {
      query = url.searchParams.get('query') ?? undefined;
      for (const [key, value] of url.searchParams) {
        if (!key.startsWith('$')) continue;
        try {
          params[key.slice(1)] = JSON.parse(value);
        } catch {
          badParams = `parameter ${key} is not JSON`;
        }
      }
    }
    const authorization = req.headers.authorization;
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      apiVersion: match?.[1],
      dataset: match?.[2],
      query,
      params,
      perspective: url.searchParams.get('perspective') ?? undefined,
      authorization,
      at: Date.now() - started,
      fault: undefined,
    };
    requests.push(record);

    if (!match || (req.method !== 'GET' && req.method !== 'POST')) {
      sendJson(res, 404, { error: 'Not Found', message: `test server: no route for ${req.method} ${url.pathname}` });
      return;
    }
    queries++;
    const fault = faultFor(queries - planStart);
    record.fault = fault;

    if (options.token !== undefined && authorization !== `Bearer ${options.token}`) {
      sendJson(res, 401, { error: 'Unauthorized', message: 'Session does not match project host', statusCode: 401 });
      return;
    }
    if (fault && (await applyFault(fault, res))) return;
    if (match[2] !== datasetName) {
      sendJson(res, 404, { error: { description: `Dataset "${match[2]}" not found for project ID "test"`, type: 'httpNotFound' } });
      return;
    }
    if (badParams || !query) {
      sendJson(res, 400, { error: { description: badParams ?? 'Missing query', type: 'queryParseError' } });
      return;
    }
    const perspective = record.perspective ?? (match[1] && match[1] >= '2025-02-19' ? 'published' : 'raw');
    const visible = visibleTo(documents, perspective, authorization !== undefined);
    const begun = performance.now();
    let result: unknown;
    try {
      result = await (await evaluate(parse(query, { params }), { dataset: visible, params })).get();
    } catch (error) {
      sendJson(res, 400, { error: { description: (error as Error).message, type: 'queryParseError', query, start: 0, end: 0 } });
      return;
    }
    if (fault?.kind === 'no-event' && result && typeof result === 'object') result = { ...(result as object), event: null };
    sendJson(res, 200, { ms: Math.round(performance.now() - begun), query, result });
  }

  /** Returns true when the fault answered (or dropped) the request itself. */
  async function applyFault(fault: Fault, res: ServerResponse): Promise<boolean> {
    switch (fault.kind) {
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        return false;
      case 'hang':
        return true;
      case 'reset':
        res.socket?.destroy();
        return true;
      case 'status':
        sendJson(res, fault.status, { error: { description: fault.message ?? `Injected HTTP ${fault.status}`, type: 'injected' } });
        return true;
      case 'rate-limit':
        res.setHeader('Retry-After', fault.retryAfter);
        sendJson(res, 429, { error: { description: 'API rate limit exceeded', type: 'rateLimited' } });
        return true;
      case 'truncated': {
        const full = JSON.stringify({ ms: 1, query: 'x', result: { event: { _id: 'event', name: { text: 'Cortado', lang: 'es' } } } });
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(full.slice(0, Math.floor(full.length / 2)));
        return true;
      }
      case 'malformed':
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end('<html><body>Bad gateway (proxy page)</body></html>');
        return true;
      case 'body':
        sendJson(res, 200, fault.body);
        return true;
      case 'no-event':
        return false;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    queryCount: () => queries,
    setFaults(faults) {
      plan = faults;
      planStart = queries;
    },
    setDocuments(next) {
      documents = next;
    },
    reset() {
      requests.length = 0;
      plan = undefined;
      queries = 0;
      planStart = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** The documents a query sees under a perspective (see the comment at the top of this file). */
function visibleTo(documents: Record<string, unknown>[], perspective: string, authenticated: boolean): Record<string, unknown>[] {
  if (perspective === 'raw') return documents;
  const published = documents.filter((d) => !/^(drafts|versions)\./.test(String(d._id)));
  if ((perspective !== 'drafts' && perspective !== 'previewDrafts') || !authenticated) return published;
  const byId = new Map(published.map((d) => [String(d._id), d]));
  for (const draft of documents) {
    const id = /^drafts\.(.+)$/.exec(String(draft._id))?.[1];
    if (id) byId.set(id, { ...draft, _id: id, _originalId: draft._id });
  }
  return [...byId.values()];
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
