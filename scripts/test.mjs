#!/usr/bin/env node
// `npm test`: the whole suite, in the order a failure is cheapest to find. Every step runs even
// when an earlier one failed (except what needs a build that did not happen), and the run ends
// with one line of totals: vitest's tests plus one count per non-vitest step.
// `npm run check` (`--quick`) runs the fast part only — types, lint, unit tests — and says so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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

/** @param {string} label @param {string[]} args */
function run(label, args) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

/** @param {string} label @param {string[]} args */
function step(label, args) {
  const ok = run(label, args);
  if (ok) totals.passed++;
  else {
    totals.failed++;
    failures.push(label);
  }
  return ok;
}

/** @param {'unit' | 'build' | 'browser'} project */
function vitest(project) {
  const out = path.join(results, `${project}.json`);
  const ok = run(`vitest: ${project}`, [
    bin('vitest', 'vitest.mjs'),
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ]);
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

step('typecheck (astro check: site, content models, tests)', [bin('astro', 'bin/astro.mjs'), 'check']);
step('typecheck (studio)', [bin('typescript', 'bin/tsc'), '--noEmit', '-p', 'studio/tsconfig.json']);
step('lint (biome)', [bin('@biomejs/biome', 'bin/biome'), 'check', '.']);
vitest('unit');
if (quick) {
  console.log('\nQuick check: the build, build tests and browser tests were not run; `npm test` runs them.');
} else if (step('build the site from the embedded dataset', [path.join(root, 'scripts', 'build.mjs')])) {
  vitest('build');
  vitest('browser');
} else {
  failures.push('build and browser tests not run: the build failed');
}
console.log(`\n${quick ? 'Quick check' : 'Suite'} took ${((Date.now() - suiteStarted) / 1000).toFixed(0)} s.`);

console.log(failures.length ? `\nFailed: ${failures.join('; ')}` : '\nAll green.');
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
