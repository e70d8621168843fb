import { defineConfig } from 'vitest/config';

// Projects split the suite by what each needs: unit tests need nothing, build tests need a built
// site in dist/ (scripts/test.mjs builds it first), browser tests also need Chromium.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/studio/**/*.test.ts'], environment: 'node' } },
      // Build tests may run extra Astro builds (other datasets, the live source); Astro builds in one
      // project folder must not overlap, so these files run one at a time.
      {
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 300_000, fileParallelism: false },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
