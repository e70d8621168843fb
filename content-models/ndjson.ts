/**
 * Sanity's dataset export format (`sanity dataset export`, `data.ndjson`): one JSON document per
 * line. The one parser for the embedded dataset, `CONTENT_DATASET_FILE`, the seeding script, the
 * synthetic benchmark datasets and the tests' stand-in of the Content Lake.
 */
import { readFileSync } from 'node:fs';

/** A line of an export that is not a document; the message names the file and line. */
export class NdjsonError extends Error {
  override name = 'NdjsonError';
}

/**
 * Parses an export. Blank lines are skipped; a malformed line fails with its line number, since a
 * half-read dataset would build a site with content missing.
 *
 * @example
 * parseNdjson('{"_id":"a"}\n\n{"_id":"b"}\n', 'x.ndjson').length // 2
 */
export function parseNdjson(text: string, file: string): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    let doc: unknown;
    try {
      doc = JSON.parse(line);
    } catch (error) {
      throw new NdjsonError(`${file}:${index + 1}: not valid JSON (${(error as Error).message})`);
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc) || typeof (doc as { _id?: unknown })._id !== 'string') {
      throw new NdjsonError(`${file}:${index + 1}: a document must be a JSON object with a string _id`);
    }
    docs.push(doc as Record<string, unknown>);
  }
  if (docs.length === 0) throw new NdjsonError(`${file}: the dataset has no documents`);
  return docs;
}

/** Reads and parses an export file. */
export function readNdjson(file: string): Record<string, unknown>[] {
  return parseNdjson(readFileSync(file, 'utf8'), file);
}
