import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'studio', 'dist');

function directorySize(path: string): number {
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(join(entry.parentPath, entry.name)).size, 0);
}

describe('the Studio', () => {
  it('builds offline with `npm run build --workspace studio`', { timeout: 180_000 }, () => {
    const started = performance.now();
    const { status, stdout, stderr } = spawnSync('npm', ['run', 'build', '--workspace', 'studio'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SANITY_TELEMETRY_DISABLED: '1' },
      timeout: 170_000,
    });
    const seconds = (performance.now() - started) / 1000;

    expect(status, `${stdout}\n${stderr}`).toBe(0);
    expect(existsSync(join(dist, 'index.html'))).toBe(true);

    const megabytes = directorySize(dist) / 1024 / 1024;
    console.info(`Studio build: ${seconds.toFixed(1)} s, studio/dist ${megabytes.toFixed(1)} MB`);
    // A bundle this small means a half-failed build (a whole one measured about 9 MB).
    expect(megabytes).toBeGreaterThan(2);
  });
});
