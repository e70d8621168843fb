import path from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { readNdjson } from '../../content-models/ndjson';
import { repoRoot } from '../support/build';
import { openStudio, type StudioPage, type StudioRig, startStudioRig } from '../support/studio';

let rig: StudioRig;
let studio: StudioPage;
const out = path.join(repoRoot, '.scratch', 'studio-shots');
beforeAll(async () => {
  rig = await startStudioRig(path.join(repoRoot, 'studio', 'dist'), { documents: readNdjson(path.join(repoRoot, 'studio', 'seed', 'production.ndjson')) });
  studio = await openStudio(rig);
}, 400_000);
afterAll(async () => { await studio?.close(); await rig?.close(); });

it('looks', async () => {
  const { page } = studio;
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  const base = rig.studio.origin;
  await page.goto(base + '/structure');
  await page.getByRole('link', { name: 'Evento' }).first().waitFor({ timeout: 90_000 });
  for (const [name, label] of [
    ['event', 'Evento'],
    ['note', 'Nota conceptual'],
    ['report', 'Relatoría'],
    ['products', 'Productos del taller'],
    ['async', 'Actividades asíncronas'],
  ] as const) {
    await page.getByRole('link', { name: label }).first().click();
    await page.waitForTimeout(1500);
    if (name !== 'async') await page.getByRole('button', { name: /Publicar/ }).first().waitFor({ timeout: 90_000 }).catch(() => console.log('no publish button', name));
    await page.waitForTimeout(4000);
    await page.screenshot({ path: path.join(out, `${name}.png`) });
  }
  const items = page.locator('[data-testid="pane-content"] [data-ui="PreviewCard"], [data-testid="document-list-pane"] a');
  console.log('async items', await items.count());
  const first = page.getByRole('link', { name: /Retroalimentaci|Foro|foro|mapeo/ }).first();
  if (await first.count()) {
    await first.click();
    await page.getByRole('button', { name: /Publicar/ }).first().waitFor({ timeout: 90_000 }).catch(() => {});
    await page.waitForTimeout(4000);
    await page.screenshot({ path: path.join(out, 'async-doc.png'), fullPage: true });
  }
  console.log(studio.problems.join('\n'));
}, 400_000);
