import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNdjson } from '../../content-models/ndjson';
import en from '../../site/i18n/en.json';
import es from '../../site/i18n/es.json';
import { loadSite } from '../../site/lib/content/load';
import { liveSource, ndjsonSource, sourceFromEnv } from '../../site/lib/content/source';
import { type BuildRun, listFiles, removeOutDir, repoRoot, runBuild, tempOutDir, treeSnapshot } from '../support/build';
import { freePort, stopProcessGroup } from '../support/hosts';
import { type SanityApiServer, startSanityApiServer } from '../support/sanity-api-server';

/**
 * The draft preview shows drafts, says so on every page and follows edits; the production build,
 * against the very same Content Lake, never contains a draft and refuses to run in preview mode.
 * The Content Lake is the local stand-in (tests/support/sanity-api-server.ts), which applies the
 * `drafts` perspective the way Sanity does.
 */

const TOKEN = 'sk-preview-test-token-0b8e4d1c7a';
/** Distinctive words that appear only in drafts: no hash or hex string can contain them. */
const DRAFT_TITLE = 'Apertura provisional QXJZ-borrador';
const EDITED_TITLE = 'Apertura corregida WKVY-borrador';
const NEW_SESSION_TITLE = 'Sesión nueva YQZW-borrador';
const NEW_SESSION_SLUG = 'sesion-solo-borrador';
const PUBLISHED_TITLE = 'Inauguración del encuentro';

const seed = readNdjson(path.join(repoRoot, 'studio', 'seed', 'production.ndjson'));
const byId = (id: string) => {
  const doc = seed.find((d) => d._id === id);
  if (!doc) throw new Error(`the seed has no ${id}`);
  return doc;
};

/** The seed plus a draft of the opening and a draft of a session that was never published. */
function datasetWithDrafts(openingTitle: string): Record<string, unknown>[] {
  const opening = byId('session-inauguracion');
  const closing = byId('session-pasos-a-seguir-y-cierre');
  return [
    ...seed,
    { ...opening, _id: 'drafts.session-inauguracion', title: { ...(opening.title as object), es: openingTitle } },
    {
      ...closing,
      _id: `drafts.session-${NEW_SESSION_SLUG}`,
      slug: { _type: 'slug', current: NEW_SESSION_SLUG },
      title: { _type: 'localeString', es: NEW_SESSION_TITLE },
      start: '11:30',
      end: '11:40',
      order: 5,
    },
  ];
}

const liveConfig = (server: SanityApiServer) => ({ projectId: 'test', dataset: 'production', apiVersion: '2025-02-19', token: TOKEN, apiHost: server.url });

/**
 * This process's environment without what picks or tunes the content source (none may leak in from
 * the shell) and without vitest's own variables (`VITEST`, `NODE_ENV=test`), under which Vite's dev
 * server answers every page with a 404.
 */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(SANITY_|CONTENT_|VITEST|SITE_URL$|NODE_ENV$|TEST$)/.test(key)) env[key] = value;
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

function text(html: string): string {
  return parseHTML(html).document.body.textContent ?? '';
}

describe('the data layer with the drafts perspective', () => {
  let server: SanityApiServer;
  beforeAll(async () => {
    server = await startSanityApiServer({ documents: datasetWithDrafts(DRAFT_TITLE), token: TOKEN });
  });
  afterAll(() => server.close());

  it('reads the draft over the published document, drafts of new documents included, and marks the site as a preview', async () => {
    const site = await loadSite('es', liveSource({ ...liveConfig(server), perspective: 'drafts' }));
    expect(site.preview).toBe(true);
    expect(site.sessions.find((s) => s._id === 'session-inauguracion')?.title.text).toBe(DRAFT_TITLE);
    expect(site.sessions.find((s) => s.slug === NEW_SESSION_SLUG)?.title.text).toBe(NEW_SESSION_TITLE);
    expect(site.sessions.every((s) => !s._id.startsWith('drafts.'))).toBe(true);
    const request = server.requests.at(-1);
    expect(request?.perspective).toBe('drafts');
    expect(request?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('reads only published documents with the published perspective, the default', async () => {
    for (const source of [liveSource(liveConfig(server)), liveSource({ ...liveConfig(server), perspective: 'published' })]) {
      const site = await loadSite('es', source);
      expect(site.preview).toBe(false);
      expect(site.sessions.find((s) => s._id === 'session-inauguracion')?.title.text).toBe(PUBLISHED_TITLE);
      expect(site.sessions.some((s) => s.slug === NEW_SESSION_SLUG)).toBe(false);
      expect(server.requests.at(-1)?.perspective).toBe('published');
    }
  });

  it('refuses the drafts perspective without a token, which would silently show published content', () => {
    expect(() => liveSource({ ...liveConfig(server), token: undefined, perspective: 'drafts' })).toThrow(/drafts perspective needs SANITY_API_READ_TOKEN/);
  });

  it('is switched on by CONTENT_PERSPECTIVE=drafts, and refuses any other value but published', () => {
    const env = { SANITY_PROJECT_ID: 'test', SANITY_API_READ_TOKEN: TOKEN, SANITY_API_HOST: server.url };
    expect(sourceFromEnv({ ...env, CONTENT_PERSPECTIVE: 'drafts' }).perspective).toBe('drafts');
    expect(sourceFromEnv({ ...env, CONTENT_PERSPECTIVE: 'published' }).perspective).toBe('published');
    expect(sourceFromEnv(env).perspective).toBe('published');
    expect(() => sourceFromEnv({ ...env, CONTENT_PERSPECTIVE: 'previewDrafts' })).toThrow(/CONTENT_PERSPECTIVE must be "published" or "drafts"/);
  });

  it('lays the drafts of an NDJSON export over its published documents the same way', async () => {
    const file = path.join(tempOutDir('drafts-export'), '..', 'export.ndjson');
    writeFileSync(
      file,
      `${datasetWithDrafts(DRAFT_TITLE)
        .map((d) => JSON.stringify(d))
        .join('\n')}\n`,
    );
    try {
      const drafts = await loadSite('es', sourceFromEnv({ CONTENT_DATASET_FILE: file, CONTENT_PERSPECTIVE: 'drafts' }));
      expect(drafts.preview).toBe(true);
      expect(drafts.sessions.find((s) => s._id === 'session-inauguracion')?.title.text).toBe(DRAFT_TITLE);
      const published = await loadSite('es', ndjsonSource(file));
      expect(published.preview).toBe(false);
      expect(published.sessions.find((s) => s._id === 'session-inauguracion')?.title.text).toBe(PUBLISHED_TITLE);
    } finally {
      rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

describe('a production build against a Content Lake with drafts', () => {
  let server: SanityApiServer;
  let build: BuildRun;
  const liveEnv = () => ({ SANITY_PROJECT_ID: 'test', SANITY_API_HOST: server.url, SANITY_API_READ_TOKEN: TOKEN, SANITY_FETCH_DEADLINE_MS: '10000' });

  beforeAll(async () => {
    server = await startSanityApiServer({ documents: datasetWithDrafts(DRAFT_TITLE), token: TOKEN });
    build = await runBuild({ env: liveEnv() });
  });
  afterAll(async () => {
    await server.close();
    if (build) removeOutDir(build.outDir);
  });

  it('builds from the published perspective and contains no draft, no draft page and no banner', () => {
    expect(build.code, build.output).toBe(0);
    expect(server.requests.filter((r) => r.query).map((r) => r.perspective)).toEqual(['published', 'published', 'published']);
    const files = listFiles(build.outDir);
    expect(files.some((f) => f.includes(NEW_SESSION_SLUG))).toBe(false);
    const leaks: string[] = [];
    for (const file of files) {
      const content = readFileSync(path.join(build.outDir, file), 'utf8');
      // The banner's class is in every page's inlined stylesheet; an element using it is not.
      for (const needle of ['QXJZ', 'YQZW', NEW_SESSION_SLUG, 'class="draft-banner"', es['preview.banner'], en['preview.banner']]) {
        if (content.includes(needle)) leaks.push(`${file}: ${needle}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(readFileSync(path.join(build.outDir, 'programa', 'inauguracion', 'index.html'), 'utf8')).toContain(PUBLISHED_TITLE);
  });

  it('refuses to run with CONTENT_PERSPECTIVE=drafts, before querying anything, leaving the previous build untouched', async () => {
    server.reset();
    const before = treeSnapshot(build.outDir);
    const refused = await runBuild({ env: { ...liveEnv(), CONTENT_PERSPECTIVE: 'drafts' }, outDir: build.outDir });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('Not building: CONTENT_PERSPECTIVE=drafts is for the draft preview (npm run preview:drafts)');
    expect(refused.output).toContain('No se construye el sitio: CONTENT_PERSPECTIVE=drafts');
    expect(refused.durationMs).toBeLessThan(5_000);
    expect(server.queryCount()).toBe(0);
    expect(treeSnapshot(build.outDir)).toEqual(before);
  });
});

describe('npm run preview:drafts', () => {
  const script = path.join(repoRoot, 'scripts', 'preview-drafts.mjs');
  let server: SanityApiServer;
  let child: ChildProcess | undefined;
  let log = '';
  let base = '';

  /** Stops the preview's whole process group, forcibly if it has not exited within 5 s. */
  const stop = async () => {
    if (child) await stopProcessGroup(child);
  };

  beforeAll(async () => {
    server = await startSanityApiServer({ documents: datasetWithDrafts(DRAFT_TITLE), token: TOKEN });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [script, '--port', String(port)], {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: cleanEnv({ SANITY_PROJECT_ID: 'test', SANITY_API_READ_TOKEN: TOKEN, SANITY_API_HOST: server.url }),
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    const started = Date.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`preview-drafts.mjs exited with ${child.exitCode}:\n${log}`);
      try {
        if ((await fetch(`${base}/`)).ok) break;
      } catch {
        // Not listening yet.
      }
      if (Date.now() - started > 60_000) throw new Error(`preview-drafts.mjs did not answer within 60 s:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    console.info(`preview server answered after ${Date.now() - started} ms`);
  });

  afterAll(async () => {
    await stop();
    await server?.close();
  });

  it('serves every page with the draft banner, in the page’s language, and noindex', async () => {
    for (const [pagePath, banner] of [
      ['/', es['preview.banner']],
      ['/en/', en['preview.banner']],
      ['/programa/', es['preview.banner']],
    ] as const) {
      const response = await fetch(`${base}${pagePath}`);
      expect(response.status, pagePath).toBe(200);
      const { document } = parseHTML(await response.text());
      const note = document.querySelector('.draft-banner');
      expect(note?.textContent, pagePath).toBe(banner);
      expect(note?.getAttribute('role')).toBe('note');
      // First in the body after the skip link, so it is the first thing seen and read.
      expect(document.body.firstElementChild?.nextElementSibling, pagePath).toBe(note);
      expect(document.querySelector('meta[name="robots"]')?.getAttribute('content'), pagePath).toBe('noindex');
    }
  });

  it('shows the draft of a session, and a session that exists only as a draft', async () => {
    const session = await fetch(`${base}/programa/inauguracion/`);
    expect(session.status).toBe(200);
    const page = text(await session.text());
    expect(page).toContain(DRAFT_TITLE);
    expect(page).not.toContain(PUBLISHED_TITLE);
    const created = await fetch(`${base}/programa/${NEW_SESSION_SLUG}/`);
    expect(created.status).toBe(200);
    expect(text(await created.text())).toContain(NEW_SESSION_TITLE);
    expect(text(await (await fetch(`${base}/programa/`)).text())).toContain(NEW_SESSION_TITLE);
  });

  it('queries with the drafts perspective and the read token', () => {
    const queries = server.requests.filter((r) => r.query);
    expect(queries.length).toBeGreaterThan(0);
    for (const r of queries) {
      expect(r.perspective).toBe('drafts');
      expect(r.authorization).toBe(`Bearer ${TOKEN}`);
    }
    expect(log).not.toContain(TOKEN);
  });

  it('shows an edit made in the Studio on the next reload, without a restart', async () => {
    server.setDocuments(datasetWithDrafts(EDITED_TITLE));
    // A load is reused for PREVIEW_REUSE_MS (1 s) after it arrives.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const page = text(await (await fetch(`${base}/programa/inauguracion/`)).text());
    expect(page).toContain(EDITED_TITLE);
    expect(page).not.toContain(DRAFT_TITLE);
  });
});

describe('npm run preview:drafts without its settings', () => {
  it.each([
    ['SANITY_PROJECT_ID', { SANITY_API_READ_TOKEN: TOKEN }],
    ['SANITY_API_READ_TOKEN', { SANITY_PROJECT_ID: 'test' }],
  ])('stops at once, naming %s in Spanish and English', (name, env) => {
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'preview-drafts.mjs')], {
      cwd: repoRoot,
      env: cleanEnv(env),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Falta la variable ${name}`);
    expect(run.stderr).toContain(`${name} is not set`);
    expect(run.stderr).not.toContain(TOKEN);
  });
});
