// Finds nginx for the host tests (NGINX_PATH, or the system's), installing Debian's package when
// it is missing and we are root, like chromium.mjs does for the browser.
import { existsSync } from 'node:fs';
import { aptInstall, installHint, isRoot } from './apt.mjs';

const CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];

/** The nginx binary, or undefined. */
export function findNginx() {
  const fromEnv = process.env.NGINX_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}

/**
 * nginx, installed with apt-get when missing and root.
 * @returns {{ ok: true, path: string } | { ok: false, message: string }}
 */
export function ensureNginx() {
  const found = findNginx();
  if (found) return { ok: true, path: found };
  if (!isRoot()) return { ok: false, message: installHint('The hosting tests serve the site with nginx.', ['nginx']) };
  const after = aptInstall(['nginx'], 'needed by the hosting tests') ? findNginx() : undefined;
  if (after) return { ok: true, path: after };
  return { ok: false, message: 'apt-get could not install nginx; run `apt-get update && apt-get install -y nginx` and try again.' };
}
