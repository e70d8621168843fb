import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../../scripts/lib/browser-flags.mjs';
import { repoRoot } from './build';
import { collectOutput } from './child-output';
import { type SanityApiServer, type SanityApiServerOptions, startSanityApiServer } from './sanity-api-server';
import { type StaticServer, startStaticServer } from './static-server';

/**
 * The Studio in a real browser, offline: its production bundle (`sanity build`, exactly what a
 * static host would serve) on a plain static server, and Sanity's API played by the stand-in over
 * HTTPS and HTTP/2 on 127.0.0.1. Chromium resolves `*.api.sanity.io` to the stand-in
 * (`--host-resolver-rules`) and accepts its self-signed certificate; the editor's session is a
 * token in localStorage, where the Studio keeps it after a login.
 */

/** A project id no real project has; it appears in every API host the Studio contacts. */
export const E2E_PROJECT_ID = 'e2estudio';
export const E2E_TOKEN = 'sk-e2e-editor-token-7f3a';

/** A self-signed certificate for the API hosts and 127.0.0.1, made with openssl for this run. */
export function makeCertificate(): { cert: string; key: string; certFile: string; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sts-tls-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  const result = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=api.sanity.io',
      '-addext',
      'subjectAltName=DNS:api.sanity.io,DNS:*.api.sanity.io,IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`openssl could not make a test certificate: ${result.stderr}`);
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), certFile, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The Studio's production bundle, built as the README says (`npm run build --workspace studio`,
 * into studio/dist) with the environment its bundle bakes in (project id, preview and site
 * origins). The suite's one Studio build: the browser test serves it and checks what it made, so the
 * README's command is proven by the bundle the editor tests use rather than by a second build.
 * Returns the folder.
 */
export function buildStudio(env: Record<string, string>): Promise<string> {
  const outDir = path.join(repoRoot, 'studio', 'dist');
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--workspace', 'studio'], {
      cwd: repoRoot,
      env: { ...process.env, SANITY_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collectOutput(child);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(outDir) : reject(new Error(`npm run build --workspace studio failed (${code}):\n${output.text}`))));
  });
}

export interface StudioRig {
  api: SanityApiServer;
  studio: StaticServer;
  browser: Browser;
  certFile: string;
  close(): Promise<void>;
}

/** The stand-in API (HTTPS), the Studio bundle on a static server, and Chromium pointed at both. */
export async function startStudioRig(studioDir: string, apiOptions: SanityApiServerOptions): Promise<StudioRig> {
  const certificate = makeCertificate();
  const api = await startSanityApiServer({
    ...apiOptions,
    tls: { cert: certificate.cert, key: certificate.key },
    studio: { projectId: E2E_PROJECT_ID },
    token: undefined,
  });
  const studio = await startStaticServer({ root: studioDir, fallback: 'index.html' });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_FLAGS, `--host-resolver-rules=MAP *.api.sanity.io 127.0.0.1:${api.port}, MAP api.sanity.io 127.0.0.1:${api.port}`],
  });
  return {
    api,
    studio,
    browser,
    certFile: certificate.certFile,
    async close() {
      await browser.close();
      await studio.close();
      await api.close();
      certificate.dispose();
    },
  };
}

/**
 * What a hosted Studio fetches from Sanity's own CDNs besides the API: the Dashboard bridge script,
 * the "new version available" check and the interface font. Unreachable here, they are answered
 * inside the browser (never sent) with what a current, non-auto-updating Studio would get, and
 * listed in `StudioPage.cdn`; any other host is aborted and counts as a problem.
 */
const SANITY_CDN: { host: string; answer: (url: URL) => { status: number; contentType: string; body: string } }[] = [
  { host: 'core.sanity-cdn.com', answer: () => ({ status: 200, contentType: 'text/javascript', body: '' }) },
  {
    host: 'sanity-cdn.com',
    answer: () => ({ status: 200, contentType: 'application/json', body: JSON.stringify({ latest: SANITY_VERSION, packageVersion: SANITY_VERSION }) }),
  },
  { host: 'design-system-static.sanity.io', answer: () => ({ status: 200, contentType: 'font/woff2', body: '' }) },
  // The Inter faces Sanity UI fetches when a pane first shows one (issue #20's panes brought italic medium).
  { host: 'studio-static.sanity.io', answer: () => ({ status: 200, contentType: 'font/woff2', body: '' }) },
];
const SANITY_VERSION = (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', 'sanity', 'package.json'), 'utf8')) as { version: string }).version;

export interface StudioPage {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and aborted off-host requests, as readable lines. */
  problems: string[];
  /** Requests to Sanity's CDNs, answered in the browser (see SANITY_CDN). */
  cdn: string[];
  close(): Promise<void>;
}

/**
 * A signed-in editor's tab: Spanish locale, the token in localStorage before any script runs, and
 * every request to a host other than the Studio's and the API's aborted and recorded.
 */
export async function openStudio(rig: StudioRig, allowedHosts: string[] = []): Promise<StudioPage> {
  const context = await rig.browser.newContext({
    ignoreHTTPSErrors: true,
    locale: 'es-ES',
    timezoneId: 'America/Guatemala',
    viewport: { width: 1440, height: 900 },
  });
  await context.addInitScript(
    ([key, token]) => {
      window.localStorage.setItem(key, JSON.stringify({ token }));
    },
    [`__studio_auth_token_${E2E_PROJECT_ID}`, E2E_TOKEN] as const,
  );
  const problems: string[] = [];
  const cdn: string[] = [];
  const allowed = new Set([rig.studio.host, `${E2E_PROJECT_ID}.api.sanity.io`, 'api.sanity.io', ...allowedHosts]);
  await context.route(
    (url) => !allowed.has(url.host),
    (route) => {
      const url = new URL(route.request().url());
      const known = SANITY_CDN.find((entry) => entry.host === url.host);
      if (known) {
        cdn.push(`${url.host}${url.pathname}`);
        const { status, contentType, body } = known.answer(url);
        return route.fulfill({ status, contentType, body, headers: { 'access-control-allow-origin': '*' } });
      }
      problems.push(`off-host request: ${url.href}`);
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems, cdn, close: () => context.close() };
}
