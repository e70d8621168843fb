#!/usr/bin/env node
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createClient } from '@sanity/client';
import { readNdjson } from '../content-models/ndjson.ts';

const root = path.resolve(import.meta.dirname, '..');
const env = process.env;

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`seed: ${message}`);
  process.exit(1);
}

/** @returns {{ force: boolean }} */
function parseArguments() {
  try {
    const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } }, strict: true });
    return { force: values.force };
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}. Usage: npm run seed [-- --force]`);
  }
}
const args = parseArguments();

const projectId = env.SANITY_PROJECT_ID?.trim();
const dataset = env.SANITY_DATASET?.trim() || 'production';
const token = env.SANITY_API_WRITE_TOKEN?.trim();
if (!projectId) fail('set SANITY_PROJECT_ID (and SANITY_DATASET, default "production") to the project to seed.');
if (!token) fail('set SANITY_API_WRITE_TOKEN to a token with write access (sanity.io/manage → API → Tokens → Editor).');

const file = path.resolve(root, env.CONTENT_DATASET_FILE?.trim() || 'studio/seed/production.ndjson');
let documents;
try {
  documents = readNdjson(file);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const client = createClient({
  projectId,
  dataset,
  token,
  apiVersion: env.SANITY_API_VERSION?.trim() || '2025-02-19',
  useCdn: false,
  maxRetries: 2,
  ...(env.SANITY_API_HOST ? { apiHost: env.SANITY_API_HOST, useProjectHostname: false } : {}),
});

const existing = await client.fetch('count(*[!(_id in path("_.**"))])', {}, { perspective: 'raw' });
if (existing > 0 && !args.force) {
  const where = `dataset "${dataset}" of project ${projectId}`;
  if (!process.stdin.isTTY) {
    fail(`${where} already has ${existing} documents. Seeding would overwrite those with the same ids. Re-run with --force to do it anyway.`);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(
    `${where} already has ${existing} documents; seeding overwrites those with the same ids.\nType the dataset name (${dataset}) to continue: `,
  );
  rl.close();
  if (answer.trim() !== dataset) fail('not confirmed; nothing was changed.');
}

const tx = client.transaction();
// readNdjson has checked that every document is an object with a string `_id`.
for (const doc of documents) tx.createOrReplace(/** @type {import('@sanity/client').IdentifiedSanityDocumentStub} */ (doc));
await tx.commit({ visibility: 'async' });
console.log(`seed: wrote ${documents.length} documents to dataset "${dataset}" of project ${projectId}.`);
