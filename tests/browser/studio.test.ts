import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeOutDir, repoRoot, runBuild } from '../support/build';
import { type DraftPreview, freePort, startDraftPreview } from '../support/preview-server';
import { readNdjson } from '../support/sanity-api-server';
import { buildStudio, E2E_PROJECT_ID, openStudio, type StudioPage, type StudioRig, startStudioRig } from '../support/studio';

/**
 * The communications team's Studio, end to end, in Chromium: the production bundle of the Studio
 * (`sanity build`, served as plain files) against the local stand-in of Sanity's API, as an editor
 * signed in. The editor reads the day lists, breaks and fixes a session's times and sees the same
 * Spanish rules the build applies (error → no publishing; warning → publishing allowed), publishes,
 * creates a session from a day's list, and the site built from the same API shows both changes.
 * Set STUDIO_E2E_DIR to a built Studio to skip the build while working on this file.
 */

let rig: StudioRig;
let studio: StudioPage;
let preview: DraftPreview | undefined;
/** Where the draft preview listens; the Studio bundle has it baked in (SANITY_STUDIO_PREVIEW_URL). */
let previewPort = 0;
const started = Date.now();
/** Generous: the Studio validates in the background, and a shared CI machine can be slow. */
const WAIT = { timeout: 120_000 };
const EDITED_TITLE = 'Mesa de reflexión 1 · revisada en el Studio';
const NEW_TITLE = 'Balance de la jornada abierta';
const NEW_SLUG = 'balance-de-la-jornada-abierta';
const PREVIEW_TITLE = 'Inauguración, borrador visto en la vista previa';

beforeAll(async () => {
  previewPort = Number(process.env.STUDIO_E2E_PREVIEW_PORT) || (await freePort());
  const dir =
    process.env.STUDIO_E2E_DIR ||
    (await buildStudio({ SANITY_STUDIO_PROJECT_ID: E2E_PROJECT_ID, SANITY_STUDIO_PREVIEW_URL: `http://127.0.0.1:${previewPort}` }));
  rig = await startStudioRig(dir, { documents: readNdjson(path.join(repoRoot, 'studio', 'seed', 'production.ndjson')) });
  studio = await openStudio(rig, [`127.0.0.1:${previewPort}`]);
}, 300_000);
afterAll(async () => {
  await preview?.stop();
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

/**
 * Goes to a Studio path the way its own links do (history and a popstate event), without reloading
 * the whole Studio: a deep link an editor follows from another pane.
 */
async function navigate(page: Page, path: string) {
  await page.evaluate((target) => {
    window.history.pushState({}, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

const published = (id: string) => rig.api.lake.get(id) as Record<string, unknown> | undefined;

describe('the Studio, as an editor', () => {
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

  it('warns about a repeated hour and refuses a time that does not exist', { timeout: 400_000 }, async () => {
    const { page } = studio;
    await navigate(page, '/structure/sesiones;dia-2020-10-30;session-revision-del-trabajo-asincronico');
    await page.locator('[data-testid="document-panel-document-title"]', { hasText: 'Revisión de los resultados' }).waitFor(WAIT);
    await field(page, 'timeZone').locator('input').waitFor(WAIT);
    // Jordan's clocks went back at 01:00 on 30 October 2020: 00:30 happened twice.
    await type(page, 'timeZone', 'Asia/Amman');
    await type(page, 'start', '00:30');
    await type(page, 'end', '00:50');
    await expectMarker(page, 'start', 'warning', /dos veces|se repite/);
    // …and went forward at 00:00 on 27 March 2020: 00:30 never happened.
    await type(page, 'date', '27/03/2020');
    await expectMarker(page, 'start', 'error', /no existe/);
    await expect.poll(() => publishButton(page).isDisabled(), WAIT).toBe(true);
  });

  it('creates a session from a day’s list, beside it, and publishes it', { timeout: 600_000 }, async () => {
    const { page } = studio;
    await navigate(page, '/structure/sesiones;dia-2020-10-26');
    await page.getByText('Mesa de reflexión 2').first().waitFor(WAIT);
    const dayPane = page.locator('[data-testid="document-list-pane"]').last();
    await dayPane.locator('[data-testid="new-document-button"], button[aria-label="Crear nuevo documento"]').first().click(WAIT);
    await page.getByText('Sesión de este día').last().click(WAIT);
    await field(page, 'title.es').locator('input').waitFor(WAIT);
    // The new document opens next to the day's list, not under «Todas las sesiones».
    expect(decodeURIComponent(page.url())).toMatch(/sesiones;dia-2020-10-26;[^;/]+/);
    await expect(page.getByText(/Nuev[oa] Sesión/).count()).resolves.toBe(0);
    await page.getByText('Sesión: documento nuevo').first().waitFor(WAIT);
    await expect(page.getByText('Field actions').count()).resolves.toBe(0);
    await expect(page.locator('[aria-label="Field actions"]').count()).resolves.toBe(0);

    await type(page, 'title.es', NEW_TITLE);
    await field(page, 'slug').getByRole('button', { name: 'Generar' }).click();
    await expect.poll(() => field(page, 'slug').locator('input').inputValue(), WAIT).toBe(NEW_SLUG);
    await field(page, 'kind').locator('select').selectOption('closing');
    await type(page, 'start', '10:30');
    await type(page, 'end', '10:45');
    await field(page, 'order').locator('input').fill('5');
    await field(page, 'order').locator('input').press('Tab');
    await expect.poll(() => publishButton(page).isDisabled(), WAIT).toBe(false);
    await publishButton(page).click();
    await expect
      .poll(() => rig.api.lake.all().find((d) => !d._id.startsWith('drafts.') && (d.slug as { current?: string } | undefined)?.current === NEW_SLUG), WAIT)
      .toBeDefined();
    const created = rig.api.lake.all().find((d) => (d.slug as { current?: string } | undefined)?.current === NEW_SLUG);
    expect(created).toMatchObject({ _type: 'session', date: '2020-10-26', access: 'public', start: '10:30', end: '10:45', order: 5 });
  });

  it('shows the draft preview beside the form and follows an edit there (Presentation)', { timeout: 600_000 }, async () => {
    preview = await startDraftPreview(
      previewPort,
      { SANITY_PROJECT_ID: E2E_PROJECT_ID, SANITY_API_READ_TOKEN: 'sk-e2e-preview', SANITY_API_HOST: rig.api.url, NODE_EXTRA_CA_CERTS: rig.certFile },
      { timeoutMs: 300_000 },
    );
    const { page } = studio;
    await navigate(page, '/structure/sesiones;dia-2020-10-26;session-inauguracion');
    await page.locator('[data-testid="document-panel-document-title"]', { hasText: 'Inauguración del encuentro' }).waitFor(WAIT);
    // The document's locations: the pages that show it, from the site's route table.
    await page
      .getByText(/Usado en \d+ páginas/)
      .first()
      .click(WAIT);
    await page.getByText('Inauguración del encuentro (español)').first().click(WAIT);
    await expect.poll(() => decodeURIComponent(page.url()), WAIT).toContain('/presentation');
    const frame = page.frameLocator('iframe').first();
    await frame.locator('.draft-banner').waitFor(WAIT);
    await frame.locator('h1', { hasText: 'Inauguración del encuentro' }).waitFor(WAIT);
    await field(page, 'title.es').locator('input').waitFor(WAIT);
    await type(page, 'title.es', PREVIEW_TITLE);
    await frame.locator('h1', { hasText: PREVIEW_TITLE }).waitFor(WAIT);
    // A draft only: the published session is unchanged.
    expect((published('session-inauguracion')?.title as { es?: string } | undefined)?.es).toBe('Inauguración del encuentro');
  });

  it('kept the console clean and sent nothing off the machine', () => {
    expect(studio.problems).toEqual([]);
  });

  it('builds the site from the same API, with both changes', { timeout: 500_000 }, async () => {
    const run = await runBuild({
      // Under a loaded machine the build alone takes minutes; alone, about a minute.
      env: { SANITY_PROJECT_ID: E2E_PROJECT_ID, SANITY_DATASET: 'production', SANITY_API_HOST: rig.api.url, NODE_EXTRA_CA_CERTS: rig.certFile },
      timeoutMs: 480_000,
    });
    try {
      expect(run.code, run.output).toBe(0);
      const programme = readFileSync(path.join(run.outDir, 'programa', 'index.html'), 'utf8');
      expect(programme.includes(EDITED_TITLE), 'the edited title is on the programme').toBe(true);
      expect(programme.includes(NEW_TITLE), 'the new session is on the programme').toBe(true);
      expect(readFileSync(path.join(run.outDir, 'programa', NEW_SLUG, 'index.html'), 'utf8').includes(NEW_TITLE)).toBe(true);
    } finally {
      removeOutDir(run.outDir);
    }
  });
});
