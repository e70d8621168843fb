import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeAstroCache } from '../../scripts/lib/astro-cache.mjs';

/** Astro's incremental cache is handed to one build at a time, and a build that did not finish loses its manifest. */
describe('takeAstroCache', () => {
  let root: string;
  const manifest = () => path.join(root, 'astro', 'incremental-build.json');
  const writeManifest = () => {
    mkdirSync(path.join(root, 'astro'), { recursive: true });
    writeFileSync(manifest(), '{}');
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'astro-cache-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('gives the shared folder to one build and a folder of its own to a build started meanwhile', () => {
    writeManifest();
    const first = takeAstroCache(root);
    expect(first).toMatchObject({ dir: path.join(root, 'astro'), shared: true });
    const second = takeAstroCache(root);
    expect(second.shared).toBe(false);
    expect(second.dir).not.toBe(first.dir);
    second.finish(true);
    expect(existsSync(second.dir)).toBe(false);
    first.finish(true);
    expect(existsSync(manifest())).toBe(true);
    // Released: the next build gets the shared folder again.
    const third = takeAstroCache(root);
    expect(third.shared).toBe(true);
    third.finish(true);
  });

  it('forgets the manifest of a build that failed, so the next one trusts no copy', () => {
    writeManifest();
    takeAstroCache(root).finish(false);
    expect(existsSync(manifest())).toBe(false);
    expect(takeAstroCache(root).shared).toBe(true);
  });

  it('takes over the lock of a build that was killed, forgetting its manifest', () => {
    writeManifest();
    // A pid that existed and has exited: a child that ran `true`.
    const gone = spawnSync('true').pid;
    mkdirSync(path.join(root, 'astro.lock'));
    writeFileSync(path.join(root, 'astro.lock', 'pid'), String(gone));
    const taken = takeAstroCache(root);
    expect(taken.shared).toBe(true);
    expect(existsSync(manifest())).toBe(false);
    taken.finish(true);
  });

  it('takes over a lock hours old even when its pid names a live process (a lock restored from another machine)', () => {
    writeManifest();
    const lock = path.join(root, 'astro.lock');
    mkdirSync(lock);
    writeFileSync(path.join(lock, 'pid'), String(process.pid));
    expect(takeAstroCache(root).shared).toBe(false);
    const hoursAgo = new Date(Date.now() - 3 * 60 * 60_000);
    utimesSync(lock, hoursAgo, hoursAgo);
    const taken = takeAstroCache(root);
    expect(taken.shared).toBe(true);
    expect(existsSync(manifest())).toBe(false);
    taken.finish(true);
  });
});
