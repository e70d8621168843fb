// Finds Debian's Chromium for the browser tests, installing it with apt-get when it is missing and
// we are root (as on CI). Otherwise it names the one command a person must run: the suite never
// skips its browser tests silently.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return { ok: true, path: found };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    return {
      ok: false,
      message:
        "The browser tests need Debian's Chromium. Install it with:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n\nthen run npm test again.",
    };
  }
  console.log('▶ Installing Debian chromium with apt-get (needed by the browser tests)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install =
    update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], { stdio: 'inherit', env })
      : update;
  const after = findChromium();
  if (install.status === 0 && after) return { ok: true, path: after };
  return { ok: false, message: 'apt-get could not install chromium; run `apt-get update && apt-get install -y chromium` and try again.' };
}
