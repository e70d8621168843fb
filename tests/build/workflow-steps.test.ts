import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
      const result = spawnSync('bash', ['-e', '-c', command], { cwd: clone, env: { ...env, ...stepEnv(step) }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      console.info(`deploy step "${command}": exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(result.status, `${command}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`).toBe(0);
    }
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'));
    const artifact = path.join(clone, upload?.with?.path ?? '');
    expect(existsSync(path.join(artifact, 'index.html')), artifact).toBe(true);
    expect(readFileSync(path.join(artifact, 'index.html'), 'utf8')).toContain('<meta http-equiv="Content-Security-Policy"');
    // A full `npm ci` (about 50 s on an idle machine) and a build: far more than a build test's default.
  }, 900_000);
});
