#!/usr/bin/env node
// Builds the site into a fresh folder and only then swaps it into place, so a failed build
// (bad content, dead API) never leaves a partial or empty dist/ where the last good one was.
// Before the swap it writes what hosts need, pinned to the inline styles the build actually
// produced (see writeHostingFiles).
//
// The build always happens in a folder of its own inside the project (.dist-build-<pid>/, ignored
// by git), whatever BUILD_OUT_DIR says: Astro keeps its intermediate server chunks in
// <outDir>/.prerender/ when outDir is inside the project, but in the shared .astro/.prerender/
// when it is not, and two such builds at once (tests, benchmarks, a developer) would delete each
// other's chunks mid-build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCacheDir } from '../site/lib/build-cache.ts';
import { headersFile, redirectsFile } from '../site/lib/hosting/headers-file.ts';
import { contentSecurityPolicy, hostedLanguages } from '../site/lib/hosting/policy.ts';
import { shellBundle } from '../site/lib/shell-bundle.ts';
import { takeAstroCache } from './lib/astro-cache.mjs';
import { htmlFiles, inlineStyleHashes, pageStyleHashes } from './lib/inline-styles.mjs';

// A production build only ever shows published content: the draft preview's switch
// (scripts/preview-drafts.mjs sets it for `astro dev`) stops it before anything is touched.
const perspective = process.env.CONTENT_PERSPECTIVE?.trim();
if (perspective && perspective !== 'published') {
  console.error(
    [
      `No se construye el sitio: CONTENT_PERSPECTIVE=${perspective} es para la vista previa de borradores (npm run preview:drafts), y un sitio publicado nunca muestra borradores. Quita la variable y vuelve a ejecutar npm run build.`,
      `Not building: CONTENT_PERSPECTIVE=${perspective} is for the draft preview (npm run preview:drafts), and a published site never shows drafts. Unset it and run npm run build again.`,
    ].join('\n'),
  );
  process.exit(1);
}

const root = path.resolve(import.meta.dirname, '..');
const target = path.resolve(root, process.env.BUILD_OUT_DIR ?? 'dist');
const workDir = path.join(root, `.dist-build-${process.pid}`);
const staging = `${target}.staging-${process.pid}`;
const previous = `${target}.previous-${process.pid}`;

rmSync(workDir, { recursive: true, force: true });
removeAbandonedBuilds();
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
// A larger young generation (V8's default semi-space is 16 MB on 64-bit): the build allocates
// hundreds of MB of short-lived strings and pixel rows, and with the default V8's collector
// threads took ~5.5 of a 10× clean build's ~23 CPU seconds; at 32 MB the build used ~3 s less
// (64 did worse).
const astroCache = takeAstroCache(buildCacheDir());
const result = spawnSync(process.execPath, ['--max-semi-space-size=32', astro, 'build', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  // NODE_ENV pinned: a build started from a test runner (NODE_ENV=test) must ship the same files.
  // OFFLINE_SHELL_REWRITTEN: refreshWorkerRevisions below packs the offline shells from the final pages.
  // ASTRO_CACHE_DIR: Astro's incremental build, in the cache folder this build holds (scripts/lib/astro-cache.mjs).
  env: {
    ...process.env,
    NODE_ENV: 'production',
    ASTRO_OUT_DIR: workDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    OFFLINE_SHELL_REWRITTEN: '1',
    ASTRO_CACHE_DIR: astroCache.dir,
  },
});
astroCache.finish(result.status === 0);
let built = result.status === 0 && existsSync(path.join(workDir, 'index.html')) && readdirSync(workDir).length > 0;
if (built) {
  try {
    rmSync(path.join(workDir, '.prerender'), { recursive: true, force: true });
    writeHostingFiles(workDir);
    refreshWorkerRevisions(workDir);
    // Next to the target, so the swap below is two renames on one file system.
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(path.dirname(target), { recursive: true });
    moveDir(workDir, staging);
  } catch (error) {
    console.error(`\nCould not finish the build: ${error instanceof Error ? error.message : String(error)}`);
    built = false;
  }
}
if (!built) {
  rmSync(workDir, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed: ${existsSync(target) ? `${path.relative(root, target)}/ still holds the previous build` : 'nothing was published'}.`);
  process.exit(result.status || 1);
}
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
console.log(`Built ${path.relative(root, target) || '.'}/`);

/** Deletes work folders left by builds that were killed (their process no longer exists). */
function removeAbandonedBuilds() {
  for (const name of readdirSync(root)) {
    const pid = Number(/^\.dist-build-(\d+)$/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ESRCH') rmSync(path.join(root, name), { recursive: true, force: true });
    }
  }
}

/**
 * Renames, or copies and deletes when the destination is on another file system.
 * @param {string} from
 * @param {string} to
 */
function moveDir(from, to) {
  try {
    renameSync(from, to);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * The service workers (site/lib/offline.ts) precache each language's shell bundle
 * (site/lib/shell-bundle.ts), written by Astro's build, before writeHostingFiles adds the policy to
 * every page. Each bundle and its revision in the worker are written again here from the final
 * pages, so the shell a reader gets offline is what they download online.
 * @param {string} dir
 */
function refreshWorkerRevisions(dir) {
  for (const { prefix } of hostedLanguages) {
    const file = path.join(dir, prefix, 'sw.js');
    if (!existsSync(file)) continue;
    const source = readFileSync(file, 'utf8');
    const updated = source.replace(/\{"revision":"[0-9a-f]+","url":"([^"]*offline-shell\.json)"\}/g, (_, url) => {
      const bundle = path.join(dir, url);
      const pages = /** @type {{ pages: { url: string }[] }} */ (JSON.parse(readFileSync(bundle, 'utf8'))).pages.map((page) => page.url);
      const text = shellBundle(pages.map((page) => ({ url: page, html: readFileSync(path.join(dir, page, 'index.html'), 'utf8') })));
      writeFileSync(bundle, text);
      return JSON.stringify({ revision: createHash('md5').update(text).digest('hex'), url });
    });
    writeFileSync(file, updated);
  }
}

/**
 * Writes what hosts need from this build (site/lib/hosting/policy.ts): `_headers` (and on Netlify
 * `_redirects`)
 * with the policy pinned to the inline styles the pages actually have, the same policy as a
 * `<meta>` in every page (there with only that page's style hashes) (a host that sends no headers, like GitHub Pages, still enforces it), and
 * `<lang>/404.html` for each language, where Cloudflare Pages and nginx look for it.
 *
 * Astro's own `security.csp` was not used: it takes over script-src (adding hashes of bundled
 * scripts where 'self' is the rule), and for static output without an adapter it only writes the
 * meta tag, so the headers would come from another source.
 * @param {string} dir
 */
function writeHostingFiles(dir) {
  const { hashes, styleAttributes } = inlineStyleHashes(dir);
  if (styleAttributes > 0) console.warn(`[csp] ${styleAttributes} style="…" attribute(s) in the pages: style-src keeps 'unsafe-inline' without hashes.`);
  const netlify = process.env.NETLIFY === 'true';
  writeFileSync(path.join(dir, '_headers'), headersFile({ styleHashes: hashes, flavour: netlify ? 'netlify' : 'cloudflare' }));
  // Only Netlify needs the 404 rules; Cloudflare Pages rejects status-404 rules (and warns) and
  // finds each language's 404.html by itself.
  if (netlify) writeFileSync(path.join(dir, '_redirects'), redirectsFile());
  for (const { isDefault, notFoundPage, prefix } of hostedLanguages) {
    if (isDefault) continue;
    const page = path.join(dir, prefix, '404', 'index.html');
    if (!existsSync(page)) throw new Error(`${path.relative(dir, page)} was not built: the ${prefix} 404 page is missing`);
    copyFileSync(page, path.join(dir, notFoundPage));
  }
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, 'utf8');
    // A page's meta policy names only its own styles: the hashes are incompressible (~45 B each in
    // gzip), and the other pages' ones allow nothing here. Both policies apply where a host sends
    // the header too, so the page gets the stricter one. A page without inline styles keeps the
    // site's list, so 'unsafe-inline' never becomes the rule there.
    const own = hashes.length ? pageStyleHashes(html) : [];
    const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy({ styleHashes: own.length ? own : hashes, delivery: 'meta' }))}">`;
    // Right after the charset, before anything the policy governs: a meta policy only applies to
    // what follows it.
    const charset = /<meta charset="utf-8"\s*\/?>/i.exec(html);
    if (!charset) throw new Error(`${path.relative(dir, file)} has no <meta charset="utf-8"> to put the policy after`);
    const at = charset.index + charset[0].length;
    writeFileSync(file, html.slice(0, at) + meta + html.slice(at));
  }
}

/** @param {string} value */
function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
