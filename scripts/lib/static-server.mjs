// A tiny static file server over a built site, for the browser tests and the benchmark: loopback
// only, a free port chosen by the OS, the content types a static host sends, `dir/` → `dir/index.html`,
// and unknown paths answered with the nearest 404 page (`/en/…` → en/404/index.html, else 404.html)
// and status 404, as common static hosts do. It records every path requested so tests can assert
// what a page fetched. Plain ESM so `npm run bench` can use it without a TS loader.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

/** Content types by extension; anything else is served as bytes. */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** Languages with their own 404 page under `/<lang>/404/`; the rest fall back to `/404.html`. */
const LOCALISED_404 = ['en', 'pt'];

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
 * Serves `root` on 127.0.0.1 at a free port.
 * @param {{ root?: string, fallback?: string }} [options] `root` defaults to `dist/` under the current
 *   directory. `fallback` (e.g. `index.html`) answers unknown paths with that file and status 200, the
 *   "single-page app" rewrite a static host needs for the Studio, whose routes exist only in its script.
 * @returns {Promise<StaticServer>}
 * @example
 * const server = await startStaticServer({ root: 'dist' });
 * await page.goto(server.url('/programa/'));
 * await server.close();
 */
export async function startStaticServer(options = {}) {
  const root = path.resolve(options.root ?? 'dist');
  /** @type {string[]} */
  const requests = [];
  const fallback = options.fallback ? path.join(root, options.fallback) : undefined;
  const server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    handle(root, req, res, fallback).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Internal error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  // Keep-alive sockets would hold close() open until they time out.
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server: no TCP address');
  const port = address.port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    host: `127.0.0.1:${port}`,
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
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string | undefined} fallback
 */
async function handle(root, req, res, fallback) {
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
    pathname = '\u0000';
  }
  const file = pathname.includes('\u0000') ? null : await resolveFile(root, pathname);
  if (file === 'redirect') {
    res.writeHead(301, { location: `${url.pathname}/${url.search}` });
    res.end();
    return;
  }
  if (file) {
    await send(res, req.method === 'HEAD', file, 200);
    return;
  }
  if (fallback && !path.extname(pathname)) {
    await send(res, req.method === 'HEAD', fallback, 200);
    return;
  }
  const notFound = await notFoundPage(root, pathname);
  if (notFound) await send(res, req.method === 'HEAD', notFound, 404);
  else {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  }
}

/**
 * The file for a path: the file itself, `index.html` inside a folder, or 'redirect' for a folder
 * asked without its trailing slash (relative links inside it would otherwise break).
 * @param {string} root
 * @param {string} pathname decoded URL path
 * @returns {Promise<string | 'redirect' | null>}
 */
async function resolveFile(root, pathname) {
  const target = path.join(root, pathname);
  if (target !== root && !target.startsWith(root + path.sep)) return null;
  const info = await stat(target).catch(() => null);
  if (!info) return null;
  if (info.isFile()) return target;
  if (!info.isDirectory()) return null;
  if (!pathname.endsWith('/')) return 'redirect';
  const index = path.join(target, 'index.html');
  const indexInfo = await stat(index).catch(() => null);
  return indexInfo?.isFile() ? index : null;
}

/**
 * @param {string} root
 * @param {string} pathname
 * @returns {Promise<string | null>}
 */
async function notFoundPage(root, pathname) {
  const lang = pathname.split('/')[1] ?? '';
  const candidates = LOCALISED_404.includes(lang) ? [path.join(root, lang, '404', 'index.html'), path.join(root, '404.html')] : [path.join(root, '404.html')];
  for (const candidate of candidates) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {boolean} headOnly
 * @param {string} file
 * @param {number} status
 */
async function send(res, headOnly, file, status) {
  const info = await stat(file);
  const type = /** @type {Record<string, string>} */ (CONTENT_TYPES)[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(status, { 'content-type': type, 'content-length': info.size, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
  if (headOnly) {
    res.end();
    return;
  }
  await new Promise((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on('error', reject);
    res.on('finish', () => resolve(undefined));
    res.on('close', () => resolve(undefined));
    stream.pipe(res);
  });
}
