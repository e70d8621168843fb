import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildRun, listFiles, removeOutDir, runBuild } from '../support/build';
import { distDir, requireDist } from '../support/dist';

/**
 * `webcal://` subscriptions (issue #20): on a site published over https, the whole event (footer),
 * each day (programme) and each speaker (speaker page) offer their calendar file as a subscription
 * beside the download, and the subscription is that very file. On a local build (loopback http
 * origin, as `dist/` is built for the tests) no page offers one (lib/site-url.ts says why).
 */
const SITE = 'https://seminario.example';

function documents(dir: string): { file: string; document: Document }[] {
  return listFiles(dir)
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, document: parseHTML(readFileSync(path.join(dir, file), 'utf8')).document as unknown as Document }));
}

/** The download link sitting beside a subscription link: in the same list item, paragraph or list. */
function downloadBeside(link: Element): string | null {
  const container = link.closest('ul, p');
  return container?.querySelector('a[download][type="text/calendar"]')?.getAttribute('href') ?? null;
}

describe('calendar subscriptions on an https site', () => {
  let run: BuildRun;
  beforeAll(async () => {
    run = await runBuild({ env: { SITE_URL: SITE }, timeoutMs: 240_000 });
  }, 250_000);
  afterAll(() => {
    if (run) removeOutDir(run.outDir);
  });

  it('offer every subscribable file as webcal:// the same file as the download beside it', () => {
    expect(run.code, run.output).toBe(0);
    const pages = documents(run.outDir);
    const files = new Set(listFiles(run.outDir));
    const seen = new Set<string>();
    for (const { file, document } of pages) {
      for (const link of document.querySelectorAll('a[data-webcal]')) {
        const href = link.getAttribute('href') ?? '';
        expect(href, file).toMatch(/^webcal:\/\/seminario\.example\/.+\.ics$/);
        const filePath = href.slice('webcal://seminario.example'.length);
        expect(files.has(filePath.slice(1)), `${file}: ${href}`).toBe(true);
        expect(downloadBeside(link), `${file}: ${href}`).toBe(filePath);
        seen.add(filePath);
      }
    }
    const ics = [...files].filter((f) => f.endsWith('.ics')).map((f) => `/${f}`);
    // The whole event, every day and every speaker in each language; a session's own file is imported once, never subscribed.
    const subscribable = ics.filter((f) => /\/ics\/(evento|dia-[\d-]+|ponente-[^/]+)\.ics$/.test(f));
    expect(subscribable.length).toBeGreaterThan(10);
    expect([...seen].sort()).toEqual(subscribable.sort());
    expect(ics.filter((f) => /sesion-/.test(f)).some((f) => seen.has(f))).toBe(false);
    // Every page's footer subscribes to its language's whole event.
    for (const { file, document } of pages) {
      if (/(^|\/)(404|embed)/.test(file)) continue;
      expect(document.querySelector('footer a[data-webcal]')?.getAttribute('href'), file).toMatch(/\/ics\/evento\.ics$/);
    }
  });
});

describe('calendar subscriptions on a local build', () => {
  it('are left out: http and loopback origins get the download only', () => {
    requireDist();
    for (const { file, document } of documents(distDir)) {
      expect(document.querySelectorAll('a[data-webcal]').length, file).toBe(0);
      expect(document.documentElement.outerHTML, file).not.toContain('webcal:');
    }
  });
});
