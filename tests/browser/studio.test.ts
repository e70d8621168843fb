import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build';
import { readNdjson } from '../support/sanity-api-server';
import { buildStudio, E2E_PROJECT_ID, openStudio, type StudioRig, startStudioRig } from '../support/studio';

let rig: StudioRig;

beforeAll(async () => {
  const dir = process.env.STUDIO_E2E_DIR || (await buildStudio({ SANITY_STUDIO_PROJECT_ID: E2E_PROJECT_ID }));
  rig = await startStudioRig(dir, { documents: readNdjson(path.join(repoRoot, 'studio', 'seed', 'production.ndjson')) });
}, 300_000);
afterAll(async () => {
  await rig?.close();
});

describe('the Studio, as an editor', () => {
  it('opens the desk', async () => {
    const { page, problems, close, cdn } = await openStudio(rig);
    await page.goto(rig.studio.url('/'));
    await page.getByText('Sesiones por día').first().waitFor({ timeout: 60_000 });
    await page.getByText('Sesiones por día').first().click();
    await page.waitForTimeout(3000);
    await page.screenshot({ path: '/tmp/studio-1.png' });
    console.log(JSON.stringify({ problems, unknown: rig.api.unknownEndpoints, known: rig.api.knownEndpoints }, null, 1));
    await close();
    expect(problems).toEqual([]);
  });
});
