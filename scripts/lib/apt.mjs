// Installs Debian packages the suite needs when they are missing and we are root (as on CI), and
// otherwise names the one command a person must run: the suite never skips a test silently.
import { spawnSync } from 'node:child_process';

/** Whether this process may run apt-get itself. */
export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * `apt-get update && apt-get install -y <packages>`, printing why.
 * @param {string[]} packages
 * @param {string} why what needs them, for the log line
 * @returns {boolean} whether apt-get succeeded
 */
export function aptInstall(packages, why) {
  console.log(`▶ Installing Debian ${packages.join(', ')} with apt-get (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  return spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env }).status === 0;
}

/**
 * The message for someone who is not root: the one command to run.
 * @param {string} what
 * @param {string[]} packages
 */
export function installHint(what, packages) {
  return `${what} Install it with:\n\n  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}\n\nthen run npm test again.`;
}
