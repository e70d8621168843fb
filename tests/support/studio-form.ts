import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * How the Studio browser tests work a document form as an editor does: by field (Sanity's
 * `field-<path>` test ids), typing and leaving the field, and reading a validation marker's message
 * in the tooltip an editor hovers.
 */

/** Generous: the Studio validates in the background, and a shared CI machine can be slow. */
export const WAIT = { timeout: 120_000 };

export const field = (page: Page, name: string) => page.locator(`[data-testid="field-${name}"]`);
export const publishButton = (page: Page) => page.locator('[data-testid="action-publicar"]');

/** Types into a field as an editor does (select, type, leave the field); '' empties it. */
export async function type(page: Page, name: string, value: string) {
  const input = field(page, name).locator('input').first();
  await input.fill(value);
  await input.press('Tab');
}

/** Waits for a field's marker of `level` and reads its message in the tooltip an editor hovers. */
export async function expectMarker(page: Page, name: string, level: 'error' | 'warning', text: string | RegExp) {
  const icon = field(page, name).locator(`[data-testid="input-validation-icon-${level}"]`).first();
  await icon.waitFor(WAIT);
  await icon.hover();
  await page.getByText(text).first().waitFor(WAIT);
  await page.mouse.move(5, 5);
}

export async function expectNoMarker(page: Page, name: string, level: 'error' | 'warning') {
  await expect.poll(() => field(page, name).locator(`[data-testid="input-validation-icon-${level}"]`).count(), WAIT).toBe(0);
}

/**
 * Publishes as an editor does: clicks «Publicar» and, when the document has not been published a
 * while later, clicks again. On a loaded CI machine a click can fall in the moment the Studio is
 * still saving the last keystrokes (the button is enabled, the click is swallowed); an editor
 * would click again, and so does this. `published` reads the stand-in's Content Lake.
 */
export async function publish(page: Page, published: () => boolean) {
  const deadline = Date.now() + WAIT.timeout;
  let clicks = 0;
  let lastClickError = '';
  while (Date.now() < deadline) {
    if (!(await publishButton(page).isDisabled())) {
      // A click that fails (the button re-rendered under it) is retried below, and reported if none lands.
      await publishButton(page)
        .click({ timeout: 10_000 })
        .then(
          () => {
            clicks += 1;
          },
          (error: Error) => {
            lastClickError = error.message.split('\n')[0] ?? '';
          },
        );
    }
    const retryAt = Date.now() + 20_000;
    while (Date.now() < retryAt) {
      if (published()) return;
      await page.waitForTimeout(250);
    }
  }
  const button = publishButton(page);
  const state = `button ${(await button.isDisabled()) ? 'disabled' : 'enabled'}, «${(await button.textContent())?.trim()}», clicked ${clicks} time(s)${lastClickError ? `, last failed click: ${lastClickError}` : ''}`;
  throw new Error(`the document was not published within ${WAIT.timeout / 1000} s (${state})`);
}
