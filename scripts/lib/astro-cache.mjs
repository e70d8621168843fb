// Astro's incremental build (astro.config.mjs) keeps a copy of every keyed file it wrote (share
// cards, calendars) under their output paths, and a manifest of the key each was written with. It
// overwrites a copy before it writes the manifest, at the end: so a build that fails or is killed
// midway, or two builds at once, could leave the manifest naming an old key for a copy that now
// holds another build's file, and the next build would ship it as unchanged. This module hands
// the cache to one build at a time and forgets the manifest of a build that did not finish.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Takes Astro's cache folder in `cacheRoot` for this process: returns the folder to give Astro
 * (ASTRO_CACHE_DIR) and `finish(ok)` to call once Astro has exited. While another live build holds
 * the cache, this one gets a folder of its own (rendering every file, still reading the
 * content-keyed cache of site/lib/build-cache.ts) that `finish` deletes.
 * @param {string} cacheRoot BUILD_CACHE_DIR
 * @returns {{ dir: string, shared: boolean, finish(ok: boolean): void }}
 */
export function takeAstroCache(cacheRoot) {
  const dir = path.join(cacheRoot, 'astro');
  const lock = path.join(cacheRoot, 'astro.lock');
  const manifest = path.join(dir, 'incremental-build.json');
  mkdirSync(cacheRoot, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(lock);
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      if (holderAlive(lock)) break;
      // Left by a build that was killed: its copies may not match the manifest.
      rmSync(manifest, { force: true });
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    writeFileSync(path.join(lock, 'pid'), String(process.pid));
    return {
      dir,
      shared: true,
      finish(ok) {
        if (!ok) rmSync(manifest, { force: true });
        rmSync(lock, { recursive: true, force: true });
      },
    };
  }
  const own = path.join(cacheRoot, `astro-${process.pid}`);
  rmSync(own, { recursive: true, force: true });
  return { dir: own, shared: false, finish: () => rmSync(own, { recursive: true, force: true }) };
}

/** No build holds the cache longer (a 100× build takes ~15 minutes). */
const MAX_BUILD_MS = 2 * 60 * 60_000;

/**
 * Whether the process named in a lock folder still runs. A lock without its pid yet is a build
 * starting this instant, unless it is a minute old (one killed between the two steps).
 * @param {string} lock
 */
function holderAlive(lock) {
  let age = Number.POSITIVE_INFINITY;
  try {
    age = Date.now() - statSync(lock).mtimeMs;
  } catch {
    return false;
  }
  // Restored by the deploy workflow from a killed run, a pid may name another process here.
  if (age > MAX_BUILD_MS) return false;
  let pid = 0;
  try {
    pid = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    // No pid file yet.
  }
  if (!pid) return age < 60_000;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code !== 'ESRCH';
  }
}
