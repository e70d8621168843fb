import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('npm start', () => {
  it('builds the embedded dataset, prints the local URL and serves the home page with 200', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, PORT: String(port) },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => {
      output += c;
    });
    child.stderr.on('data', (c) => {
      output += c;
    });
    try {
      const url = `http://127.0.0.1:${port}/`;
      const deadline = Date.now() + 120_000;
      let status = 0;
      let body = '';
      while (Date.now() < deadline) {
        try {
          const res = await fetch(url);
          status = res.status;
          body = await res.text();
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      expect(status, output).toBe(200);
      expect(body).toContain('<html lang="es">');
      expect(output).toContain(url);
      expect((await fetch(`${url}en/programme/`)).status).toBe(200);
      // Started from the test runner (NODE_ENV=test), the build must still ship its scripts whole.
      for (const [, src] of body.matchAll(/<script[^>]+src="([^"]+)"/g)) {
        expect((await (await fetch(new URL(src!, url))).text()).length, src).toBeGreaterThan(100);
      }
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  });
});
