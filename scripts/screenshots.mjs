#!/usr/bin/env node
// `npm run screenshots`: what a visitor sees, as PNGs to look at before a design change is done.
// Every page kind in es/en/pt at 390 px (a phone) and 1280 px (a desktop), in light and dark, as
// full-page shots, plus the printed programme of each language as one PNG per A4 page (Chromium's
// PDF through Poppler's pdftoppm). Builds nothing: it shoots the current dist/ (run `npm run build`
// first). Output goes to .screenshots/ (git-ignored), replaced on every run.
//
// SHOTS_KINDS=programme,home  SHOTS_LANGS=es  SHOTS_WIDTHS=390  SHOTS_SCHEMES=light  narrow the run;
// SHOTS_NOW=2020-10-26T15:05:00Z fixes the browser's clock (the event's phase: before, live, after);
// SHOTS_PRINT=0 skips the printed pages; SHOTS_SPLIT=1 adds one PNG per screen of each page.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { languages, PAGE_KINDS, pagePath } from '../content-models/routes.ts';
import { CHROMIUM_FLAGS, chromiumPath } from './lib/browser-flags.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const out = path.join(root, '.screenshots');
const SAMPLE = { session: 'mesa-de-reflexion-1', speaker: 'rita-mishaan' };
// Every page kind of the route table, plus the 404.
const KINDS = [...PAGE_KINDS, 'notFound'];

/** @param {string} name @param {string[]} all */
const pick = (name, all) => {
  const wanted = (process.env[name] ?? '').split(',').filter(Boolean);
  return wanted.length ? all.filter((x) => wanted.includes(String(x))) : all;
};
const kinds = pick('SHOTS_KINDS', KINDS);
const langs = /** @type {import('../content-models/locales.ts').Lang[]} */ (pick('SHOTS_LANGS', [...languages]));
const widths = pick('SHOTS_WIDTHS', ['390', '1280']).map(Number);
const schemes = pick('SHOTS_SCHEMES', ['light', 'dark']);

/** @param {string} lang @param {string} kind */
function samplePath(lang, kind) {
  if (kind === 'notFound') return lang === 'es' ? '/404.html' : `/${lang}/404/`;
  return pagePath(/** @type {any} */ (kind), /** @type {any} */ (lang), kind === 'session' || kind === 'speaker' ? SAMPLE[kind] : undefined);
}

if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('No built site in dist/: run `npm run build` first.');
  process.exit(1);
}
const pdftoppm = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
const canRasterise = !pdftoppm.error;
if (!canRasterise && process.env.SHOTS_PRINT !== '0') {
  console.warn('pdftoppm not found (Debian: apt-get install poppler-utils): the printed programme is saved as PDF only.');
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const server = await startStaticServer({ root: dist });
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
const written = [];
try {
  for (const scheme of schemes) {
    for (const width of widths) {
      // A fixed zone and clock, so two runs of the same build give the same pictures.
      const context = await browser.newContext({
        viewport: { width, height: width < 600 ? 844 : 900 },
        deviceScaleFactor: 1,
        colorScheme: /** @type {'light' | 'dark'} */ (scheme),
        timezoneId: 'America/Argentina/Buenos_Aires',
        locale: 'es-419',
      });
      await context.route(
        (url) => url.host !== server.host,
        (route) => route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      if (process.env.SHOTS_NOW) await page.clock.install({ time: new Date(process.env.SHOTS_NOW) });
      for (const lang of langs) {
        for (const kind of kinds) {
          await page.goto(server.url(samplePath(lang, kind)), { waitUntil: 'load' });
          const file = path.join(out, `${kind}-${lang}-${width}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          // Tiles of one screen each: a full-page shot of a phone page is too tall to read at once.
          if (process.env.SHOTS_SPLIT === '1') {
            const screen = width < 600 ? 844 : 900;
            for (let i = 0; i * screen < height; i++) {
              const clip = { x: 0, y: i * screen, width, height: Math.min(screen, height - i * screen) };
              await page.screenshot({ path: file.replace(/\.png$/, `.${i + 1}.png`), fullPage: true, clip });
            }
          }
          written.push({ file: path.relative(root, file), note: `${height} px tall (${(height / (width < 600 ? 844 : 900)).toFixed(1)} screens)` });
        }
      }
      await context.close();
    }
  }
  if (process.env.SHOTS_PRINT !== '0') {
    const context = await browser.newContext({ timezoneId: 'America/Guatemala' });
    const page = await context.newPage();
    for (const lang of langs) {
      await page.goto(server.url(pagePath('programme', lang)), { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const pdfFile = path.join(out, `print-programme-${lang}.pdf`);
      writeFileSync(pdfFile, pdf);
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      // Poppler also reads the text back: the running head must be on every sheet.
      const text = spawnSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
      const heads = text.error
        ? ''
        : `; running head on each page: ${text.stdout
            .split('\f')
            .filter((p) => p.trim())
            .map((p) => (p.includes(pagePath('programme', lang)) ? 'yes' : 'NO'))
            .join(', ')}`;
      written.push({ file: path.relative(root, pdfFile), note: `${pages} A4 page(s)${heads}` });
      if (canRasterise) {
        const prefix = path.join(out, `print-programme-${lang}`);
        const result = spawnSync('pdftoppm', ['-png', '-r', '70', pdfFile, prefix], { encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
      }
    }
    await context.close();
    for (const f of readdirSync(out).filter((f) => f.startsWith('print-') && f.endsWith('.png')))
      written.push({ file: path.join('.screenshots', f), note: 'printed page' });
  }
} finally {
  await browser.close();
  await server.close();
}
for (const w of written) console.log(`${w.file}  ${w.note}`);
console.log(`\n${written.length} files in .screenshots/`);
