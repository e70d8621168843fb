import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The embedded dataset, read directly (not through the site's code) so tests are an independent oracle. */
export const seedDatasetFile = path.resolve('studio/seed/production.ndjson');

export type Doc = Record<string, unknown> & { _id: string; _type: string };

export function readNdjson(file = seedDatasetFile): Doc[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc);
}

export function publishedOfType(docs: Doc[], type: string): Doc[] {
  return docs.filter((d) => d._type === type && !d._id.startsWith('drafts.'));
}

export function slugOf(doc: Doc): string {
  return (doc.slug as { current: string }).current;
}
