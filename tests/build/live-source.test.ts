import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildRun, listFiles, removeOutDir, repoRoot, runBuild, treeDigest, treeSnapshot } from '../support/build';
import { requireDist } from '../support/dist';
import { type SanityApiServer, startSanityApiServer } from '../support/sanity-api-server';

/**
 * The live source (@sanity/client against a Sanity-compatible query API on 127.0.0.1) must build
 * exactly the site the embedded dataset builds, with one query per language, and must fail cleanly
 * (previous build untouched) when the API keeps failing. Finer fault cases are unit-tested in
 * tests/unit/content-load.test.ts; these few real builds prove the wiring end to end.
 * The embedded dataset's build is the one every build test reads (dist/, or the suite's snapshot
 * of it in TEST_DIST_DIR), not a second build of the same dataset: tests/build/feeds.test.ts
 * already proves a second build writes the same files.
 */

const TOKEN = 'sk-test-secret-token-5c1d8e2a9b7f4036';
const dataset = path.join(repoRoot, 'studio', 'seed', 'production.ndjson');

describe('building from the live source', () => {
  let server: SanityApiServer;
  let embeddedDir: string;
  let live: BuildRun;
  const liveEnv = (extra: Record<string, string> = {}) => ({
    SANITY_PROJECT_ID: 'test',
    SANITY_DATASET: 'production',
    SANITY_API_HOST: server.url,
    SANITY_API_READ_TOKEN: TOKEN,
    SANITY_FETCH_DEADLINE_MS: '4000',
    ...extra,
  });

  beforeAll(async () => {
    server = await startSanityApiServer({ datasetFile: dataset, token: TOKEN });
    embeddedDir = requireDist();
    live = await runBuild({ env: liveEnv() });
  });

  afterAll(async () => {
    await server.close();
    if (live) removeOutDir(live.outDir);
  });

  it('builds from both sources', () => {
    expect(listFiles(embeddedDir)).toContain('index.html');
    expect(live.code, live.output).toBe(0);
    console.info(`build time: live ${live.durationMs} ms`);
  });

  it('produces byte-for-byte the same files from the live source as from the embedded dataset', () => {
    const a = treeDigest(embeddedDir);
    const b = treeDigest(live.outDir);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a].filter(([file, digest]) => b.get(file) !== digest).map(([file]) => file);
    expect(differing).toEqual([]);
  });

  it('sends exactly one query per language, published perspective, with the token in the header only', () => {
    const queries = server.requests.filter((r) => r.path === '/v2025-02-19/data/query/production');
    expect(server.requests.length).toBe(3);
    expect(queries.map((r) => r.params.lang).sort()).toEqual(['en', 'es', 'pt']);
    for (const r of queries) {
      expect(r.perspective).toBe('published');
      expect(r.authorization).toBe(`Bearer ${TOKEN}`);
      expect(r.query).toContain('"sessions"');
    }
  });

  it('never writes the API token into the built site or the build log', () => {
    for (const file of listFiles(live.outDir)) {
      expect(readFileSync(path.join(live.outDir, file), 'latin1').includes(TOKEN), file).toBe(false);
    }
    expect(live.output).not.toContain(TOKEN);
  });

  it('retries 503s and still builds the same site', async () => {
    server.reset();
    server.setFaults([
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
    ]);
    const run = await runBuild({ env: liveEnv() });
    try {
      expect(run.code, run.output).toBe(0);
      expect(server.queryCount()).toBe(5);
      expect(treeDigest(run.outDir)).toEqual(treeDigest(embeddedDir));
    } finally {
      removeOutDir(run.outDir);
    }
  });

  it('fails within the deadline when the API keeps answering 500, leaving the previous build untouched', async () => {
    server.reset();
    server.setFaults(() => ({ kind: 'status', status: 500, message: 'Internal error (injected)' }));
    const before = treeSnapshot(live.outDir);
    const run = await runBuild({ env: liveEnv({ SANITY_FETCH_DEADLINE_MS: '2500' }), outDir: live.outDir });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/The query to Sanity project test, dataset production at http:\/\/127\.0\.0\.1:\d+ failed \(\d+ tries in [\d.]+ s\): HTTP 500/);
    expect(run.output).toContain('The build stops so that no empty or partial site is published.');
    expect(run.output).toContain('still holds the previous build');
    expect(run.output).not.toContain(TOKEN);
    expect(treeSnapshot(live.outDir)).toEqual(before);
    console.info(`failing build: ${run.durationMs} ms, ${server.queryCount()} requests`);
  });
});
