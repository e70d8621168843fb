import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNdjson } from '../../content-models/ndjson';
import { removeOutDir, repoRoot, runBuild } from '../support/build';
import { buildStudio, E2E_PROJECT_ID, openStudio, type StudioPage, type StudioRig, startStudioRig } from '../support/studio';

/**
 * The communications team's Studio, end to end, in Chromium: the production bundle of the Studio
 * (`sanity build`, served as plain files) against the local stand-in of Sanity's API, as an editor
 * signed in. The editor reads the day lists, breaks and fixes a session's times and sees the same
 * Spanish rules the build applies (error → no publishing; warning → publishing allowed), publishes,
 * and the site built from the same API shows the change.
 * Set STUDIO_E2E_DIR to a built Studio to skip the build while working on this file.
 */

let rig: StudioRig;
let studio: StudioPage;
const started = Date.now();
/** Generous: the Studio validates in the background, and a shared CI machine can be slow. */
const WAIT = { timeout: 120_000 };
const EDITED_TITLE = 'Mesa de reflexión 1 · revisada en el Studio';

let studioDir: string;
let buildSeconds: number | undefined;

beforeAll(async () => {
  const buildStarted = Date.now();
  studioDir = process.env.STUDIO_E2E_DIR || (await buildStudio({ SANITY_STUDIO_PROJECT_ID: E2E_PROJECT_ID }));
  if (!process.env.STUDIO_E2E_DIR) buildSeconds = (Date.now() - buildStarted) / 1000;
  const dir = studioDir;
  rig = await startStudioRig(dir, { documents: readNdjson(path.join(repoRoot, 'studio', 'seed', 'production.ndjson')) });
  studio = await openStudio(rig);
}, 300_000);
afterAll(async () => {
  await studio?.close();
  await rig?.close();
  console.info(
    [
      `Studio end to end: ${((Date.now() - started) / 1000).toFixed(0)} s`,
      `stand-in endpoints answered: ${rig?.api.knownEndpoints.join(', ')}`,
      `endpoints the stand-in does not know (check after a Sanity upgrade): ${rig?.api.unknownEndpoints.join(', ') || 'none'}`,
      `Sanity CDN requests answered in the browser: ${[...new Set(studio?.cdn ?? [])].join(', ')}`,
    ].join('\n'),
  );
});

const field = (page: Page, name: string) => page.locator(`[data-testid="field-${name}"]`);
const publishButton = (page: Page) => page.locator('[data-testid="action-publicar"]');

/** Types into a field as an editor does (select, type, leave the field). */
async function type(page: Page, name: string, value: string) {
  const input = field(page, name).locator('input').first();
  await input.fill(value);
  await input.press('Tab');
}

/** Waits for a field's marker of `level` and reads its message in the tooltip an editor hovers. */
async function expectMarker(page: Page, name: string, level: 'error' | 'warning', text: string | RegExp) {
  const icon = field(page, name).locator(`[data-testid="input-validation-icon-${level}"]`).first();
  await icon.waitFor(WAIT);
  await icon.hover();
  await page.getByText(text).first().waitFor(WAIT);
  await page.mouse.move(5, 5);
}

async function expectNoMarker(page: Page, name: string, level: 'error' | 'warning') {
  await expect.poll(() => field(page, name).locator(`[data-testid="input-validation-icon-${level}"]`).count(), WAIT).toBe(0);
}

const published = (id: string) => rig.api.lake.get(id) as Record<string, unknown> | undefined;

function directorySize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

describe('the Studio, as an editor', () => {
  it('was built offline by `npm run build --workspace studio`, a whole bundle', () => {
    expect(existsSync(path.join(studioDir, 'index.html')), studioDir).toBe(true);
    const megabytes = directorySize(studioDir) / 1024 / 1024;
    console.info(`Studio build: ${buildSeconds?.toFixed(1) ?? 'skipped (STUDIO_E2E_DIR)'} s, ${megabytes.toFixed(1)} MB`);
    // A bundle this small means a half-failed build (a whole one measured about 9 MB).
    expect(megabytes).toBeGreaterThan(2);
  });

  it('shows the desk in Spanish with the days as the programme names them', { timeout: 400_000 }, async () => {
    const { page } = studio;
    // The first visit is a deep link's worth of work: the whole Studio loads from the static host.
    await page.goto(rig.studio.url('/'), { waitUntil: 'domcontentloaded', ...WAIT });
    await page.getByText('Sesiones por día').first().click(WAIT);
    for (const day of [
      'Lunes 26 de octubre · Abierto al público',
      'Miércoles 28 de octubre · Taller virtual parte 1',
      'Viernes 30 de octubre · Taller virtual parte 2',
    ]) {
      await page.locator(`[data-testid="pane-item-${day}"]`).waitFor(WAIT);
    }
    await expect(page.getByText('Traducciones pendientes').count()).resolves.toBeGreaterThan(0);
    await page.getByText('Lunes 26 de octubre').first().click(WAIT);
    for (const title of ['Inauguración del encuentro', 'Mesa de reflexión 1', 'Mesa de reflexión 2']) await page.getByText(title).first().waitFor(WAIT);
  });

  it('refuses an end before the start and an agenda-order mistake, allows an overlap, and publishes the fix', { timeout: 600_000 }, async () => {
    const { page } = studio;
    await page.getByText('Mesa de reflexión 1').first().click(WAIT);
    await field(page, 'end').locator('input').waitFor(WAIT);
    expect(decodeURIComponent(page.url())).toContain('/structure/sesiones;dia-2020-10-26;session-mesa-de-reflexion-1');
    // The seed's two reflection panels run in parallel on purpose: a warning, nothing blocks.
    await expectMarker(page, 'start', 'warning', /Se cruza en el tiempo con «Mesa de reflexión 2/);

    await type(page, 'end', '09:00');
    await expectMarker(page, 'end', 'error', /termina/);
    await expect.poll(() => publishButton(page).isDisabled(), WAIT).toBe(true);

    await type(page, 'end', '10:30');
    await type(page, 'start', '09:00');
    await expectMarker(page, 'start', 'error', /«Introducción/);
    await expect.poll(() => publishButton(page).isDisabled(), WAIT).toBe(true);

    await type(page, 'start', '09:30');
    await type(page, 'title.es', EDITED_TITLE);
    await expectNoMarker(page, 'start', 'error');
    await expectNoMarker(page, 'end', 'error');
    await expectMarker(page, 'start', 'warning', /Se cruza en el tiempo/);
    await expect.poll(() => publishButton(page).isDisabled(), WAIT).toBe(false);
    await publishButton(page).click();
    await expect.poll(() => (published('session-mesa-de-reflexion-1')?.title as { es?: string } | undefined)?.es, WAIT).toBe(EDITED_TITLE);
    await expect.poll(() => published('drafts.session-mesa-de-reflexion-1'), WAIT).toBeUndefined();
  });

  it('kept the console clean and sent nothing off the machine', () => {
    expect(studio.problems).toEqual([]);
  });

  it('builds the site from the same API, with the published change', { timeout: 500_000 }, async () => {
    const run = await runBuild({
      // Under a loaded machine the build alone takes minutes; alone, about a minute.
      env: { SANITY_PROJECT_ID: E2E_PROJECT_ID, SANITY_DATASET: 'production', SANITY_API_HOST: rig.api.url, NODE_EXTRA_CA_CERTS: rig.certFile },
      timeoutMs: 480_000,
    });
    try {
      expect(run.code, run.output).toBe(0);
      const programme = readFileSync(path.join(run.outDir, 'programa', 'index.html'), 'utf8');
      expect(programme.includes(EDITED_TITLE), 'the edited title is on the programme').toBe(true);
    } finally {
      removeOutDir(run.outDir);
    }
  });
});
