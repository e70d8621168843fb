#!/usr/bin/env node
// `npm run preview:drafts [-- --port 4321]`: the site as it will look once the current drafts are
// published. Runs `astro dev` on 127.0.0.1 against the Content Lake with the drafts perspective
// (CONTENT_PERSPECTIVE=drafts, read by site/lib/content/source.ts) and a read token; every page
// then carries a "BORRADOR" banner and is marked noindex. Nothing is written to dist/, and
// scripts/build.mjs refuses to build while CONTENT_PERSPECTIVE is set.
//
// The dev server is started through Astro's JavaScript API rather than the `astro dev` command so
// that it can add one small Vite plugin (freshDrafts, below): without it, reloading a page after an
// edit in the Studio would keep showing the content of the first visit.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dev } from 'astro';

const root = path.resolve(import.meta.dirname, '..');

const REQUIRED = [
  {
    name: 'SANITY_PROJECT_ID',
    es: 'el id del proyecto de Sanity (el de https://www.sanity.io/manage)',
    en: 'the Sanity project id (shown at https://www.sanity.io/manage)',
  },
  {
    name: 'SANITY_API_READ_TOKEN',
    es: 'un token de lectura (rol Viewer; sanity.io/manage → API → Tokens): los borradores nunca son públicos',
    en: 'a read token (Viewer role; sanity.io/manage → API → Tokens): drafts are never public',
  },
];

const missing = REQUIRED.filter(({ name }) => !process.env[name]?.trim());
if (missing.length > 0) {
  for (const { name, es, en } of missing) {
    console.error(`Falta la variable ${name}: ${es}. Defínela y vuelve a ejecutar npm run preview:drafts.`);
    console.error(`${name} is not set: ${en}. Set it and run npm run preview:drafts again.`);
  }
  process.exit(1);
}

const { host, port } = parseArguments(process.argv.slice(2));
process.env.CONTENT_PERSPECTIVE = 'drafts';
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// A dev server, whatever the shell says: under NODE_ENV=production or test, Vite's dev server
// stops following edits (see freshDrafts).
process.env.NODE_ENV = 'development';

const server = await startPreview().catch((error) => {
  if (!/already in use/.test(String(error?.message))) throw error;
  console.error(`El puerto ${port} está ocupado: cierra el otro servidor o usa otro puerto (npm run preview:drafts -- --port 4400).`);
  console.error(`Port ${port} is in use: stop the other server or pick another port (npm run preview:drafts -- --port 4400).`);
  process.exit(1);
});
console.log(`\nVista previa de borradores / Draft preview: http://${host}:${server.address.port}/ (Ctrl+C)\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.stop().finally(() => process.exit(0));
  });
}

function startPreview() {
  return dev({
    root,
    server: { host, port },
    vite: {
      plugins: [freshDrafts()],
      // Its own dependency cache: the extra plugin would otherwise make `npm run dev` and the preview
      // re-optimise each other's dependencies on every switch.
      cacheDir: path.join(root, 'node_modules', '.vite-preview-drafts'),
      server: {
        // The Studio's "Vista previa" links point at one port: if it is taken, say so rather than move.
        strictPort: true,
        // Builds running next to the preview (tests, `npm run build`) must not reload its pages.
        watch: { ignored: ['**/dist/**', '**/dist.*/**', '**/.dist-build-*/**', '**/.test-results/**'] },
      },
    },
  });
}

/**
 * Astro's dev server keeps what `getStaticPaths` returned for a route (every page's content, in its
 * props) until a source file changes; content edited in the Studio is not a file. Before each page
 * request this plugin sends the event Astro itself sends when content changes, which empties that
 * cache, so the page is rendered from a fresh query (site/lib/content/load.ts reuses a draft load
 * for a second at most). New draft sessions and speakers get their pages the same way.
 * tests/build/preview-drafts.test.ts edits a draft between two requests to prove it.
 */
/** @returns {import('vite').Plugin} */
function freshDrafts() {
  return {
    name: 'preview-drafts:fresh-content',
    configureServer(viteServer) {
      viteServer.middlewares.use((req, _res, next) => {
        if (!isPageRequest(req)) return next();
        for (const [name, environment] of Object.entries(viteServer.environments)) {
          if (name !== 'client') environment.hot.send('astro:content-changed', {});
        }
        // The module runner handles the event asynchronously: let it run before the page does.
        setImmediate(next);
      });
    },
  };
}

/**
 * A GET for a page (a path ending in `/` or `.html`), not for a script, style, image or module.
 * @param {import('node:http').IncomingMessage} req
 */
function isPageRequest(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  if (/^\/(@|_astro\/|node_modules\/)/.test(pathname)) return false;
  return pathname.endsWith('/') || pathname.endsWith('.html');
}

/**
 * `--port N`, `--port=N`, `--host H`, `--host=H`; anything else stops with a message.
 * @param {string[]} args
 * @returns {{ host: string, port: number }}
 */
function parseArguments(args) {
  const usage = 'Uso / usage: npm run preview:drafts -- [--port 4321] [--host 127.0.0.1]';
  let values;
  try {
    ({ values } = parseArgs({ args, options: { port: { type: 'string', default: '4321' }, host: { type: 'string', default: '127.0.0.1' } }, strict: true }));
  } catch (error) {
    console.error(`Opción no válida / invalid option: ${error instanceof Error ? error.message : String(error)}. ${usage}`);
    process.exit(1);
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port < 1 || port > 65535 || !values.host) {
    console.error(`Opción no válida / invalid option: --port ${values.port} --host ${values.host}. ${usage}`);
    process.exit(1);
  }
  return { host: values.host, port };
}
