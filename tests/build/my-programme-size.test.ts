import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages, pagePath } from '../../content-models/routes';
import { readDataset, scaleDataset, toNdjson } from '../../scripts/lib/synthetic-dataset.mjs';
import { myProgrammeDataPath } from '../../site/lib/my-programme-path';
import { type BuildRun, removeOutDir, runBuild, tempOutDir } from '../support/build';
import { distDir, fileForPath, requireDist } from '../support/dist';
import { seedDatasetFile } from '../support/ndjson';

/**
 * My programme carries no session (its cards come from my-programme.json), so its HTML must not
 * grow with the programme: built from three times the content, each language's page stays within a
 * few per cent of the embedded dataset's, while the data file grows with the sessions. (Three times
 * is enough to tell a page that grows from one that does not, at a third of a 10× build's cost;
 * the bench measures 10×.)
 */
const FACTOR = 3;

describe(`My programme with ${FACTOR} times the content`, () => {
  let run: BuildRun;
  beforeAll(async () => {
    requireDist();
    const outDir = tempOutDir(`mine-${FACTOR}x`);
    const dataset = path.join(path.dirname(outDir), 'scaled.ndjson');
    writeFileSync(dataset, toNdjson(scaleDataset(readDataset(seedDatasetFile), FACTOR)));
    run = await runBuild({ outDir, env: { CONTENT_DATASET_FILE: dataset }, timeoutMs: 900_000 });
    if (run.code !== 0) throw new Error(`the ${FACTOR}× build failed:\n${run.output}`);
  }, 900_000);
  afterAll(() => {
    if (run) removeOutDir(run.outDir);
  });

  const size = (dir: string, urlPath: string) => {
    const file = fileForPath(urlPath, dir);
    if (!file) throw new Error(`${urlPath} is not in ${dir}`);
    const bytes = readFileSync(file);
    return { raw: bytes.length, gzip: gzipSync(bytes).length };
  };

  it.each(languages)('%s: the page weighs the same, the data file grows', (lang) => {
    const page = pagePath('myProgramme', lang);
    const one = size(distDir, page);
    const ten = size(run.outDir, page);
    expect(ten.raw / one.raw).toBeLessThan(1.05);
    expect(ten.gzip / one.gzip).toBeLessThan(1.05);
    const data = myProgrammeDataPath(lang);
    expect(size(run.outDir, data).raw / size(distDir, data).raw).toBeGreaterThan(FACTOR / 2);
  });
});
