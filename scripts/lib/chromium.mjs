// Finds a Chromium or Chrome for the browser tests: an explicit CHROME_PATH or CHROMIUM_PATH, then
// Debian's package, then the Google Chrome that GitHub's Ubuntu runners ship. Only when none is
// there does it install Debian's chromium (root) or name the command to run (apt.mjs).
import { existsSync } from 'node:fs';
import { aptInstall, installHint, isRoot } from './apt.mjs';

const DEBIAN = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const CHROME = ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'];

/**
 * The browser to use and where it was found, or undefined.
 * @returns {{ path: string, source: string } | undefined}
 */
export function findChromium() {
  for (const name of ['CHROME_PATH', 'CHROMIUM_PATH']) {
    const fromEnv = process.env[name];
    if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, source: name };
  }
  const debian = DEBIAN.find((p) => existsSync(p));
  if (debian) return { path: debian, source: "Debian's chromium" };
  const chrome = CHROME.find((p) => existsSync(p));
  if (chrome) return { path: chrome, source: 'Google Chrome' };
  return undefined;
}

/**
 * A usable browser, installing Debian's chromium when there is none and we are root.
 * @returns {{ ok: true, path: string, source: string } | { ok: false, message: string }}
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return { ok: true, ...found };
  const packages = ['chromium', 'fonts-dejavu-core'];
  if (!isRoot()) return { ok: false, message: installHint('The browser tests need Chromium or Chrome (or CHROME_PATH naming one).', ['chromium']) };
  const after = aptInstall(packages, 'needed by the browser tests') ? findChromium() : undefined;
  if (after) return { ok: true, ...after };
  return { ok: false, message: 'apt-get could not install chromium; run `apt-get update && apt-get install -y chromium` and try again.' };
}
