#!/usr/bin/env node
// Builds the site into a fresh folder and only then swaps it into place, so a failed build
// (bad content, dead API) never leaves a partial or empty dist/ where the last good one was.
// Before the swap it pins the Content-Security-Policy in _headers to the inline styles the build
// actually produced (see pinInlineStyles).
//
// The build always happens in a folder of its own inside the project (.dist-build-<pid>/, ignored
// by git), whatever BUILD_OUT_DIR says: Astro keeps its intermediate server chunks in
// <outDir>/.prerender/ when outDir is inside the project, but in the shared .astro/.prerender/
// when it is not, and two such builds at once (tests, benchmarks, a developer) would delete each
// other's chunks mid-build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
const result = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  // NODE_ENV pinned: a build started from a test runner (NODE_ENV=test) must ship the same files.
  env: { ...process.env, NODE_ENV: 'production', ASTRO_OUT_DIR: workDir, ASTRO_TELEMETRY_DISABLED: '1' },
});
let built = result.status === 0 && existsSync(path.join(workDir, 'index.html')) && readdirSync(workDir).length > 0;
if (built) {
  try {
    rmSync(path.join(workDir, '.prerender'), { recursive: true, force: true });
    pinInlineStyles(workDir);
    if (process.env.NETLIFY === 'true') dropDetachLines(workDir);
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
 * Astro inlines the stylesheet into a `<style>` element on every page. The CSP template in
 * site/public/_headers allows it with `style-src 'self' 'unsafe-inline'`; here the sha256 of every
 * distinct inline style is added to that directive. Browsers that understand hashes (CSP level 2+,
 * all current ones) then ignore 'unsafe-inline', so only the site's own styles can apply; older
 * ones keep working with 'unsafe-inline'. Style attributes cannot be allowed by a hash, so when a
 * page has one the template is left as it is and a warning says why.
 * @param {string} dir
 */
function pinInlineStyles(dir) {
  const headersFile = path.join(dir, '_headers');
  if (!existsSync(headersFile)) return;
  const hashes = new Set();
  let styleAttributes = 0;
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, 'utf8');
    for (const [, css = ''] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
      hashes.add(`'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`);
    }
    styleAttributes += [...html.matchAll(/<[a-z][^>]*\sstyle\s*=/gi)].length;
  }
  if (styleAttributes > 0) {
    console.warn(`[csp] ${styleAttributes} style="…" attribute(s) in the pages: style-src keeps 'unsafe-inline' without hashes.`);
    return;
  }
  if (hashes.size === 0) return;
  const template = readFileSync(headersFile, 'utf8');
  const pinned = template.replace(/(style-src 'self' 'unsafe-inline')(?=;|$)/gm, `$1 ${[...hashes].sort().join(' ')}`);
  if (pinned === template) throw new Error(`_headers has no "style-src 'self' 'unsafe-inline'" directive to pin`);
  writeFileSync(headersFile, pinned);
}

/**
 * `! Header` lines drop a header set by a broader rule on Cloudflare Pages; Netlify does not know
 * them (it lets the later rule's value win instead), so they are removed on Netlify builds.
 * @param {string} dir
 */
function dropDetachLines(dir) {
  const headersFile = path.join(dir, '_headers');
  if (!existsSync(headersFile)) return;
  const lines = readFileSync(headersFile, 'utf8').split('\n');
  writeFileSync(headersFile, lines.filter((line) => !/^\s+!\s*\S/.test(line)).join('\n'));
}

/** @param {string} dir @returns {string[]} */
function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
