import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../support/build';

/**
 * The deploy workflow's steps, run in order on a clean clone of the committed tree, as far as this
 * machine can: `actions/checkout` is the clone, each `run:` goes through `bash -e` as on GitHub's
 * runner with the step's `env:` (repository variables unset, as on a fork: the embedded dataset),
 * and the Pages upload is checked by the folder it would upload. The test job's one command is
 * this very suite, so it is compared with .ci/run and the README rather than started again.
 */

interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const workflow = parse(readFileSync(path.join(repoRoot, '.github/workflows/deploy.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

let clone: string;
beforeAll(() => {
  clone = path.join(mkdtempSync(path.join(tmpdir(), 'sts-workflow-')), 'repo');
  const cloned = spawnSync('git', ['clone', '--quiet', repoRoot, clone], { encoding: 'utf8' });
  if (cloned.status !== 0) throw new Error(`git clone failed: ${cloned.stderr}`);
});
afterAll(() => {
  if (clone) rmSync(path.dirname(clone), { recursive: true, force: true });
});

/** A step's `env:` as the runner passes it: `${{ vars.X }}` and `${{ secrets.X }}` unset are empty strings. */
function stepEnv(step: Step): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(step.env ?? {})) env[key] = /^\$\{\{\s*(vars|secrets)\./.test(value) ? '' : value;
  return env;
}

/**
 * Whether this checkout's node_modules is exactly what `npm ci` makes from the committed lockfile:
 * npm's record of the installed tree (node_modules/.package-lock.json) names every package of the
 * lockfile at the same version and integrity, leaving out only optional packages for other
 * platforms. On CI it always is (the suite runs right after `npm ci` on a clean clone).
 */
function installedFromLockfile(): boolean {
  const read = (file: string) =>
    JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')).packages as Record<string, { version?: string; integrity?: string; optional?: boolean }>;
  if (!existsSync(path.join(repoRoot, 'node_modules', '.package-lock.json'))) return false;
  const locked = read('package-lock.json');
  const installed = read('node_modules/.package-lock.json');
  return Object.entries(locked).every(([key, entry]) => {
    if (key === '') return true;
    const got = installed[key];
    if (!got) return entry.optional === true;
    return got.version === entry.version && got.integrity === entry.integrity;
  });
}

/**
 * `npm ci` in the clone, at the cost of a check when the suite's own install already is the
 * lockfile's: `npm ci --dry-run` refuses a package.json out of step with the lockfile as the real
 * one does, and the tree it would write is this checkout's, hard-linked (no second copy of 1.4 GB
 * written; npm's and the tools' caches, the dot-folders, are left out so nothing writes through a
 * link). Otherwise, the real `npm ci`.
 */
function npmCi(cwd: string, env: Record<string, string>): { status: number | null; stdout: string; stderr: string; how: string } {
  const options = { cwd, env, encoding: 'utf8' as const, maxBuffer: 64 * 1024 * 1024 };
  if (!installedFromLockfile()) return { ...spawnSync('bash', ['-e', '-c', 'npm ci'], options), how: 'full install' };
  const dry = spawnSync('npm', ['ci', '--dry-run'], options);
  if (dry.status !== 0) return { ...dry, how: 'npm ci --dry-run' };
  const from = path.join(repoRoot, 'node_modules');
  const to = path.join(cwd, 'node_modules');
  mkdirSync(to);
  const entries = readdirSync(from).filter((name) => !name.startsWith('.') || name === '.bin' || name === '.package-lock.json');
  const linked = spawnSync('cp', ['-al', ...entries.map((name) => path.join(from, name)), to], options);
  return { ...linked, how: "npm ci --dry-run, then the suite's lockfile install hard-linked" };
}

describe('the deploy workflow on a clean clone', () => {
  it("test job: its one command is .ci/run's and the README's (it is this suite)", () => {
    const runs = workflow.jobs.test?.steps.flatMap((s) => (s.run ? [s.run.trim()] : [])) ?? [];
    expect(runs).toEqual(['npm ci && npm test']);
    expect(readFileSync(path.join(repoRoot, '.ci/run'), 'utf8')).toContain(runs[0]);
    expect(readme).toContain(runs[0]);
  });

  it('deploy job: checkout, npm ci, npm run build run in order and leave the dist/ that the Pages step uploads', () => {
    const steps = workflow.jobs.deploy?.steps ?? [];
    expect(steps.map((s) => s.uses?.split('@')[0] ?? s.run?.trim())).toEqual([
      'actions/checkout',
      'npm ci',
      // Restores the share-card cache (.cache/build) so a publish redraws only what changed.
      'actions/cache',
      'npm run build',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ]);
    // npm's cache is warm from the suite's own install: reuse it rather than revalidating each package.
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      CI: 'true',
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
    // The suite's own settings must not leak into the clone's build.
    for (const key of [
      'SANITY_PROJECT_ID',
      'SANITY_DATASET',
      'SANITY_API_READ_TOKEN',
      'SITE_URL',
      'BUILD_OUT_DIR',
      'ASTRO_OUT_DIR',
      'CONTENT_DATASET_FILE',
      'NODE_ENV',
    ])
      delete env[key];
    for (const step of steps) {
      if (!step.run) continue;
      const command = step.run.trim();
      expect(readme, `the README documents "${command}"`).toContain(command);
      const started = Date.now();
      const stepEnvironment = { ...env, ...stepEnv(step) };
      const result =
        command === 'npm ci'
          ? npmCi(clone, stepEnvironment)
          : {
              ...spawnSync('bash', ['-e', '-c', command], { cwd: clone, env: stepEnvironment, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
              how: 'as written',
            };
      console.info(`deploy step "${command}" (${result.how}): exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(result.status, `${command}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`).toBe(0);
    }
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'));
    const artifact = path.join(clone, upload?.with?.path ?? '');
    expect(existsSync(path.join(artifact, 'index.html')), artifact).toBe(true);
    expect(readFileSync(path.join(artifact, 'index.html'), 'utf8')).toContain('<meta http-equiv="Content-Security-Policy"');
    // A full `npm ci` when it cannot be skipped (about 50 s on an idle machine) and a build: far more than a build test's default.
  }, 900_000);
});
