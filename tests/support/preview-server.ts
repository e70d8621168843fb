import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { repoRoot } from './build';

/** A free TCP port on 127.0.0.1 (closed again at once, for a server started next). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface DraftPreview {
  url: string;
  log(): string;
  stop(): Promise<void>;
}

/**
 * `npm run preview:drafts` (scripts/preview-drafts.mjs) on `port`, with the given settings and
 * nothing of this process's Sanity settings or vitest's own variables (under which Vite answers
 * 404). Resolves once the home page answers; `stop` ends its whole process group.
 */
export async function startDraftPreview(port: number, settings: Record<string, string>, { timeoutMs = 180_000 } = {}): Promise<DraftPreview> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(SANITY_|CONTENT_|VITEST|SITE_URL$|NODE_ENV$|TEST$)/.test(key)) env[key] = value;
  }
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'preview-drafts.mjs'), '--port', String(port)], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...settings },
  });
  let log = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    log += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    log += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-(child.pid as number), name);
      } catch {
        // Already gone.
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`preview-drafts.mjs exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`preview-drafts.mjs did not answer within ${timeoutMs / 1000} s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { url, log: () => log, stop };
}
