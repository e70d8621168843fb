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
