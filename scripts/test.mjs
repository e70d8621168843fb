#!/usr/bin/env node
// `npm test`: the whole suite, in the order a failure is cheapest to find, two independent steps at a
// time (see `lanes`), then the build and browser test files two at a time from one queue. Every step runs even when an earlier one failed (except what needs a build that
// did not happen), and the run ends with one line of totals: vitest's tests plus one count per non-vitest step.
// `npm run check` (`--quick`) runs the fast part only — types, lint, unit tests — and says so.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BUILD_SETTINGS, CONTENT_SETTINGS } from '../site/lib/content/settings.ts';
import { ensureChromium } from './lib/chromium.mjs';
import { ensureNginx } from './lib/nginx.mjs';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
/** @param {string} name @param {string} file */
const bin = (name, file) => path.join(root, 'node_modules', name, file);
/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SANITY_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
// The suite always tests the embedded dataset; a developer's Sanity settings must not leak in.
for (const key of [...CONTENT_SETTINGS, ...BUILD_SETTINGS]) delete env[key];

const totals = { passed: 0, failed: 0, skipped: 0 };
/** @type {string[]} */
const failures = [];

/**
 * Runs one step in a child process. Alone (`live`), its output streams through; beside another
 * step, it is kept and printed whole when the step ends, so two steps' lines never interleave.
 * @param {string} label @param {string[]} args @param {{ live?: boolean, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<boolean>}
 */
function run(label, args, { live = true, env: extra = {} } = {}) {
  console.log(`\n▶ ${label}${live ? '' : ' (runs beside another step; its output follows when it ends)'}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...env, ...extra } });
    /** @type {Buffer[]} */
    const kept = [];
    child.stdout?.on('data', (chunk) => kept.push(chunk));
    child.stderr?.on('data', (chunk) => kept.push(chunk));
    child.on('close', (code) => {
      const ok = code === 0;
      if (!live) console.log(`\n── output of ${label} ──\n${Buffer.concat(kept).toString('utf8')}`);
      console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      resolve(ok);
    });
  });
}

/** @param {string} label @param {string[]} args @param {{ live?: boolean }} [options] */
async function step(label, args, options) {
  const ok = await run(label, args, options);
  if (ok) totals.passed++;
  else {
    totals.failed++;
    failures.push(label);
  }
  return ok;
}

/**
 * One vitest run of the given projects; with `workers`, that many files at a time from one queue
 * shared by the projects (longest first, tests/support/longest-first.ts).
 * @param {Array<'unit' | 'build' | 'browser'>} projects @param {{ live?: boolean, env?: NodeJS.ProcessEnv, workers?: number }} [options]
 */
async function vitest(projects, { workers, ...options } = {}) {
  const project = projects.join('+');
  const out = path.join(results, `${projects.join('-')}.json`);
  const ok = await run(
    `vitest: ${projects.join(' and ')}`,
    [
      bin('vitest', 'vitest.mjs'),
      'run',
      ...projects.flatMap((name) => ['--project', name]),
      ...(workers ? [`--maxWorkers=${workers}`] : []),
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${out}`,
    ],
    options,
  );
  if (!existsSync(out)) {
    totals.failed++;
    failures.push(`vitest ${project} (no report)`);
    return false;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  if (report.numTotalTests === 0) {
    totals.failed++;
    failures.push(`vitest ${project} ran no test`);
    return false;
  }
  if (!ok || report.numFailedTests > 0 || report.numFailedTestSuites > 0) {
    if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) totals.failed++;
    failures.push(`vitest ${project}`);
    return false;
  }
  return true;
}

/**
 * Runs two lanes of steps at once — the machines this runs on have two cores, and each lane is
 * mostly one process busy on one — unless TEST_SERIAL=1 asks for one step at a time (to read a
 * failure's output live, or on a one-core machine). Each lane's steps run in order.
 * @param {Array<(live: boolean) => Promise<unknown>>} left @param {Array<(live: boolean) => Promise<unknown>>} right
 */
async function lanes(left, right) {
  if (serial) {
    for (const task of [...left, ...right]) await task(true);
    return;
  }
  const lane = async (/** @type {typeof left} */ tasks, /** @type {boolean} */ live) => {
    for (const task of tasks) await task(live);
  };
  await Promise.all([lane(left, true), lane(right, false)]);
}

const serial = process.env.TEST_SERIAL === '1';
/** Files of the build and browser projects run at once: TEST_WORKERS, else 2 (the machine kind's cores). */
const testWorkers = Number(process.env.TEST_WORKERS) || 2;
const quick = process.argv.includes('--quick');
if (!quick) {
  const browser = ensureChromium();
  const nginx = ensureNginx();
  // One test on both (not a loop), so the checker knows each has its path below.
  if (!browser.ok || !nginx.ok) {
    for (const tool of [browser, nginx]) if (!tool.ok) console.error(`\n${tool.message}`);
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  }
  env.CHROMIUM_PATH = browser.path;
  env.NGINX_PATH = nginx.path;
  console.log(`Browser: ${browser.path} (${browser.source}); nginx: ${nginx.path}`);
}
const suiteStarted = Date.now();

// Types and lint in one lane, unit tests in the other: none of them needs a build.
await lanes(
  [
    (live) => step('typecheck (astro check: site, content models, tests)', [bin('astro', 'bin/astro.mjs'), 'check'], { live }),
    (live) => step('typecheck (studio)', [bin('typescript', 'bin/tsc'), '--noEmit', '-p', 'studio/tsconfig.json'], { live }),
    (live) => step('lint (biome)', [bin('@biomejs/biome', 'bin/biome'), 'check', '.'], { live }),
  ],
  [(live) => vitest(['unit'], { live })],
);
if (quick) {
  console.log('\nQuick check: the build, build tests and browser tests were not run; `npm test` runs them.');
} else if (await step('build the site from the embedded dataset', [path.join(root, 'scripts', 'build.mjs')])) {
  // The build and browser tests read a copy of this build: a build test that runs
  // `npm start` swaps a fresh dist/ into place meanwhile, and for that instant there is none.
  const snapshot = path.join(root, '.test-dist');
  rmSync(snapshot, { recursive: true, force: true });
  cpSync(path.join(root, 'dist'), snapshot, { recursive: true });
  // Build and browser tests in one vitest run: two files at a time (one a core) from one queue,
  // longest first, so neither core waits while the other finishes a lane of its own (the two lanes
  // they were took 640 s and 860 s). Both read the snapshot; TEST_SERIAL=1 runs one file at a time.
  await vitest(['build', 'browser'], { env: { TEST_DIST_DIR: snapshot }, workers: serial ? 1 : testWorkers });
  rmSync(snapshot, { recursive: true, force: true });
} else {
  failures.push('build and browser tests not run: the build failed');
}
console.log(`\n${quick ? 'Quick check' : 'Suite'} took ${((Date.now() - suiteStarted) / 1000).toFixed(0)} s.`);

console.log(failures.length ? `\nFailed: ${failures.join('; ')}` : '\nAll green.');
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
