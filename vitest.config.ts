import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './tests/support/longest-first.ts';

// Projects split the suite by what each needs: unit tests need nothing, build tests need a built
// site in dist/ (scripts/test.mjs builds it first), browser tests also need Chromium.
export default defineConfig({
  test: {
    // Longest files first (tests/support/longest-first.ts): `npm test` runs the build and browser
    // files in one pool of two workers, and a long file started last would end the run alone.
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      // Unit test files share their workers' module cache (`isolate: false`): most of the project's time
      // was each file importing the same libraries again (Sanity's, the i18n, the time zone data), and
      // no unit test mocks a module or leaves global state behind (env stubs are undone after each).
      // 20 s a test, not vitest's 5: a few start Node (the seed script) or run hundreds of random
      // cases, seconds alone and several times that on a shared, loaded CI machine.
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/studio/**/*.test.ts'], environment: 'node', isolate: false, testTimeout: 20_000 },
      },
      // Build tests may run extra Astro builds (other datasets, the live source). Two may run at once
      // (npm test runs build and browser files in one pool of two workers): scripts/build.mjs builds
      // in a work folder of its own per process, every test build writes to a temporary folder, and
      // the suite's build is read from a snapshot (TEST_DIST_DIR) that start.test's new dist/ never touches.
      // Build and browser files share their worker's module cache too (`isolate: false`), for the unit
      // tests' reason: importing the same libraries again per file was ~a fifth of these projects' CPU,
      // and none of their files mocks a module, stubs or sets the environment, or changes directory.
      {
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], environment: 'node', isolate: false, testTimeout: 180_000, hookTimeout: 300_000 },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
