import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse, type Http2Session } from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import { evaluate, parse } from 'groq-js';
import { readNdjson } from '../../content-models/ndjson';
import { ContentLake, LakeError, type ListenerOptions } from './content-lake';

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
 *
 * With `studio`, it also stands in for the rest of the API a Sanity Studio needs in a browser
 * (sessions, grants, listeners, document fetches, mutations, actions; see `handleStudio`), over
 * HTTP/2 and TLS when `tls` is given: the Studio keeps several event streams open at once, and
 * HTTP/1.1's six connections per host would leave its document loads waiting behind them. Every
 * request it cannot answer is listed in `unknownEndpoints`, the checklist for a Sanity upgrade.
 */

// The HTTP/2 compatibility API mirrors these two for everything used here.
type Req = IncomingMessage;
type Res = ServerResponse;

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
  /** Serve HTTPS (HTTP/2, with HTTP/1.1 for clients that only speak it) with this key pair. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Answer the endpoints a Studio of this project uses, as this user. */
  studio?: { projectId: string; user?: { id: string; name: string; email: string } };
}

export interface SanityApiServer {
  /** `http://127.0.0.1:PORT` (or `https://` with `tls`), to pass as `apiHost` / `SANITY_API_HOST`. */
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
  /** The dataset as it is now (after whatever a Studio wrote), drafts included. */
  readonly lake: ContentLake;
  /** `METHOD /path` of each request no route answered (versions and ids generalised), once each. */
  readonly unknownEndpoints: string[];
  /** `METHOD /path` of each endpoint that answered, generalised the same way, once each. */
  readonly knownEndpoints: string[];
  close(): Promise<void>;
}

const API_PATH = /^\/v([^/]+)\/data\/query\/([^/?]+)$/;

/** Starts the server on a random port of 127.0.0.1. */
export async function startSanityApiServer(options: SanityApiServerOptions): Promise<SanityApiServer> {
  const lake = new ContentLake(options.documents ?? (options.datasetFile ? readNdjson(options.datasetFile) : []));
  const unknownEndpoints: string[] = [];
  const knownEndpoints: string[] = [];
  const streams = new Set<Res>();
  const sessions = new Set<Http2Session>();
  const datasetName = options.dataset ?? 'production';
  const started = Date.now();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let plan: FaultPlan | undefined = options.faults;
  let queries = 0;
  /** Query requests that arrived before the current fault plan was set. */
  let planStart = 0;

  const faultFor = (n: number): Fault | undefined => (typeof plan === 'function' ? plan(n) : plan?.[n - 1]);

  const onRequest = (req: Req, res: Res) => {
    const origin = req.headers.origin;
    // The Studio runs on another origin than the API, as on any static host: CORS as the project's
    // allowed origin would get it (with credentials, the way Sanity answers an allowed origin).
    if (typeof origin === 'string') {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', String(req.headers['access-control-request-headers'] ?? 'authorization, content-type'));
      res.setHeader('Access-Control-Max-Age', '600');
      res.writeHead(204);
      res.end();
      return;
    }
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { description: `test server: ${(error as Error).message}` } });
      else destroy(res);
    });
  };
  const server = options.tls
    ? createSecureServer({ allowHTTP1: true, cert: options.tls.cert, key: options.tls.key }, (req: Http2ServerRequest, res: Http2ServerResponse) =>
        onRequest(req as unknown as Req, res as unknown as Res),
      )
    : createServer((req, res) => onRequest(req, res));
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // The Studio's presence channel (bifur) is a WebSocket on `/socket/{dataset}`. The stand-in
  // completes the handshake and keeps it open, silent: nobody else is editing.
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = req.headers['sec-websocket-key'];
    if (!options.studio || !/^\/v[^/]+\/socket\//u.test(url.pathname) || typeof key !== 'string') {
      remember(unknownEndpoints, 'WS', url.pathname);
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    remember(knownEndpoints, 'WS', url.pathname);
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.on('data', () => {});
    socket.on('error', () => {});
  });
  server.on('session', (session: Http2Session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });

  const remember = (list: string[], method: string, pathname: string) => {
    const key = `${method} ${generalise(pathname)}`;
    if (!list.includes(key)) list.push(key);
  };

  async function handle(req: Req, res: Res) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = API_PATH.exec(url.pathname);
    const body = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH' ? await readBody(req) : '';
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

    if (!match && options.studio && (await handleStudio(req, res, url, body))) {
      remember(knownEndpoints, record.method, url.pathname);
      return;
    }
    if (!match || (req.method !== 'GET' && req.method !== 'POST')) {
      remember(unknownEndpoints, record.method, url.pathname);
      sendJson(res, 404, { error: 'Not Found', message: `test server: no route for ${req.method} ${url.pathname}` });
      return;
    }
    if (options.studio) remember(knownEndpoints, record.method, url.pathname);
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
    const visible = visibleTo(lake.all(), perspective, authorization !== undefined);
    const begun = performance.now();
    let result: unknown;
    try {
      result = await (await evaluate(parse(emulateTextQuery(query), { params }), { dataset: visible, params })).get();
    } catch (error) {
      sendJson(res, 400, { error: { description: (error as Error).message, type: 'queryParseError', query, start: 0, end: 0 } });
      return;
    }
    if (fault?.kind === 'no-event' && result && typeof result === 'object') result = { ...(result as object), event: null };
    sendJson(res, 200, { ms: Math.round(performance.now() - begun), query, result });
  }

  /**
   * The Studio's own endpoints, beyond queries. Returns false for a path it does not know, which the
   * caller then answers with 404 and lists in `unknownEndpoints`.
   */
  async function handleStudio(req: Req, res: Res, url: URL, body: string): Promise<boolean> {
    const studio = options.studio;
    if (!studio) return false;
    const path = url.pathname.replace(/^\/v[^/]+/u, '');
    const method = req.method ?? 'GET';
    const user = studio.user ?? { id: 'e2e-editor', name: 'Editora de prueba', email: 'editora@example.org' };
    const json = (value: unknown, status = 200) => {
      sendJson(res, status, value);
      return true;
    };
    // The Live Content API's event stream (used by the Presentation tool): open, and quiet.
    if (/^\/data\/live\/events\/[^/]+$/u.test(path) && method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.write('event: welcome\ndata: {}\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return true;
    }
    if (path === '/check/cors') return json({ ok: true });
    const data = /^\/data\/([a-z]+)\/([^/]+)(?:\/(.+))?$/u.exec(path);
    if (data) {
      const [, endpoint, ds, rest] = data;
      if (ds !== datasetName) return json({ error: { description: `Dataset "${ds}" not found`, type: 'httpNotFound' } }, 404);
      try {
        if (endpoint === 'listen' && method === 'GET') return listen(req, res, url);
        if (endpoint === 'doc' && method === 'GET' && rest) {
          const ids = rest.split(',').map((id) => decodeURIComponent(id));
          const documents = ids.map((id) => lake.get(id)).filter((doc) => doc !== undefined);
          return json({ documents, omitted: ids.filter((id) => !lake.get(id)).map((id) => ({ id, reason: 'existence' })) });
        }
        if (endpoint === 'mutate' && method === 'POST') {
          const parsed = JSON.parse(body) as { mutations?: unknown[]; transactionId?: string };
          const txn = url.searchParams.get('transactionId') ?? parsed.transactionId;
          const result = lake.mutate(parsed.mutations ?? [], txn || undefined);
          return json({ transactionId: result.transactionId, results: result.results, documentIds: result.results.map((r) => r.id) });
        }
        if (endpoint === 'actions' && method === 'POST') {
          const parsed = JSON.parse(body) as { actions?: unknown[]; transactionId?: string; dryRun?: boolean };
          if (parsed.dryRun) return json({ transactionId: parsed.transactionId ?? 'dry-run' });
          return json(lake.actions(parsed.actions ?? [], parsed.transactionId));
        }
        // No history: a document's timeline starts empty; its transaction log is empty NDJSON.
        const events = rest ? /^events\/documents\/(.+)$/u.exec(rest) : null;
        if (endpoint === 'history' && events?.[1]) return json({ events: { [decodeURIComponent(events[1])]: [] }, nextCursor: '' });
        if (endpoint === 'history' && rest?.startsWith('transactions/')) {
          res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
          res.end('');
          return true;
        }
        if (endpoint === 'history') return json({ documents: [] });
        if (endpoint === 'ping') return json({ ok: true });
      } catch (error) {
        if (error instanceof LakeError) return json({ error: { description: error.message, type: error.type }, statusCode: error.status }, error.status);
        throw error;
      }
      return false;
    }
    if (path === '/users/me')
      return json({ ...user, profileImage: null, provider: 'sanity', role: 'administrator', roles: [{ name: 'administrator', title: 'Administrator' }] });
    if (path === `/projects/${studio.projectId}/datasets/${datasetName}/acl`) {
      return json([{ filter: '_id in path("**")', permissions: ['history', 'read', 'update', 'create'] }]);
    }
    if (path === `/projects/${studio.projectId}`) {
      return json({
        id: studio.projectId,
        displayName: 'Seminario-Taller CSS (pruebas)',
        studioHost: null,
        isBlocked: false,
        isDisabled: false,
        isDisabledByUser: false,
        metadata: {},
        members: [{ id: user.id, role: 'administrator', roles: [{ name: 'administrator', title: 'Administrator' }], isCurrentUser: true, isRobot: false }],
        features: [],
        organizationId: null,
      });
    }
    if (path === `/projects/${studio.projectId}/datasets`) {
      // No comments add-on dataset: the Studio would otherwise read our documents as comments.
      return json(url.searchParams.get('datasetProfile') === 'comments' ? [] : [{ name: datasetName, aclMode: 'private' }]);
    }
    if (path === `/projects/${studio.projectId}/features` || path === '/features') return json([]);
    if (path === `/projects/${studio.projectId}/user-applications` || path.startsWith('/user-applications')) return json([]);
    if (/^\/projects\/[^/]+\/grants$/u.test(path) || path.startsWith('/grants')) return json({});
    if (path.startsWith('/users/me/keyvalue')) return json(method === 'GET' ? [] : { ok: true });
    if (path.startsWith('/intake/telemetry-status')) return json({ status: 'denied' });
    if (path.startsWith('/intake/')) return json({ ok: true });
    if (path.startsWith('/journey/')) return json({ projectId: studio.projectId, templateName: null });
    if (path === '/ping') return json({ ok: true });
    if (path.startsWith('/schedules/')) return json({ schedules: [] });
    if (path === '/help') return json({});
    return false;
  }

  /** `/data/listen`: server-sent events, `welcome` first, then the changes its query sees. */
  function listen(req: Req, res: Res, url: URL): boolean {
    const params: Record<string, unknown> = {};
    for (const [key, value] of url.searchParams) {
      if (!key.startsWith('$')) continue;
      try {
        params[key.slice(1)] = JSON.parse(value);
      } catch {
        params[key.slice(1)] = value;
      }
    }
    const flag = (name: string, fallback: boolean) => {
      const value = url.searchParams.get(name);
      return value === null ? fallback : value === 'true';
    };
    const listenerOptions: ListenerOptions = {
      query: url.searchParams.get('query') ?? '*',
      params,
      // Sanity's defaults: the document and its mutations, no previous revision.
      includeResult: flag('includeResult', true),
      includeMutations: flag('includeMutations', true),
      includePreviousRevision: flag('includePreviousRevision', false),
      mendoza: url.searchParams.get('effectFormat') === 'mendoza',
    };
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    const send = (event: string, value: unknown) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(value)}\n\n`);
    };
    send('welcome', { listenerName: `e2e-${requests.length}` });
    streams.add(res);
    const stop = lake.listen(listenerOptions, send);
    req.on('close', () => {
      stop();
      streams.delete(res);
    });
    return true;
  }

  /** Returns true when the fault answered (or dropped) the request itself. */
  async function applyFault(fault: Fault, res: Res): Promise<boolean> {
    switch (fault.kind) {
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        return false;
      case 'hang':
        return true;
      case 'reset':
        destroy(res);
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
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    queryCount: () => queries,
    setFaults(faults) {
      plan = faults;
      planStart = queries;
    },
    setDocuments(next) {
      lake.replaceAll(next);
    },
    lake,
    unknownEndpoints,
    knownEndpoints,
    reset() {
      requests.length = 0;
      plan = undefined;
      queries = 0;
      planStart = 0;
    },
    close() {
      for (const stream of streams) stream.end();
      for (const session of sessions) session.destroy();
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve, reject) => server.close((error?: Error) => (error ? reject(error) : resolve())));
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

/**
 * groq-js has no `text::query()`, which the Studio's lists and search use as
 * `[@, _id] match text::query($__query)` (the query `*` while nothing is typed). The stand-in reads
 * it as the terms matching the document's id, Spanish title or name, which is what a list needs.
 */
function emulateTextQuery(query: string): string {
  return query.replace(/(?:\[@,\s*_id\]|@)\s+match\s+text::query\((\$[A-Za-z_]\w*)\)/gu, '($1 == "*" || _id match $1 || title.es match $1 || name match $1)');
}

/** A request path with its API version and document ids replaced by placeholders: one line per endpoint. */
function generalise(pathname: string): string {
  return pathname
    .replace(/^\/v[^/]+/u, '/v*')
    .replace(/^(\/v\*\/data\/doc\/[^/]+)\/.+$/u, '$1/{ids}')
    .replace(/^(\/v\*\/data\/history\/[^/]+\/[a-z]+)\/.+$/u, '$1/{…}')
    .replace(/^(\/v\*\/users\/me\/keyvalue)\/.+$/u, '$1/{key}');
}

function destroy(res: Res) {
  const stream = (res as unknown as Partial<Http2ServerResponse>).stream;
  if (stream) stream.destroy();
  else res.socket?.destroy();
}

function sendJson(res: Res, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readBody(req: Req): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
