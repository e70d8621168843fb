import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildRun, removeOutDir, repoRoot, runBuild, tempOutDir, treeSnapshot } from '../support/build';
import { distDir, requireDist } from '../support/dist';

/**
 * One real build of a malformed export (tests/fixtures/datasets/malformed.ndjson) over a target
 * that already holds a good site: the build must stop, print every problem with its document,
 * field and Studio link, and leave the good site exactly as it was. The report's content is
 * unit-tested in tests/unit/content-load.test.ts; this proves the build wiring.
 */

const STUDIO = 'https://seminario.sanity.studio';

describe('a build from malformed content', () => {
  let target: string;
  let before: Map<string, string>;
  let run: BuildRun;

  beforeAll(async () => {
    target = tempOutDir('bad-content');
    cpSync(requireDist(distDir), target, { recursive: true });
    before = treeSnapshot(target);
    run = await runBuild({
      outDir: target,
      env: { CONTENT_DATASET_FILE: path.join(repoRoot, 'tests/fixtures/datasets/malformed.ndjson'), SANITY_STUDIO_URL: STUDIO },
    });
  });
  afterAll(() => removeOutDir(target));

  it('exits with an error', () => {
    expect(run.code).not.toBe(0);
    console.info(`failing build: ${run.durationMs} ms`);
  });

  it('prints one report naming every problem, with a Studio link for each document', () => {
    expect(run.output).toContain('malformed.ndjson has 9 problems; nothing was built:');
    for (const line of [
      'event event · (document)',
      'session session-sin-titulo · title',
      'session session-fin-antes "Sesión que termina antes de empezar" · end',
      'session session-marte "Sesión en Marte" · timeZone',
      'session session-hora-inexistente "Sesión a una hora que no existió" · start',
      'session session-ponente-inexistente "Sesión con ponente inexistente" · participants[0].speaker',
      'session session-slug-2 "Mesa repetida (segunda)" · slug',
      'session session-privada-con-enlace "Espacio privado con enlace" · links[0].kind',
      'session session-enlace-javascript "Sesión con enlace javascript" · links[0].url',
    ]) {
      expect(run.output).toContain(`  - ${line}: `);
    }
    expect(run.output).toContain(`${STUDIO}/intent/edit/id=session-marte;type=session/`);
    expect(run.output).toContain(`${STUDIO}/intent/edit/id=event;type=event/`);
  });

  it('leaves the previous build exactly as it was', () => {
    expect(run.output).toContain('still holds the previous build');
    expect(treeSnapshot(target)).toEqual(before);
  });
});
