import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Orders test files longest first across projects, so that `npm test`'s one pool of workers
 * (build and browser files together, scripts/test.mjs) starts the long files (the Studio end to
 * end, accessibility, the builds of other datasets) while the other worker works through the short
 * ones, and the run does not end on one long file with the other core idle.
 *
 * A file's expected duration is its own from vitest's cache of the last run on this checkout when
 * there is one, else the figure in file-durations.json (seconds, measured on the 2-core machine
 * kind; a fresh clone on CI has no cache), else the median of the known ones. The order only
 * decides when a file starts, never whether or how it runs.
 */
const table = JSON.parse(readFileSync(path.join(import.meta.dirname, 'file-durations.json'), 'utf8')) as Record<string, number>;

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const known = Object.values(table).sort((a, b) => a - b);
    const median = known[Math.floor(known.length / 2)] ?? 0;
    const expected = (spec: TestSpecification): number => {
      const cached = this.ctx.cache.getTestSpecificationResult(spec)?.duration;
      if (cached) return cached / 1000;
      return table[path.relative(root, spec.moduleId).split(path.sep).join('/')] ?? median;
    };
    const seconds = new Map(files.map((spec) => [spec, expected(spec)]));
    return [...files].sort((a, b) => seconds.get(b)! - seconds.get(a)! || a.moduleId.localeCompare(b.moduleId));
  }
}
