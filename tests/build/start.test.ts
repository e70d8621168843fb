import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cloudflareHeaders, parseHeadersFile } from '../../site/lib/hosting/headers-file';
import { collectOutput } from '../support/child-output';
import { freePort } from '../support/hosts';

describe('npm start', () => {
  it('builds the embedded dataset, prints the local URL and serves it with the headers of dist/_headers, gzip and per-language 404s', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, PORT: String(port) },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collectOutput(child);
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
      expect(status, output.text).toBe(200);
      expect(body).toContain('<html lang="es">');
      expect(output.text).toContain(url);
      expect((await fetch(`${url}en/programme/`)).status).toBe(200);
      // Served as hosts serve it: the headers dist/_headers gives, gzip, and each language's 404.
      const home = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      const rules = parseHeadersFile(readFileSync('dist/_headers', 'utf8'));
      expect(home.headers.get('content-security-policy')).toBe(cloudflareHeaders(rules, '/').get('content-security-policy'));
      expect(home.headers.get('content-encoding')).toBe('gzip');
      expect((await fetch(`${url}embed/`)).headers.get('content-security-policy')).toContain('frame-ancestors *;');
      for (const [missing, lang] of [
        ['nada/', 'es'],
        ['en/nothing/', 'en'],
        ['pt/nada/', 'pt'],
      ] as const) {
        const res = await fetch(`${url}${missing}`);
        expect(res.status, missing).toBe(404);
        expect(await res.text(), missing).toContain(`<html lang="${lang}">`);
      }
      // Started from the test runner (NODE_ENV=test), the build must still ship its scripts whole:
      // a page's entry may be a few bytes that import a shared chunk, so its imports count with it.
      for (const [, src] of body.matchAll(/<script[^>]+src="([^"]+)"/g)) {
        const entry = new URL(src!, url);
        const code = await (await fetch(entry)).text();
        let total = code.length;
        for (const [, imported] of code.matchAll(/\bfrom\s*"(\.\/[^"]+)"/g)) {
          const res = await fetch(new URL(imported!, entry));
          expect(res.status, imported).toBe(200);
          total += (await res.text()).length;
        }
        expect(total, src).toBeGreaterThan(100);
      }
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  });
});
