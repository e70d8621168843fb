import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  run?: string;
  uses?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[]; needs?: string; if?: string }>;
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
});
