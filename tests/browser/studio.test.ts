import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNdjson } from '../../content-models/ndjson';
import { DEFAULT_PREVIEW_URL } from '../../studio/site-links';
import { removeOutDir, repoRoot, runBuild } from '../support/build';
import { type PreviewServer, startPreviewServer } from '../support/preview-server';
import { buildStudio, E2E_PROJECT_ID, E2E_TOKEN, openStudio, type StudioPage, type StudioRig, startStudioRig } from '../support/studio';
import { expectMarker, expectNoMarker, field, publish, publishButton, type, WAIT } from '../support/studio-form';

/**
 * The communications team's Studio, end to end, in Chromium: the production bundle of the Studio
 * (`sanity build`, served as plain files) against the local stand-in of Sanity's API, as an editor
 * signed in. The editor reads the day lists, breaks and fixes a session's times and sees the same
 * Spanish rules the build applies (error → no publishing; warning → publishing allowed), publishes,
 * creates a session from a day's list (daylight-saving gap and repeated hour on the way), watches a
 * draft change in the Presentation tool's frame, and the site built from the same API shows the
 * published changes.
 * Set STUDIO_E2E_DIR to a built Studio to skip the build while working on this file, and
 * STUDIO_E2E_SCREENSHOTS to a folder to keep screenshots of the key states.
 */

let rig: StudioRig;
let studio: StudioPage;
const started = Date.now();
const EDITED_TITLE = 'Mesa de reflexión 1 · revisada en el Studio';
const LAST_DAY = 'Viernes 30 de octubre · Taller virtual parte 2';
const NEW_TITLE = 'Conversatorio con las delegaciones';
const NEW_SLUG = 'conversatorio-con-las-delegaciones';
/** The id the Studio gave the session created from the day's list. */
let newId = '';
const PREVIEW_TITLE = 'Inauguración del encuentro · borrador en la vista previa';
/** The draft preview (`npm run preview:drafts`), started beside the first tests: it takes ~30 s. */
let preview: Promise<PreviewServer> | undefined;

let studioDir: string;
let buildSeconds: number | undefined;

beforeAll(async () => {
  const buildStarted = Date.now();
  studioDir = process.env.STUDIO_E2E_DIR || (await buildStudio({ SANITY_STUDIO_PROJECT_ID: E2E_PROJECT_ID }));
  if (!process.env.STUDIO_E2E_DIR) buildSeconds = (Date.now() - buildStarted) / 1000;
  const dir = studioDir;
  rig = await startStudioRig(dir, { documents: readNdjson(path.join(repoRoot, 'studio', 'seed', 'production.ndjson')) });
  studio = await openStudio(rig);
  preview = startPreviewServer({
    apiHost: rig.api.url,
    projectId: E2E_PROJECT_ID,
    token: E2E_TOKEN,
    env: { NODE_EXTRA_CA_CERTS: rig.certFile },
    firstPage: '/programa/inauguracion/',
  });
  // Awaited (and its failure reported) by the Presentation test.
  preview.catch(() => {});
}, 300_000);
afterAll(async () => {
  await studio?.close();
  await (await preview?.catch(() => undefined))?.close();
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

/** With STUDIO_E2E_SCREENSHOTS set, keeps a screenshot of the page for a person to look at. */
async function snap(page: Page, name: string) {
  const dir = process.env.STUDIO_E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`) });
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
    await publish(page, () => (published('session-mesa-de-reflexion-1')?.title as { es?: string } | undefined)?.es === EDITED_TITLE);
    await expect.poll(() => published('drafts.session-mesa-de-reflexion-1'), WAIT).toBeUndefined();
  });

  it("creates a session from a day's list, under that day, held to the daylight-saving rules, and publishes it", { timeout: 600_000 }, async () => {
    const { page } = studio;
    await page.locator(`[data-testid="pane-item-${LAST_DAY}"]`).click(WAIT);
    await page.locator('[data-testid="action-intent-button"][aria-label="Sesión de este día"]').click(WAIT);
    await field(page, 'title.es').locator('input').waitFor(WAIT);
    // The day's pane takes the "create" intent: the new session opens beside that day's list.
    const url = decodeURIComponent(page.url());
    expect(url).toContain('/structure/sesiones;dia-2020-10-30;');
    expect(url).not.toContain('todas-las-sesiones');
    newId = /;dia-2020-10-30;([^,;/?]+)/u.exec(url)?.[1] ?? '';
    expect(newId).not.toBe('');
    // The template starts it with the day's date and access (Friday is for participants).
    await expect.poll(() => field(page, 'date').locator('input').first().inputValue(), WAIT).toBe('30/10/2020');
    await expect.poll(() => field(page, 'access').locator('input[type="radio"]:checked').count(), WAIT).toBe(1);

    await type(page, 'title.es', NEW_TITLE);
    await field(page, 'slug').getByRole('button', { name: 'Generar' }).click();
    await expect.poll(() => field(page, 'slug').locator('input').first().inputValue(), WAIT).toBe(NEW_SLUG);
    await field(page, 'kind').locator('select').selectOption({ label: 'Plenaria' });

    // Amman's clocks went back an hour at 01:00 on Friday 30 October 2020: 00:30 happened twice.
    await type(page, 'timeZone', 'Asia/Amman');
    await type(page, 'start', '00:30');
    await type(page, 'end', '00:50');
    await expectMarker(page, 'start', 'warning', /La hora 00:30 del 2020-10-30 ocurre dos veces en Asia\/Amman/);
    await expectNoMarker(page, 'start', 'error');

    // Madrid's clocks jumped from 02:00 to 03:00 on 29 March 2020: 02:30 never happened there.
    await type(page, 'timeZone', 'Europe/Madrid');
    await type(page, 'date', '29/03/2020');
    await type(page, 'start', '02:30');
    await type(page, 'end', '03:30');
    await expectMarker(page, 'start', 'error', /La hora 02:30 del 2020-03-29 no existe en Europe\/Madrid.*a partir de las 03:00/);
    await expectMarker(page, 'date', 'error', /no es uno de los días del evento/);
    await expect.poll(() => publishButton(page).isDisabled(), WAIT).toBe(true);
    await snap(page, 'daylight-saving-gap');

    // Fixed: back on Friday, in the event's zone, after the closing session.
    await type(page, 'date', '30/10/2020');
    await type(page, 'timeZone', '');
    await type(page, 'start', '11:30');
    await type(page, 'end', '11:45');
    await type(page, 'order', '5');
    for (const name of ['date', 'start', 'end', 'timeZone']) await expectNoMarker(page, name, 'error');
    await expect.poll(() => publishButton(page).isDisabled(), WAIT).toBe(false);
    await publish(page, () => published(newId)?.date === '2020-10-30');
    expect(published(newId)).toMatchObject({ title: { es: NEW_TITLE }, slug: { current: NEW_SLUG }, start: '11:30', end: '11:45', access: 'participants' });
    expect(published(newId)?.timeZone ?? '').toBe('');
    expect(decodeURIComponent(page.url())).toContain(`/structure/sesiones;dia-2020-10-30;${newId}`);
    // …and it is listed in Friday's list, beside which it was opened.
    await page.locator('[data-testid="document-list-pane"]').getByText(NEW_TITLE).first().waitFor(WAIT);
    await snap(page, 'new-session-under-its-day');
  });

  it('shows a draft edited in the form in the Presentation tool’s frame', { timeout: 300_000 }, async () => {
    const server = await preview;
    if (!server) throw new Error('the draft preview did not start');
    // A tab of its own: its console is checked below, with the one message Presentation must give.
    const tab = await openStudio(rig, [new URL(DEFAULT_PREVIEW_URL).host]);
    try {
      // The bundle's preview address (the default, 127.0.0.1:4321) leads to this run's preview
      // server, whatever else may listen on that port on a shared machine.
      await tab.context.route(`${DEFAULT_PREVIEW_URL}/**`, (route) => route.continue({ url: route.request().url().replace(DEFAULT_PREVIEW_URL, server.url) }));
      // Vite's reload socket of the dev server: kept open and silent (edits arrive by reloading).
      await tab.context.routeWebSocket(`${DEFAULT_PREVIEW_URL.replace('http', 'ws')}/**`, () => {});
      const { page } = tab;
      await page.goto(rig.studio.url(`/presentation/session/session-inauguracion?preview=${encodeURIComponent('/programa/inauguracion/')}`), {
        waitUntil: 'domcontentloaded',
        ...WAIT,
      });
      const frame = page.frameLocator('iframe').first();
      // Presentation covers the frame with «Cargando.» while it waits for visual editing, which
      // the site does not have; after a few seconds it offers to show the page anyway.
      await page.getByRole('button', { name: 'Continuar de todas formas', disabled: false }).click(WAIT);
      await expect.poll(() => page.getByText('Cargando.', { exact: true }).count(), WAIT).toBe(0);
      await expect.poll(() => frame.locator('h1').first().textContent(), WAIT).toBe('Inauguración del encuentro');
      await expect.poll(() => frame.locator('.draft-banner').count(), WAIT).toBe(1);
      // The document's locations (studio/presentation.ts): its page in three languages and the programme.
      await page.getByText('Usado en 4 páginas').first().waitFor(WAIT);

      await type(page, 'title.es', PREVIEW_TITLE);
      await expect.poll(() => (published('drafts.session-inauguracion')?.title as { es?: string } | undefined)?.es, WAIT).toBe(PREVIEW_TITLE);
      expect(published('session-inauguracion')).toMatchObject({ title: { es: 'Inauguración del encuentro' } });
      // Without visual editing on the site the frame follows on reload, the button above it.
      const reload = page.getByRole('button', { name: 'Actualizar vista previa' });
      await expect
        .poll(
          async () => {
            await reload.click();
            return frame.locator('h1').first().textContent({ timeout: 20_000 });
          },
          { ...WAIT, interval: 2_000 },
        )
        .toBe(PREVIEW_TITLE);
      await snap(page, 'presentation-after-edit');
      // The one console error allowed: Presentation saying the site has no visual editing
      // (@sanity/visual-editing needs React on the site and Content Source Maps from the API).
      expect(tab.problems.filter((problem) => !problem.startsWith('console error: Unable to connect to visual editing'))).toEqual([]);
    } finally {
      await tab.close();
      // Stopped now rather than after all tests: the site build below gets the CPU, and no dev
      // server watches the project folder while Astro builds in it.
      await server.close();
    }
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
      expect(programme.includes(NEW_TITLE), 'the new session is on the programme').toBe(true);
      const page = readFileSync(path.join(run.outDir, 'programa', NEW_SLUG, 'index.html'), 'utf8');
      expect(page).toContain(NEW_TITLE);
      expect(page).toContain('30 de octubre');
    } finally {
      removeOutDir(run.outDir);
    }
  });
});
