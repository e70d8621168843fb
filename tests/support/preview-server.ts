import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './build';
import { freePort, stopProcessGroup } from './hosts';

/**
 * `npm run preview:drafts` (scripts/preview-drafts.mjs) as a child process for browser tests: the
 * draft preview the Studio's Presentation tool shows in its frame, reading a Sanity stand-in.
 */
export interface PreviewServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** What the server printed, for failure messages. */
  log(): string;
  close(): Promise<void>;
}

/**
 * Starts the preview against `apiHost` and waits for `firstPage` to answer 200 (the dev server
 * compiles on first request, so that first page is the slow one). `env` adds e.g. NODE_EXTRA_CA_CERTS.
 */
export async function startPreviewServer(options: {
  apiHost: string;
  projectId: string;
  token: string;
  env?: Record<string, string>;
  firstPage?: string;
}): Promise<PreviewServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {};
  // Nothing that picks the content source may leak in from the shell, nor vitest's NODE_ENV=test,
  // under which Vite's dev server answers every page with a 404.
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(SANITY_|CONTENT_|VITEST|SITE_URL$|NODE_ENV$|TEST$)/u.test(key)) env[key] = value;
  }
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'preview-drafts.mjs'), '--port', String(port)], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      SANITY_PROJECT_ID: options.projectId,
      SANITY_API_READ_TOKEN: options.token,
      SANITY_API_HOST: options.apiHost,
      ...options.env,
    },
  });
  let log = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  const close = () => stopProcessGroup(child);
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`preview-drafts.mjs exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${url}${options.firstPage ?? '/'}`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() - started > 120_000) {
      await close();
      throw new Error(`preview-drafts.mjs did not answer within 120 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, log: () => log, close };
}
