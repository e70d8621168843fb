import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NGINX_SNIPPET_DIR } from '../../site/lib/hosting/nginx';
import { repoRoot } from './build';

/**
 * Real hosts serving a built site on 127.0.0.1, for the hosting tests: Cloudflare Pages' own
 * simulator (`wrangler pages dev`, with the repository's wrangler.toml) and Debian's nginx with
 * the configuration in deploy/nginx/ as scripts/nginx-config.mjs writes it. Each is started once
 * per test file and stopped by it; a host that does not come up fails with its own output.
 */
export interface Host {
  name: string;
  origin: string;
  /** `127.0.0.1:<port>`, as in a request URL's `host` (what openPage keeps pages on). */
  host: string;
  url(urlPath?: string): string;
  /** What the host printed, for failure messages. */
  output(): string;
  close(): Promise<void>;
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls until the origin answers any HTTP status, the child exits, or the deadline passes. */
async function waitUntilUp(origin: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the host exited with ${child.exitCode} before answering:\n${output()}`);
    try {
      await fetch(origin, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`the host did not answer ${origin} within ${timeoutMs} ms:\n${output()}`);
}

function collect(child: ChildProcess): () => string {
  let text = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => {
    text += c;
  });
  child.stderr?.setEncoding('utf8').on('data', (c: string) => {
    text += c;
  });
  return () => text;
}

/** Stops a detached child and its process group (SIGTERM, then SIGKILL after 5 s), waiting for it to exit. */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }, 5000);
  await exited;
  clearTimeout(timer);
}

function host(name: string, port: number, child: ChildProcess, output: () => string, cleanup: () => void): Host {
  const origin = `http://127.0.0.1:${port}`;
  return {
    name,
    origin,
    host: `127.0.0.1:${port}`,
    url: (urlPath = '/') => new URL(urlPath, origin).href,
    output,
    close: async () => {
      await stopProcessGroup(child);
      cleanup();
    },
  };
}

/** The compatibility date pinned in wrangler.toml. */
export function wranglerCompatibilityDate(): string {
  const date = /^compatibility_date\s*=\s*"(\d{4}-\d{2}-\d{2})"/m.exec(readFileSync(path.join(repoRoot, 'wrangler.toml'), 'utf8'))?.[1];
  if (!date) throw new Error('wrangler.toml has no compatibility_date');
  return date;
}

/**
 * `wrangler pages dev <dist>`: Cloudflare Pages' local simulator, which applies `_headers` and finds
 * 404 pages as production does. Offline: no metrics, no fetch of the `Request.cf` sample, state in
 * a temporary folder, the inspector on a free port.
 */
export async function startWrangler(dist: string): Promise<Host> {
  const [port, inspector] = [await freePort(), await freePort()];
  const state = mkdtempSync(path.join(tmpdir(), 'sts-wrangler-'));
  const child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules', 'wrangler', 'bin', 'wrangler.js'),
      'pages',
      'dev',
      dist,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspector),
      '--persist-to',
      state,
      '--log-level',
      'warn',
      '--show-interactive-dev-session=false',
    ],
    {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: 'false',
        CLOUDFLARE_CF_FETCH_ENABLED: 'false',
        WRANGLER_LOG_PATH: path.join(state, 'logs'),
        CI: 'true',
        NO_COLOR: '1',
      },
    },
  );
  const output = collect(child);
  const cleanup = () => rmSync(state, { recursive: true, force: true });
  try {
    await waitUntilUp(`http://127.0.0.1:${port}/`, child, output, 90_000);
  } catch (error) {
    await stopProcessGroup(child);
    cleanup();
    throw error;
  }
  return host('Cloudflare Pages (wrangler pages dev)', port, child, output, cleanup);
}

/** The nginx binary: `npm test` finds or installs it and passes NGINX_PATH (scripts/lib/nginx.mjs). */
export function nginxPath(): string {
  return process.env.NGINX_PATH || '/usr/sbin/nginx';
}

/**
 * Debian's nginx in the foreground, as the invoking user (no master process, so no root needed),
 * with everything it writes in a temporary folder and the site configured only by
 * `scripts/nginx-config.mjs <dist> <tmp>/seminario` — the deploy step docs/hosting.md gives.
 */
export async function startNginx(dist: string): Promise<Host> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'sts-nginx-'));
  const generate = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'nginx-config.mjs'), dist, path.join(dir, NGINX_SNIPPET_DIR)], {
    encoding: 'utf8',
  });
  if (generate.status !== 0) throw new Error(`scripts/nginx-config.mjs failed:\n${generate.stdout}${generate.stderr}`);
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, 'temp', sub), { recursive: true });
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'master_process off;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      // One process serves every Chromium context of the file; closed contexts' sockets linger until keepalive ends.
      'events { worker_connections 512; }',
      'http {',
      '    access_log off;',
      '    keepalive_timeout 5s;',
      ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((sub) => `    ${sub === 'body' ? 'client_body' : sub}_temp_path ${dir}/temp/${sub};`),
      '    server {',
      `        listen 127.0.0.1:${port};`,
      '        server_name localhost;',
      `        include ${NGINX_SNIPPET_DIR}/site.conf;`,
      '    }',
      '}',
      '',
    ].join('\n'),
  );
  const test = spawnSync(nginxPath(), ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t refused the configuration:\n${test.stderr}`);
  const child = spawn(nginxPath(), ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const printed = collect(child);
  const output = () => {
    let log = '';
    try {
      log = readFileSync(path.join(dir, 'error.log'), 'utf8');
    } catch {}
    return `${printed()}${log}`;
  };
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    await waitUntilUp(`http://127.0.0.1:${port}/`, child, output, 20_000);
  } catch (error) {
    await stopProcessGroup(child);
    cleanup();
    throw error;
  }
  return host(`nginx (${spawnSync(nginxPath(), ['-v'], { encoding: 'utf8' }).stderr.trim()})`, port, child, output, cleanup);
}
