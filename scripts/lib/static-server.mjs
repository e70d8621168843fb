// The local static host of `npm start`, the browser tests and the benchmark: sirv over a built
// site with gzip (as hosts send it), the headers `dist/_headers` gives applied the way Cloudflare
// Pages applies them, `dir` → 308 to `dir/`, and a missing path answered with its language's 404
// page and status 404. So what a developer sees locally is what the public gets. Loopback only, a
// port chosen by the OS unless one is asked for; it records every path requested so tests can
// assert what a page fetched. Plain ESM (with `.ts` imports Node 24 strips) so `npm run bench` and
// `npm start` run it without a TS loader.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import compression from 'compression';
import sirv from 'sirv';
import { cloudflareHeaders, parseHeadersFile } from '../../site/lib/hosting/headers-file.ts';
import { COMPRESSIBLE_MEDIA_TYPES, contentTypeFor, notFoundPageFor } from '../../site/lib/hosting/policy.ts';

/** Files hosts read as configuration and never serve. */
const HOST_FILES = new Set(['/_headers', '/_redirects']);

/**
 * @typedef {object} StaticServer
 * @property {string} origin `http://127.0.0.1:<port>`, no trailing slash.
 * @property {string} host `127.0.0.1:<port>`, as it appears in a request URL's `host`.
 * @property {number} port
 * @property {string} root Absolute path of the folder served.
 * @property {string[]} requests Every path requested (with query), in order.
 * @property {(urlPath?: string) => string} url Absolute URL of a path on this server.
 * @property {() => void} clearRequests Empties `requests`.
 * @property {() => Promise<void>} close Stops the server and drops open connections.
 */

/**
 * Serves `root` on 127.0.0.1 (or `host`) at a free port (or `port`).
 * @param {{ root?: string, host?: string, port?: number, fallback?: string }} [options] `root` defaults to `dist/` under
 *   the current directory. `fallback` (e.g. `index.html`) answers unknown paths without an extension with that file
 *   and status 200: the "single-page app" rewrite a static host needs for the Studio, whose routes exist only in its script.
 * @returns {Promise<StaticServer>}
 * @example
 * const server = await startStaticServer({ root: 'dist' });
 * await page.goto(server.url('/programa/'));
 * await server.close();
 */
export async function startStaticServer(options = {}) {
  const root = path.resolve(options.root ?? 'dist');
  const headersPath = path.join(root, '_headers');
  // Read once: a build rewrites _headers with new hashes only together with new pages, and a
  // server is started per build.
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  /** @param {import('node:http').ServerResponse} res @param {string} urlPath */
  const applyRules = (res, urlPath) => {
    for (const [name, value] of cloudflareHeaders(rules, urlPath)) res.setHeader(name, value);
  };
  const files = sirv(root, {
    // Look files up per request, as nginx does: a test may publish a new file (a rebuilt sw.js)
    // into a folder being served, and a cached size would then cut or pad it.
    dev: true,
    etag: true,
    dotfiles: false,
    setHeaders: (res, pathname) => {
      // A path without an extension is a page (`dir/index.html` or `name.html`).
      res.setHeader('Content-Type', path.extname(pathname) ? contentTypeFor(pathname) : contentTypeFor('index.html'));
      applyRules(res, pathname);
    },
  });
  const gzip = compression({
    filter: (_req, res) => COMPRESSIBLE_MEDIA_TYPES.includes(String(res.getHeader('content-type') ?? '').split(';')[0] ?? ''),
  });
  /** @type {string[]} */
  const requests = [];
  const fallback = options.fallback;
  const server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    gzip(/** @type {any} */ (req), /** @type {any} */ (res), () => {
      try {
        handle(req, res);
      } catch (error) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`Internal error: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  });

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      notFound(res, url.pathname, req.method === 'HEAD');
      return;
    }
    if (pathname.includes('\u0000') || HOST_FILES.has(pathname)) {
      notFound(res, url.pathname, req.method === 'HEAD');
      return;
    }
    // A folder asked without its slash: redirect, as hosts do, so relative URLs resolve inside it.
    if (!pathname.endsWith('/') && isFile(root, path.join(pathname, 'index.html'))) {
      applyRules(res, url.pathname);
      res.writeHead(308, { location: `${url.pathname}/${url.search}` });
      res.end();
      return;
    }
    files(req, res, () => {
      if (fallback && !path.extname(pathname) && isFile(root, fallback)) {
        const body = readFileSync(path.join(root, fallback));
        res.writeHead(200, { 'content-type': contentTypeFor(fallback), 'content-length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      notFound(res, url.pathname, req.method === 'HEAD');
    });
  }

  /** @param {import('node:http').ServerResponse} res @param {string} urlPath @param {boolean} headOnly */
  function notFound(res, urlPath, headOnly) {
    const page = path.join(root, notFoundPageFor(urlPath));
    applyRules(res, urlPath);
    if (!isFile(root, notFoundPageFor(urlPath))) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const body = readFileSync(page);
    res.writeHead(404, { 'content-type': contentTypeFor(page), 'content-length': body.length });
    res.end(headOnly ? undefined : body);
  }

  // Keep-alive sockets would hold close() open until they time out.
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server: no TCP address');
  const port = address.port;
  const hostName = options.host ?? '127.0.0.1';
  const origin = `http://${hostName}:${port}`;
  return {
    origin,
    host: `${hostName}:${port}`,
    port,
    root,
    requests,
    url: (urlPath = '/') => new URL(urlPath, origin).href,
    clearRequests: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}

/**
 * @param {string} root
 * @param {string} urlPath decoded path inside the site
 */
function isFile(root, urlPath) {
  const target = path.join(root, urlPath);
  if (target !== root && !target.startsWith(root + path.sep)) return false;
  try {
    return statSync(target).isFile();
  } catch {
    return false;
  }
}
