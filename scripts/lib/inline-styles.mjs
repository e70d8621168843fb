// The sha256 sources of a built site's inline <style> elements, for the Content-Security-Policy.
// Shared by the build (meta policy and _headers) and scripts/nginx-config.mjs, so every host pins
// the same styles.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every HTML file under a folder, as absolute paths.
 * @param {string} dir
 * @returns {string[]}
 */
export function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * The `'sha256-…'` sources of one page's inline style elements, sorted, each once.
 * @param {string} html
 * @returns {string[]}
 */
export function pageStyleHashes(html) {
  const hashes = new Set();
  for (const [, css = ''] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    hashes.add(`'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`);
  }
  return [...hashes].sort();
}

/**
 * The `'sha256-…'` source of every distinct inline style in the pages, sorted. Style attributes
 * cannot be allowed by a hash, so when a page has one no hash is returned (style-src then keeps
 * relying on 'unsafe-inline') and `styleAttributes` says how many there are.
 * @param {string} dir a built site
 * @returns {{ hashes: string[], styleAttributes: number }}
 */
export function inlineStyleHashes(dir) {
  const hashes = new Set();
  let styleAttributes = 0;
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, 'utf8');
    for (const hash of pageStyleHashes(html)) hashes.add(hash);
    styleAttributes += [...html.matchAll(/<[a-z][^>]*\sstyle\s*=/gi)].length;
  }
  return { hashes: styleAttributes > 0 ? [] : [...hashes].sort(), styleAttributes };
}
