import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stegaEncodeSourceMap, vercelStegaCleanAll } from '@sanity/client/stega';
import { describe, expect, it } from 'vitest';
import { distDir, listFiles, requireDist } from '../support/dist';

/**
 * No stega marker in a production build. Click-to-edit overlays in the Presentation tool rely on
 * "stega": invisible characters that @sanity/client appends to strings when it encodes Content
 * Source Maps into query results. On the public site they would sit inside titles, `<title>`,
 * calendar files and JSON feeds, break exact-text search and copy-paste, and leak document ids.
 * The scan uses Sanity's own cleaner as the oracle: a file holds a marker exactly when cleaning it
 * changes it.
 */

/** Files read as text; the rest of `dist/` (images, fonts) cannot carry a string from a query. */
const TEXT_FILE = /\.(html|js|mjs|css|json|xml|ics|txt|webmanifest|svg|map)$/u;

/** Where a marker starts, with a little of the visible text before it, or null. */
function firstMarker(text: string): string | null {
  const cleaned = vercelStegaCleanAll(text);
  if (cleaned === text) return null;
  let at = 0;
  while (at < cleaned.length && cleaned[at] === text[at]) at++;
  return JSON.stringify(text.slice(Math.max(0, at - 40), at + 8));
}

describe('the production build', () => {
  it('the scan finds a marker where @sanity/client puts one', () => {
    const encoded = stegaEncodeSourceMap(
      { title: 'Mesa de reflexión 1' },
      {
        documents: [{ _id: 'session-mesa-de-reflexion-1', _type: 'session' }],
        paths: ["$['title']"],
        mappings: { "$['title']": { type: 'value', source: { type: 'documentValue', document: 0, path: 0 } } },
      },
      { enabled: true, studioUrl: 'https://studio.example.org' },
    ) as { title: string };
    expect(encoded.title.startsWith('Mesa de reflexión 1')).toBe(true);
    expect(firstMarker(`<h1>${encoded.title}</h1>`)).toContain('Mesa de reflexión 1');
    expect(firstMarker('<h1>Mesa de reflexión 1</h1>')).toBeNull();
  });

  it('holds no stega marker in any text file of dist/', () => {
    const dir = requireDist();
    const files = listFiles(dir).filter((file) => TEXT_FILE.test(file));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) => {
      const marker = firstMarker(readFileSync(path.join(dir, file), 'utf8'));
      return marker ? [`${file}: ${marker}`] : [];
    });
    expect(found, `stega markers in ${distDir}`).toEqual([]);
  });
});
