#!/usr/bin/env node
// `npm run bench`: figures about the built site, not a pass/fail test. It prints
//   (a) build time against content size: the embedded dataset, then 10× and 100× synthetic copies,
//       each as a clean build and as a rebuild after one session's title changed (the build cache
//       kept), in CPU seconds (user+sys) and as a ratio to a floor built in the same run: a bare
//       Astro project on the same astro version with as many trivial pages;
//   (a') first-visit bytes: the home page, its script, its language's service worker and all the
//       worker precaches, gzip, at every size;
//   (b) per page kind and language: HTML, inline CSS and JS weight (raw and gzip), the requests a
//       real Chromium makes, render-blocking resources;
//   (c) Lighthouse (mobile profile, simulated throttling) for every reader-facing page kind,
//       My programme included, served with gzip;
//   (d) the budgets, each marked "within budget" or "over budget".
// It exits 0 whatever the figures say; non-zero only when the tooling itself breaks (a build of
// valid content fails, Chromium or Lighthouse cannot run). BENCH_SKIP=scale,lighthouse skips parts;
// BENCH_LIGHTHOUSE_RUNS (default 3) sets the runs per page; BENCH_BUILD_ROUNDS (default 5) the rounds
// of floor, clean build and rebuild for a size with a CPU budget (10×); BENCH_FACTORS (default 1,10; the 100×
// builds take half an hour on a shared machine, so they run only when asked: BENCH_FACTORS=1,10,100) the
// content sizes; BENCH_KEEP=1 keeps the temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { chromium } from 'playwright-core';
import { defaultLang, langOfPath, languages, PAGE_KINDS, pagePath, SINGLE_PAGE_KINDS } from '../content-models/routes.ts';
import { BUILD_SETTINGS, CONTENT_SETTINGS } from '../site/lib/content/settings.ts';
import { CHROMIUM_FLAGS, chromiumPath } from './lib/browser-flags.mjs';
import { startupScripts } from './lib/startup-scripts.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { readDataset, scaleDataset, toNdjson } from './lib/synthetic-dataset.mjs';

const root = path.resolve(import.meta.dirname, '..');
const seedFile = path.join(root, 'studio', 'seed', 'production.ndjson');
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const work = mkdtempSync(path.join(os.tmpdir(), 'seminario-bench-'));
/** Tooling failures: reported as they happen, and turned into the exit code at the end. @type {string[]} */
const broken = [];

/** Budgets (d). Gzip sizes in bytes. */
const BUDGET = {
  criticalGzip: 14 * 1024, // the first TCP round trip (10 packets ≈ 14 KB): HTML with its inline CSS
  jsGzip: 3 * 1024,
  firstVisit: { 1: 60 * 1024, 10: 90 * 1024 },
  cleanBuildVsFloor: { 10: 6 },
  rebuildVsFloor: { 10: 4 },
  fontRequests: 0,
  lighthouse: 100,
  cls: 0,
};

const SAMPLE = { session: 'inauguracion', speaker: 'rita-mishaan' };
// Every page kind of the route table, plus the embed and the 404 (routes of their own).
const KINDS = [...PAGE_KINDS, 'embed', 'notFound'];
const LIGHTHOUSE_KINDS = PAGE_KINDS;
/** Lighthouse's simulated throttling still varies run to run on a busy machine; it recommends a median. */
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS) || 3);
/** Rounds of floor, clean build and rebuild for a size with a CPU budget (BENCH_BUILD_ROUNDS). */
const BUILD_ROUNDS = Math.max(1, Number(process.env.BENCH_BUILD_ROUNDS) || 5);

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const [low = 0, high = 0] = [sorted[sorted.length % 2 ? middle : middle - 1], sorted[middle]];
  return (low + high) / 2;
}

/** @param {string} lang @param {string} kind */
function samplePath(lang, kind) {
  if (kind === 'notFound') return lang === 'es' ? '/404.html' : `/${lang}/404/`;
  if (kind === 'embed') return `${pagePath('home', /** @type {any} */ (lang))}embed/`;
  return pagePath(/** @type {any} */ (kind), /** @type {any} */ (lang), kind === 'session' || kind === 'speaker' ? SAMPLE[kind] : undefined);
}

// ---------------------------------------------------------------------------------------------
// Output helpers

const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (/** @type {number | null} */ n) => `${Math.round(n ?? 0)} ms`;
const verdict = (/** @type {boolean} */ ok) => (ok ? 'within budget' : 'over budget');

/**
 * Prints rows as an aligned text table; numbers-looking cells are right-aligned.
 * @param {string[]} header
 * @param {(string | number)[][]} rows
 */
function table(header, rows) {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => /^[\d.,]+( (ms|KB|s|B))?$|^—$/.test(String(r[i]))));
  const line = (/** @type {string[]} */ r) => r.map((c, i) => (numeric[i] ? (c ?? '').padStart(widths[i] ?? 0) : (c ?? '').padEnd(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

/** @param {string} title */
function section(title) {
  console.log(`\n${title}\n${'═'.repeat(title.length)}`);
}

// ---------------------------------------------------------------------------------------------
// (a) Build time against content size

/** Files under a folder, as paths relative to it. @param {string} dir @returns {string[]} */
function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/**
 * @typedef {{ ok: false, elapsed: number, error: string }} FailedBuild
 * @typedef {{ ok: true, elapsed: number, cpu: number, pages: number, files: number, bytes: number, byType: Record<string, { count: number, bytes: number }>, astroMs: number | null, routes: Map<string, { count: number, ms: number }> }} Build
 */

/**
 * Runs scripts/build.mjs into `outDir` with the given dataset and times it.
 * @param {string} outDir
 * @param {string | null} datasetFile null: the embedded dataset
 * @param {string} [cacheDir] the build cache (BUILD_CACHE_DIR); default a new one per target
 * @returns {FailedBuild | Build}
 */
function build(outDir, datasetFile, cacheDir = path.join(outDir, '..', `${path.basename(outDir)}-cache`)) {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
  // Like npm test: the benchmark measures a local dataset, never a developer's Content Lake.
  for (const key of [...CONTENT_SETTINGS, ...BUILD_SETTINGS]) delete env[key];
  // Set after the clearing above, which removes a developer's own BUILD_OUT_DIR.
  Object.assign(env, { BUILD_OUT_DIR: outDir, BUILD_CACHE_DIR: cacheDir });
  if (datasetFile) env.CONTENT_DATASET_FILE = datasetFile;
  const started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const elapsed = performance.now() - started;
  const cpu = childrenCpuSeconds() - cpuBefore;
  if (result.status !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-25).join('\n');
    return { ok: false, elapsed, error: tail };
  }
  const files = listFiles(outDir);
  const pages = files.filter((f) => f.endsWith('.html')).length;
  /** @type {Record<string, { count: number, bytes: number }>} */
  const byType = {};
  for (const f of files) {
    const ext = path.extname(f).slice(1) || '(none)';
    byType[ext] ??= { count: 0, bytes: 0 };
    byType[ext].count++;
    byType[ext].bytes += statSync(path.join(outDir, f)).size;
  }
  const bytes = Object.values(byType).reduce((sum, t) => sum + t.bytes, 0);
  // Astro's own figure ("N page(s) built in X s") excludes process start-up and config loading.
  const log = stripVTControlCharacters(result.stdout);
  // Astro prints "812ms", "5.65s" or "8m 21s" (core/build/util.js getTimeStat).
  const astro = /\d+ page\(s\) built in (?:(\d+)m (\d+)s|([\d.]+)(ms|s))/.exec(log);
  const astroMs = !astro ? null : astro[1] ? (Number(astro[1]) * 60 + Number(astro[2])) * 1000 : Number(astro[3]) * (astro[4] === 's' ? 1000 : 1);
  return { ok: true, elapsed, cpu, pages, files: files.length, bytes, byType, astroMs, routes: routeTimes(log) };
}

/** Folder names of the route table, to tell page kinds apart in Astro's log. */
const FOLDERS = Object.fromEntries(
  languages.flatMap((lang) =>
    SINGLE_PAGE_KINDS.filter((kind) => kind !== 'home').map((kind) => [
      `${lang}:${pagePath(/** @type {any} */ (kind), lang)
        .split('/')
        .filter(Boolean)
        .at(-1)}`,
      kind,
    ]),
  ),
);

/**
 * What an output path is, for the timing breakdown: a page kind, or a kind of file.
 * @param {string} urlPath e.g. /en/programme/inauguracion/index.html, /og/es/index.png/
 */
function outputKind(urlPath) {
  const clean = urlPath.replace(/\/$/, '');
  if (clean.endsWith('.png')) return 'share images (png)';
  if (clean.endsWith('.ics')) return 'calendars (ics)';
  if (!clean.endsWith('.html')) return 'other files (json, xml, js…)';
  const parts = clean
    .replace(/(index)?\.html$/, '')
    .split('/')
    .filter(Boolean);
  const lang = langOfPath(urlPath);
  if (lang !== defaultLang) parts.shift();
  if (parts.length === 0) return 'home';
  if (parts[0] === '404') return '404';
  const kind = FOLDERS[`${lang}:${parts[0]}`];
  if (!kind) return `other pages (/${parts[0]}/)`;
  if (kind === 'programme') return parts.length > 1 ? 'session pages' : 'programme';
  if (kind === 'speakers') return parts.length > 1 ? 'speaker pages' : 'speakers';
  return /** @type {Record<string, string>} */ ({ conceptNote: 'concept note', myProgramme: 'my programme' })[kind] ?? kind;
}

/**
 * Astro logs every route it writes as `├─ /path (+12ms)`, the time since the previous one; summed
 * by kind, it shows where build time goes and which part grows faster than the content.
 * @param {string} log Astro's output without colours
 * @returns {Map<string, { count: number, ms: number }>}
 */
function routeTimes(log) {
  const out = new Map();
  for (const match of log.matchAll(/[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/g)) {
    const kind = outputKind(match[1] ?? '');
    const entry = out.get(kind) ?? { count: 0, ms: 0 };
    entry.count++;
    entry.ms += Number(match[2]) * (match[3] === 's' ? 1000 : 1);
    out.set(kind, entry);
  }
  return out;
}

/** Clock ticks per second of /proc's CPU times. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/**
 * CPU seconds (user+sys) used so far by this process's finished children and theirs: Linux adds a
 * child's times (cutime, cstime) to its parent's once it has been waited for, so the difference
 * around a spawnSync is the CPU of the whole build (Node, Astro, esbuild), whatever the machine's load.
 */
function childrenCpuSeconds() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of proc(5), counted after the command name: cutime and cstime.
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

/**
 * The floor: a bare Astro project on the same astro version (node_modules symlinked) with
 * `pages` trivial pages (title, heading, one line of text), built in the same run; returns its
 * CPU seconds, or null when it does not build.
 * @param {number} pages
 * @param {number} [round]
 */
function buildFloor(pages, round = 0) {
  // A folder of its own each time: a second build in the same folder could reuse what the first left.
  const dir = path.join(work, `floor-${pages}${round ? `-r${round}` : ''}`);
  mkdirSync(path.join(dir, 'src', 'pages'), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'floor', private: true, type: 'module' }));
  writeFileSync(path.join(dir, 'astro.config.mjs'), 'export default {};\n');
  writeFileSync(
    path.join(dir, 'src', 'pages', '[page].astro'),
    [
      '---',
      `export const getStaticPaths = () => Array.from({ length: ${pages} }, (_, i) => ({ params: { page: String(i) } }));`,
      'const { page } = Astro.params;',
      '---',
      '<html lang="en"><head><meta charset="utf-8"><title>Page {page}</title></head><body><h1>Page {page}</h1><p>One line of text.</p></body></html>',
      '',
    ].join('\n'),
  );
  const before = childrenCpuSeconds();
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const cpu = childrenCpuSeconds() - before;
  if (result.status !== 0) {
    broken.push(`the floor (${pages} pages) did not build: ${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-5).join(' / ')}`);
    return null;
  }
  return cpu;
}

/**
 * First-visit bytes, gzip: what a reader's phone downloads on opening a language's home page, its
 * service worker included: the page, the scripts it loads, the worker script, and every file the
 * worker precaches (counted even where the HTTP cache could spare one; the shell pages come in one
 * bundle file, site/lib/shell-bundle.ts, counted as the worker downloads it).
 * @param {string} dir a built site
 * @param {string} lang
 */
function firstVisitBytes(dir, lang) {
  const home = pagePath('home', /** @type {any} */ (lang));
  const html = readFileSync(fileOf(dir, home), 'utf8');
  const scripts = [...parseHTML(html).document.querySelectorAll('script[src]')].map((el) => new URL(el.getAttribute('src') ?? '', 'http://x/').pathname);
  const worker = `${home}sw.js`;
  const source = readFileSync(fileOf(dir, worker), 'utf8');
  const manifest = /\[\{"revision":(?:"[0-9a-f]+"|null),"url":"[^"]*"\}(?:,\{"revision":(?:"[0-9a-f]+"|null),"url":"[^"]*"\})*\]/.exec(source);
  /** @type {string[]} */
  const precached = manifest ? JSON.parse(manifest[0]).map((/** @type {{ url: string }} */ e) => e.url) : [];
  const files = [home, ...scripts, worker, ...precached];
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(fileOf(dir, f))).length, 0);
  return { bytes, requests: files.length };
}

/**
 * A copy of a dataset file with one session's title changed, as an editor's one publish.
 * @param {any[]} docs
 * @param {string} file
 */
function writeEdited(docs, file) {
  let edited = false;
  const copy = docs.map((doc) => {
    if (edited || doc._type !== 'session' || typeof doc.title?.es !== 'string') return doc;
    edited = true;
    return { ...doc, title: { ...doc.title, es: `${doc.title.es} (editado)` } };
  });
  writeFileSync(file, toNdjson(copy));
}

function benchBuilds() {
  section('(a) Build time against content size');
  const seed = readDataset(seedFile);
  // BENCH_FACTORS=1,10,100 adds the 100× builds (by far the longest); the default is 1× and 10×.
  const chosen = (process.env.BENCH_FACTORS ?? '1,10')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1);
  const factors = skip.has('scale') ? [1] : chosen.length ? chosen : [1, 10];
  /** @type {(string | number)[][]} */
  const rows = [];
  /** @type {string[]} */
  const breakdown = [];
  /** @type {{ label: string, routes: Map<string, { count: number, ms: number }>, astroMs: number | null }[]} */
  const timings = [];
  /** @type {string | null} */
  let embeddedOut = null;
  /** @type {Map<number, number | null>} */
  const floors = new Map();
  /** @type {{ factor: number, pages: number, clean: number, rebuild: number | null, floor: number | null, cleanRatio: number | null, rebuildRatio: number | null, rounds: number, visits: { bytes: number, requests: number }[] }[]} */
  const cpuRows = [];
  for (const factor of factors) {
    const outDir = path.join(work, `site-x${factor}`);
    /** @type {string | null} */
    let dataset = null;
    if (factor > 1) {
      dataset = path.join(work, `dataset-x${factor}.ndjson`);
      writeFileSync(dataset, toNdjson(scaleDataset(seed, factor)));
    }
    const docs = factor === 1 ? seed : scaleDataset(seed, factor);
    const count = (/** @type {string} */ type) => docs.filter((d) => d._type === type).length;
    process.stdout.write(
      `  building ${factor === 1 ? 'the embedded dataset' : `${factor}× dataset`} (${count('session')} sessions, ${count('speaker')} speakers)… `,
    );
    const [loadBefore = 0] = os.loadavg();
    const result = build(outDir, dataset);
    if (!result.ok) {
      console.log('FAILED');
      console.log(result.error.replace(/^/gm, '    '));
      broken.push(`build of the ${factor}× dataset failed`);
      rows.push([`${factor}×`, count('session'), count('speaker'), 'failed', '—', '—', '—', '—']);
      continue;
    }
    console.log(`${(result.elapsed / 1000).toFixed(1)} s, ${result.cpu.toFixed(1)} s CPU`);
    const edited = path.join(work, `dataset-x${factor}-edited.ndjson`);
    writeEdited(docs, edited);
    // A size with a CPU budget is measured BUILD_ROUNDS times, each round a floor, a clean build and
    // a rebuild one after the other: a shared machine's neighbours move single figures by ±15%, and
    // the median of each round's ratio (both sides measured under the same conditions) is what the
    // budget is checked against, as Lighthouse's median run is below.
    const rounds = BUDGET.cleanBuildVsFloor[/** @type {10} */ (factor)] ? BUILD_ROUNDS : 1;
    /** @type {{ clean: number, rebuild: number | null, floor: number | null }[]} */
    const measured = [];
    for (let round = 0; round < rounds; round++) {
      const suffix = round ? `-r${round}` : '';
      /** @type {number} */
      let clean = result.cpu;
      if (round) {
        process.stdout.write(`    round ${round + 1} of ${rounds}: clean build again (new cache)… `);
        const again = build(path.join(work, `site-x${factor}${suffix}`), dataset);
        console.log(again.ok ? `${again.cpu.toFixed(1)} s CPU` : 'FAILED');
        if (!again.ok) {
          broken.push(`clean build ${round + 1} of the ${factor}× dataset failed`);
          break;
        }
        clean = again.cpu;
      }
      process.stdout.write(`    rebuilding after one session's title changed (build cache kept)… `);
      const rebuild = build(path.join(work, `site-x${factor}-rebuild${suffix}`), edited, path.join(work, `site-x${factor}${suffix}-cache`));
      console.log(rebuild.ok ? `${(rebuild.elapsed / 1000).toFixed(1)} s, ${rebuild.cpu.toFixed(1)} s CPU` : 'FAILED');
      if (!rebuild.ok) broken.push(`rebuild of the ${factor}× dataset failed`);
      process.stdout.write(`    the floor: a bare Astro project with ${result.pages} trivial pages… `);
      const floor = rounds > 1 || !floors.has(result.pages) ? buildFloor(result.pages, round) : (floors.get(result.pages) ?? null);
      floors.set(result.pages, floor);
      console.log(floor === null ? 'FAILED' : `${floor.toFixed(1)} s CPU`);
      measured.push({ clean, rebuild: rebuild.ok ? rebuild.cpu : null, floor });
      if (round)
        for (const extra of [`site-x${factor}${suffix}`, `site-x${factor}${suffix}-cache`, `site-x${factor}-rebuild${suffix}`])
          rmSync(path.join(work, extra), { recursive: true, force: true });
    }
    // CPU seconds hardly change with the machine's load, wall times do: say what the load was.
    console.log(`    load average (1 min) before/after this size: ${loadBefore.toFixed(2)} / ${(os.loadavg()[0] ?? 0).toFixed(2)}`);
    const perRound = (/** @type {(number | null)[]} */ values) => (values.some((v) => v === null) ? null : median(/** @type {number[]} */ (values)));
    const toFloor = (/** @type {typeof measured[number]} */ m, /** @type {number | null} */ cpu) => (m.floor && cpu !== null ? cpu / m.floor : null);
    const cleanRatios = measured.map((m) => toFloor(m, m.clean));
    const rebuildRatios = measured.map((m) => toFloor(m, m.rebuild));
    const floor = perRound(measured.map((m) => m.floor));
    const rebuildCpu = perRound(measured.map((m) => m.rebuild));
    const cleanRatio = perRound(cleanRatios);
    const rebuildRatio = perRound(rebuildRatios);
    const listed = (/** @type {(number | null)[]} */ ratios) => ratios.map((r) => (r === null ? '—' : r.toFixed(2))).join(', ');
    if (rounds > 1)
      console.log(`    ${rounds} rounds, clean / floor: ${listed(cleanRatios)}; rebuild / floor: ${listed(rebuildRatios)} (the medians are reported)`);
    const visits = languages.map((lang) => firstVisitBytes(outDir, lang));
    cpuRows.push({
      factor,
      pages: result.pages,
      clean: perRound(measured.map((m) => m.clean)) ?? result.cpu,
      rebuild: rebuildCpu,
      floor,
      cleanRatio,
      rebuildRatio,
      rounds: measured.length,
      visits,
    });
    const mb = (/** @type {number} */ n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    breakdown.push(
      `  ${factor === 1 ? 'embedded' : `${factor}×`}: ${Object.entries(result.byType)
        .sort((x, y) => y[1].bytes - x[1].bytes)
        .map(([ext, t]) => `${t.count} ${ext} ${mb(t.bytes)}`)
        .join(', ')}`,
    );
    if (factor === 1) embeddedOut = outDir;
    timings.push({ label: factor === 1 ? 'embedded' : `${factor}×`, routes: result.routes, astroMs: result.astroMs });
    rows.push([
      factor === 1 ? 'embedded' : `${factor}×`,
      count('session'),
      count('speaker'),
      result.pages,
      `${(result.elapsed / 1000).toFixed(1)} s`,
      (result.elapsed / result.pages).toFixed(1),
      result.astroMs === null ? '—' : (result.astroMs / result.pages).toFixed(1),
      `${(result.bytes / 1024 / 1024).toFixed(1)} MB`,
    ]);
  }
  console.log('');
  table(['dataset', 'sessions', 'speakers', 'HTML pages', 'wall time', 'ms/page (wall)', 'ms/page (Astro)', 'output'], rows);
  console.log('  wall time: the whole `scripts/build.mjs` (Node and Astro start-up, 3 content loads, atomic swap); Astro: its own "pages built in".');
  console.log('\n  CPU (user+sys, the build and its children) against the floor, and first-visit bytes (gzip) per language home, service worker included:\n');
  const times = (/** @type {number | null} */ r) => (r === null ? '—' : `${r.toFixed(1)}×`);
  table(
    [
      'dataset',
      'HTML pages',
      'rounds',
      'floor CPU',
      'clean CPU',
      'clean / floor',
      'rebuild CPU',
      'rebuild / floor',
      'first visit es',
      'en',
      'pt',
      'requests (es)',
    ],
    cpuRows.map((r) => [
      r.factor === 1 ? 'embedded' : `${r.factor}×`,
      r.pages,
      r.rounds,
      r.floor === null ? '—' : `${r.floor.toFixed(1)} s`,
      `${r.clean.toFixed(1)} s`,
      times(r.cleanRatio),
      r.rebuild === null ? '—' : `${r.rebuild.toFixed(1)} s`,
      times(r.rebuildRatio),
      ...r.visits.map((v) => kb(v.bytes)),
      r.visits[0]?.requests ?? '—',
    ]),
  );
  console.log("  With more than one round: the median of each figure, and the median of the rounds' ratios (not a ratio of medians).");
  for (const r of cpuRows) {
    const visitBudget = BUDGET.firstVisit[/** @type {1 | 10} */ (r.factor)];
    const worst = Math.max(...r.visits.map((v) => v.bytes));
    if (visitBudget) console.log(`  ${r.factor}×: first visit ≤ ${kb(visitBudget)}: ${kb(worst)}, ${verdict(worst <= visitBudget)}`);
    const clean = BUDGET.cleanBuildVsFloor[/** @type {10} */ (r.factor)];
    const rebuilt = BUDGET.rebuildVsFloor[/** @type {10} */ (r.factor)];
    if (clean && r.cleanRatio !== null)
      console.log(`  ${r.factor}×: clean build ≤ ${clean}× the floor: ${r.cleanRatio.toFixed(2)}×, ${verdict(r.cleanRatio <= clean)}`);
    if (rebuilt && r.rebuildRatio !== null)
      console.log(`  ${r.factor}×: one-edit rebuild ≤ ${rebuilt}× the floor: ${r.rebuildRatio.toFixed(2)}×, ${verdict(r.rebuildRatio <= rebuilt)}`);
  }
  console.log('  Output by file type:');
  for (const line of breakdown) console.log(line);
  if (timings.length) {
    console.log('\n  Where Astro spends the render time (count × mean = total, from its per-route log):\n');
    const kinds = [...new Set(timings.flatMap((t) => [...t.routes.keys()]))].sort(
      (x, y) => (timings.at(-1)?.routes.get(y)?.ms ?? 0) - (timings.at(-1)?.routes.get(x)?.ms ?? 0),
    );
    table(
      ['output', ...timings.map((t) => t.label)],
      kinds.map((kind) => [
        kind,
        ...timings.map((t) => {
          const e = t.routes.get(kind);
          return e ? `${e.count} × ${(e.ms / e.count).toFixed(1)} ms = ${(e.ms / 1000).toFixed(1)} s` : '—';
        }),
      ]),
    );
    // The rest of Astro's total happens before the first route is written: loading, validating and
    // deriving the content (once per language), getStaticPaths, bundling.
    const outside = timings.map((t) => {
      if (t.astroMs === null) return `${t.label}: —`;
      const routed = [...t.routes.values()].reduce((sum, e) => sum + e.ms, 0);
      return `${t.label}: ${((t.astroMs - routed) / 1000).toFixed(1)} s`;
    });
    console.log(`\n  Astro total minus the per-route times (content load and validation, getStaticPaths, bundling): ${outside.join(', ')}`);
  }
  return embeddedOut;
}

// ---------------------------------------------------------------------------------------------
// (b) Page weight, requests, render-blocking resources

/** @param {string} text */
const gzip = (text) => gzipSync(Buffer.from(text)).length;

/** The built file of a URL path. @param {string} dir @param {string} urlPath */
function fileOf(dir, urlPath) {
  return path.join(dir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
}

/**
 * Static weights of a built page, read from the files.
 * @param {string} dir
 * @param {string} urlPath
 */
function weigh(dir, urlPath) {
  const html = readFileSync(fileOf(dir, urlPath), 'utf8');
  const { document } = parseHTML(html);
  const inlineCss = [...document.querySelectorAll('style')].reduce((n, el) => n + Buffer.byteLength(el.textContent ?? ''), 0);
  const inlineJsText = [...document.querySelectorAll('script:not([src])')]
    .filter((el) => !/json/.test(el.getAttribute('type') ?? ''))
    .map((el) => el.textContent ?? '')
    .join('\n');
  // The JS the page runs at startup, imports followed (scripts/lib/startup-scripts.mjs, as the
  // script-budget test weighs it), each file gzipped alone as a server sends it.
  const scripts = startupScripts(dir, urlPath, html);
  let jsRaw = Buffer.byteLength(inlineJsText);
  let jsGzip = inlineJsText ? gzip(inlineJsText) : 0;
  for (const file of scripts) {
    const text = readFileSync(file, 'utf8');
    jsRaw += Buffer.byteLength(text);
    jsGzip += gzip(text);
  }
  const externalCss = [...document.querySelectorAll('link[rel~="stylesheet"]')].length;
  const blocking = [
    ...[...document.querySelectorAll('head link[rel~="stylesheet"]')].filter(
      (el) => !el.hasAttribute('disabled') && !/^(print|not all)$/.test(el.getAttribute('media') ?? ''),
    ),
    ...[...document.querySelectorAll('head script[src]')].filter(
      (el) => !el.hasAttribute('async') && !el.hasAttribute('defer') && el.getAttribute('type') !== 'module',
    ),
  ].map((el) => el.getAttribute('href') ?? el.getAttribute('src'));
  return {
    htmlRaw: Buffer.byteLength(html),
    htmlGzip: gzip(html),
    inlineCss,
    inlineJs: Buffer.byteLength(inlineJsText),
    jsRaw,
    jsGzip,
    jsFiles: scripts.length,
    externalCss,
    blocking,
  };
}

/**
 * Loads each page in Chromium through the static server and records what it requests.
 * @param {import('./lib/static-server.mjs').StaticServer} server
 * @param {string[]} paths
 */
async function countRequests(server, paths) {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
  /** @type {Map<string, { total: number, fonts: number, offHost: number, kinds: string[] }>} */
  const out = new Map();
  try {
    for (const urlPath of paths) {
      const context = await browser.newContext({ timezoneId: 'America/Guatemala', locale: 'es-419' });
      const page = await context.newPage();
      /** @type {import('playwright-core').Request[]} */
      const seen = [];
      page.on('request', (request) => seen.push(request));
      await page.goto(server.url(urlPath), { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      out.set(urlPath, {
        total: seen.length,
        fonts: seen.filter((r) => r.resourceType() === 'font').length,
        offHost: seen.filter((r) => new URL(r.url()).host !== server.host).length,
        // "other" is what Chromium calls the favicon fetch; name such files instead.
        kinds: seen.map((r) => (r.resourceType() === 'other' ? path.basename(new URL(r.url()).pathname) : r.resourceType())),
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

/**
 * @param {string} dir
 * @param {import('./lib/static-server.mjs').StaticServer} server
 */
async function benchPages(dir, server) {
  section('(b) Page weight, requests and render-blocking resources (embedded dataset)');
  const paths = languages.flatMap((lang) => KINDS.map((kind) => ({ lang, kind, urlPath: samplePath(lang, kind) })));
  let requests = new Map();
  try {
    requests = await countRequests(
      server,
      paths.map((p) => p.urlPath),
    );
  } catch (error) {
    broken.push(`Chromium could not load the pages: ${error instanceof Error ? error.message : error}`);
    console.log(`  Chromium failed: ${error instanceof Error ? error.message : error}`);
  }
  const rows = [];
  const measured = [];
  for (const p of paths) {
    const w = weigh(dir, p.urlPath);
    const r = requests.get(p.urlPath);
    measured.push({ ...p, ...w, requests: r });
    rows.push([
      p.lang,
      p.kind,
      p.urlPath,
      kb(w.htmlRaw),
      kb(w.htmlGzip),
      kb(w.inlineCss),
      kb(w.jsRaw),
      kb(w.jsGzip),
      r ? String(r.total) : '—',
      r ? r.kinds.join(', ') : '—',
      r ? String(r.fonts) : '—',
      w.blocking.length ? w.blocking.join(' ') : 'none',
    ]);
  }
  table(['lang', 'kind', 'path', 'HTML', 'HTML gz', 'inline CSS', 'JS', 'JS gz', 'requests', 'what', 'fonts', 'render-blocking'], rows);
  console.log(
    '  HTML includes its inline CSS; gzip is zlib level 6 (a typical server setting). JS: the scripts the page loads at startup with their static imports, plus any inline script.',
  );
  // The pages (and Lighthouse's runs) are served compressed, as a host sends them: say so, measured.
  const probe = await fetch(server.url(samplePath('es', 'programme')), { headers: { 'accept-encoding': 'gzip' } });
  const encoding = probe.headers.get('content-encoding');
  await probe.arrayBuffer();
  console.log(
    `  Served by the bench's static server with Content-Encoding: ${encoding ?? 'none (NOT compressed)'} (checked on ${samplePath('es', 'programme')}).`,
  );
  if (encoding !== 'gzip') broken.push('the static server did not compress the pages');
  return measured;
}

// ---------------------------------------------------------------------------------------------
// (c) Lighthouse

/**
 * @typedef {{ kind: string, urlPath: string, error: string }} LighthouseFailure
 * @typedef {{ kind: string, urlPath: string, error?: undefined, performance: number | null, accessibility: number | null, bestPractices: number | null, seo: number | null, lcp: number | null, tbt: number | null, cls: number | null, fcp: number | null, lost: string[], perfScores: number[], warnings: string[], seconds: number }} LighthouseScores
 */

/**
 * @param {import('./lib/static-server.mjs').StaticServer} server
 * @returns {Promise<(LighthouseFailure | LighthouseScores)[]>}
 */
async function benchLighthouse(server) {
  section(`(c) Lighthouse 13, mobile profile (simulated slow 4G, 4× CPU slowdown), Spanish pages, median of ${LIGHTHOUSE_RUNS} runs`);
  process.env.CHROME_PATH ??= chromiumPath();
  let lighthouse;
  let chromeLauncher;
  let computeMedianRun;
  try {
    ({ default: lighthouse } = await import('lighthouse'));
    ({ computeMedianRun } = await import('lighthouse/core/lib/median-run.js'));
    chromeLauncher = await import('chrome-launcher');
  } catch (error) {
    broken.push(`Lighthouse cannot be loaded: ${error instanceof Error ? error.message : error}`);
    console.log(`  Lighthouse cannot be loaded on Node ${process.versions.node}: ${error instanceof Error ? error.message : error}`);
    return [];
  }
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH, chromeFlags: ['--headless', ...CHROMIUM_FLAGS] });
  /** @type {(LighthouseFailure | LighthouseScores)[]} */
  const results = [];
  try {
    for (const kind of LIGHTHOUSE_KINDS) {
      const urlPath = samplePath('es', kind);
      const started = performance.now();
      try {
        const runs = [];
        for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
          const run = await lighthouse(server.url(urlPath), { port: chrome.port, output: 'json', logLevel: 'error' });
          if (!run?.lhr) throw new Error('no report');
          if (run.lhr.runtimeError) throw new Error(`${run.lhr.runtimeError.code}: ${run.lhr.runtimeError.message}`);
          runs.push(run.lhr);
        }
        // Lighthouse's own choice of the representative run (median FCP and TTI).
        const lhr = computeMedianRun(runs);
        const perfScores = runs.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100));
        const score = (/** @type {string} */ id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
        // What cost points: every weighted audit under 1 in the four scored categories.
        const lost = [];
        for (const id of ['performance', 'accessibility', 'best-practices', 'seo']) {
          for (const ref of lhr.categories[id]?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
              lost.push(`${id}: ${audit.id} ${audit.displayValue ?? ''} (${audit.score})`.replace(/\s+/g, ' '));
          }
        }
        results.push({
          kind,
          urlPath,
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? null,
          tbt: lhr.audits['total-blocking-time']?.numericValue ?? null,
          cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? null,
          fcp: lhr.audits['first-contentful-paint']?.numericValue ?? null,
          lost,
          perfScores,
          warnings: lhr.runWarnings ?? [],
          seconds: (performance.now() - started) / 1000,
        });
      } catch (error) {
        broken.push(`Lighthouse failed on ${urlPath}: ${error instanceof Error ? error.message : error}`);
        results.push({ kind, urlPath, error: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    chrome.kill();
  }
  const fmt = (/** @type {number | null | undefined} */ n) => (n === null || n === undefined ? '—' : String(n));
  table(
    ['kind', 'path', 'perf', 'a11y', 'best pr.', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'perf per run', 'time'],
    results.map((r) =>
      r.error !== undefined
        ? [r.kind, r.urlPath, 'error', '—', '—', '—', '—', '—', '—', '—', '—', '—']
        : [
            r.kind,
            r.urlPath,
            fmt(r.performance),
            fmt(r.accessibility),
            fmt(r.bestPractices),
            fmt(r.seo),
            ms(r.fcp),
            ms(r.lcp),
            ms(r.tbt),
            r.cls === null ? '—' : r.cls.toFixed(3),
            r.perfScores.join(' '),
            `${r.seconds.toFixed(1)} s`,
          ],
    ),
  );
  for (const r of results) {
    if (r.error !== undefined) {
      console.log(`  ${r.urlPath}: Lighthouse error: ${r.error}`);
      continue;
    }
    for (const l of r.lost) console.log(`  ${r.urlPath} lost points on ${l}`);
    for (const w of r.warnings) console.log(`  ${r.urlPath} warning: ${w}`);
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// (d) Budgets

/**
 * One row per budget over all measured pages: the worst figure, its page, and the verdict; pages
 * over budget are named.
 * @param {Awaited<ReturnType<typeof benchPages>>} measured
 * @param {(LighthouseFailure | LighthouseScores)[]} lighthouseResults
 */
function budgets(measured, lighthouseResults) {
  section('(d) Budgets');
  /** @type {string[][]} */
  const rows = [];
  /** @type {string[]} */
  const over = [];
  /**
   * @param {string} label
   * @param {{ page: string, value: number | null }[]} figures
   * @param {(v: number) => boolean} ok
   * @param {'max' | 'min'} worst
   * @param {(v: number) => string} show
   */
  const budget = (label, figures, ok, worst, show) => {
    const known = /** @type {{ page: string, value: number }[]} */ (figures.filter((f) => f.value !== null));
    const sorted = [...known].sort((x, y) => (worst === 'max' ? y.value - x.value : x.value - y.value));
    const [first, last] = [sorted[0], sorted.at(-1)];
    if (!first || !last) {
      rows.push([label, 'not measured', '—', '—', 'not measured']);
      return;
    }
    const failing = known.filter((f) => !ok(f.value));
    for (const f of failing) over.push(`${label}: ${f.page} ${show(f.value)}`);
    const allEqual = first.value === last.value;
    rows.push([
      label,
      show(first.value),
      allEqual ? '(all pages)' : first.page,
      `${known.length - failing.length}/${known.length}`,
      verdict(failing.length === 0),
    ]);
  };
  const page = (/** @type {{ lang: string, kind: string }} */ m) => `${m.lang} ${m.kind}`;
  budget(
    'HTML + inline CSS, gzip ≤ 14 KB',
    measured.map((m) => ({ page: page(m), value: m.htmlGzip })),
    (v) => v <= BUDGET.criticalGzip,
    'max',
    kb,
  );
  budget(
    'JS, gzip ≤ 3 KB',
    measured.map((m) => ({ page: page(m), value: m.jsGzip })),
    (v) => v <= BUDGET.jsGzip,
    'max',
    kb,
  );
  budget(
    'render-blocking resources = 0',
    measured.map((m) => ({ page: page(m), value: m.blocking.length })),
    (v) => v === 0,
    'max',
    String,
  );
  budget(
    'web-font requests = 0',
    measured.map((m) => ({ page: page(m), value: m.requests?.fonts ?? null })),
    (v) => v === BUDGET.fontRequests,
    'max',
    String,
  );
  budget(
    'off-host requests = 0',
    measured.map((m) => ({ page: page(m), value: m.requests?.offHost ?? null })),
    (v) => v === 0,
    'max',
    String,
  );
  const lh = lighthouseResults.filter(/** @returns {r is LighthouseScores} */ (r) => r.error === undefined);
  for (const [label, key] of /** @type {[string, 'performance' | 'accessibility' | 'bestPractices' | 'seo'][]} */ ([
    ['Lighthouse performance = 100', 'performance'],
    ['Lighthouse accessibility = 100', 'accessibility'],
    ['Lighthouse best practices = 100', 'bestPractices'],
    ['Lighthouse SEO = 100', 'seo'],
  ])) {
    budget(
      label,
      lh.map((r) => ({ page: `es ${r.kind}`, value: r[key] })),
      (v) => v === BUDGET.lighthouse,
      'min',
      String,
    );
  }
  budget(
    'CLS = 0 (Lighthouse)',
    lh.map((r) => ({ page: `es ${r.kind}`, value: r.cls })),
    (v) => v === BUDGET.cls,
    'max',
    (v) => v.toFixed(3),
  );
  if (skip.has('lighthouse') || lighthouseResults.length === 0) rows.push(['Lighthouse budgets', 'not measured', '—', '—', 'not measured']);
  table(['budget', 'worst', 'worst page', 'pages within', 'verdict'], rows);
  console.log(over.length ? `\n  Over budget:\n${over.map((o) => `    - ${o}`).join('\n')}` : '\n  Every measured figure is within budget.');
}

// ---------------------------------------------------------------------------------------------

const started = performance.now();
console.log(`Benchmark on Node ${process.versions.node}, ${os.cpus().length} CPU(s), ${os.platform()} ${os.arch()}; temporary folder ${work}`);
let exitCode = 0;
try {
  console.log(
    `Load average (1, 5, 15 min) at the start: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')} on ${os.cpus().length} CPU(s)`,
  );
  const embedded = benchBuilds();
  if (!embedded && !skip.has('pages')) throw new Error('the embedded dataset did not build; nothing to measure');
  // BENCH_SKIP=pages (or sizes without 1×) measures the builds only.
  const server = embedded && !skip.has('pages') ? await startStaticServer({ root: embedded }) : null;
  if (server && embedded)
    try {
      const measured = await benchPages(embedded, server);
      const lighthouseResults = skip.has('lighthouse') ? [] : await benchLighthouse(server);
      budgets(measured, lighthouseResults);
    } finally {
      await server.close();
    }
  console.log(
    `\nLoad average (1, 5, 15 min) at the end: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  );
} catch (error) {
  broken.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  if (process.env.BENCH_KEEP) console.log(`\nKept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
console.log(`\nBenchmark finished in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
if (broken.length) {
  console.log(`\nThe tooling broke:\n${broken.map((b) => `  - ${b}`).join('\n')}`);
  exitCode = 1;
}
process.exit(exitCode);
