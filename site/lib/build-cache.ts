import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Files the build renders slowly (share cards), kept between builds under a hash of everything
 * that goes into them: their inputs and their renderer's version. Astro's incremental build
 * (astro.config.mjs) copies unchanged ones from the last build; this is what still spares
 * redrawing them when Astro renders their route again (its code changed, or its copy is gone).
 * The folder is git-ignored and restored by the deploy workflow (actions/cache); deleting it
 * only makes the next build slower.
 */

/** The cache folder: BUILD_CACHE_DIR, else `.cache/build/` in the project the build runs in. */
export function buildCacheDir(): string {
  return path.resolve(process.env.BUILD_CACHE_DIR?.trim() || path.join(process.cwd(), '.cache', 'build'));
}

/**
 * The key of a rendered file: a SHA-256 of the renderer's version and the inputs (as JSON, so a
 * change to any field changes the key).
 * @example cacheKey('card-3f2a', { title: 'Inauguración' }) // '9c1e…' (64 hex digits)
 */
export function cacheKey(renderer: string, inputs: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([renderer, inputs]))
    .digest('hex');
}

/**
 * The file kept under `kind/key`, or `render()`'s result, which is then kept. Written to a
 * temporary name and renamed, so two builds at once, or one stopped midway, never leave a
 * truncated file to be read back.
 */
export async function cachedFile(kind: string, key: string, render: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const file = path.join(buildCacheDir(), kind, `${key}.bin`);
  try {
    return readFileSync(file);
  } catch {
    // Not kept yet (or unreadable): render it.
  }
  const bytes = await render();
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
  return bytes;
}
