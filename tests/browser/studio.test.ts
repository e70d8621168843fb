import { writeFileSync } from 'node:fs';
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
  it('opens the desk', { timeout: 180_000 }, async () => {
    const { page, problems, close } = await openStudio(rig);
    await page.goto(rig.studio.url('/'));
    try {
    await page.getByText('Sesiones por día').first().click({ timeout: 30_000 });
    await page.getByText('Lunes').first().click({ timeout: 45_000 });
    await page.getByText('Mesa de reflexión 1').first().click({ timeout: 45_000 });
    await page.waitForTimeout(4000);
    } finally { await page.screenshot({ path: '/tmp/studio-2.png' }); console.log(page.url()); writeFileSync('/tmp/reqs.json', JSON.stringify(rig.api.requests.filter((r) => r.query).map((r) => [r.perspective, r.query, r.params]), null, 1)); }
    await page.screenshot({ path: '/tmp/studio-2.png' });
    const inputs = await page.locator('input, textarea, [contenteditable]').evaluateAll((els) => els.map((e) => `${e.tagName} id=${e.id} name=${e.getAttribute('name')} aria=${e.getAttribute('aria-label')} val=${(e as HTMLInputElement).value}`));
    writeFileSync('/tmp/inputs.txt', inputs.join('\n'));
    const ids = await page.locator('[data-testid]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-testid')} ${e.tagName}`));
    writeFileSync('/tmp/ids.txt', ids.join('\n'));
    console.log(JSON.stringify({ problems, unknown: rig.api.unknownEndpoints }, null, 1));
    await close();
    expect(problems).toEqual([]);
  });
});
