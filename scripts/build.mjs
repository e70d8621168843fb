#!/usr/bin/env node
// Builds the site into a fresh folder and only then swaps it into place, so a failed build
// (bad content, dead API) never leaves a partial or empty dist/ where the last good one was.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const target = path.resolve(root, process.env.BUILD_OUT_DIR ?? 'dist');
const staging = `${target}.staging-${process.pid}`;
const previous = `${target}.previous-${process.pid}`;

rmSync(staging, { recursive: true, force: true });
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_OUT_DIR: staging, ASTRO_TELEMETRY_DISABLED: '1' },
});
const built = result.status === 0 && existsSync(path.join(staging, 'index.html')) && readdirSync(staging).length > 0;
if (!built) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed: ${existsSync(target) ? `${path.relative(root, target)}/ still holds the previous build` : 'nothing was published'}.`);
  process.exit(result.status || 1);
}
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
console.log(`Built ${path.relative(root, target) || '.'}/`);
