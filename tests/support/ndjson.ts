import path from 'node:path';
import { readNdjson as readExport } from '../../content-models/ndjson';

/** The embedded dataset, read with the export parser alone (not through the site's content load). */
export const seedDatasetFile = path.resolve('studio/seed/production.ndjson');

export type Doc = Record<string, unknown> & { _id: string; _type: string };

export function readNdjson(file = seedDatasetFile): Doc[] {
  return readExport(file) as Doc[];
}

export function publishedOfType(docs: Doc[], type: string): Doc[] {
  return docs.filter((d) => d._type === type && !d._id.startsWith('drafts.'));
}

export function slugOf(doc: Doc): string {
  return (doc.slug as { current: string }).current;
}
