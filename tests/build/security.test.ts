import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSafeHref } from '../../content-models/validation/links';
import { cloudflareHeaders, type HeaderRule, headersFile, parseHeadersFile, redirectsFile } from '../../site/lib/hosting/headers-file';
import { type BuildRun, listFiles, removeOutDir, repoRoot, runBuild } from '../support/build';
import { distDir, requireDist } from '../support/dist';

/**
 * A real build of a hostile dataset (tests/fixtures/datasets/hostile.ndjson: every text field
 * carries script, event-handler, comment and markup payloads; Portable Text carries
 * javascript:/data: links, odd styles and unknown nodes; drafts carry a secret), scanned whole:
 * nothing in it may become markup, a script, an event handler or an unsafe URL, and the site's
 * Content-Security-Policy (_headers) must allow every page as built. What validation refuses
 * outright (unsafe link fields, join links on private sessions, slugs such as ../../etc) is in
 * hostile-refused.ndjson and tested in tests/unit/content-load.test.ts.
 */

const TOKEN = 'sk-security-test-token-7e3b91f04c';
const DRAFT_SECRET = 'BORRADOR-SECRETO-7731';
const SITE = 'https://seminario.example';
const PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '</p></div><!--', '<style>*{display:none}</style>'];
/** Join and stream URLs in the dataset all carry one of these. */
const LIVE_LINK = /PUBLIC-(JOIN|STREAM)|zoom\.example|stream\.example/;
const PRIVATE_SESSIONS = ['sesion-privada', 'sesion-privada-2'];
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'srcset', 'poster', 'data', 'xlink:href', 'background', 'cite', 'longdesc', 'ping'];

interface Page {
  file: string;
  html: string;
  document: Document;
}

/** Every element of a document, those inside `<template>` content included (browsers clone them into the page). */
function allElements(root: Document | DocumentFragment | Element): Element[] {
  const out: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    out.push(element);
    if (element.tagName === 'TEMPLATE') {
      const { document } = parseHTML(`<!doctype html><html><body>${element.innerHTML}</body></html>`);
      out.push(...allElements(document.body));
    }
  }
  return out;
}

function pages(dir: string): Page[] {
  return listFiles(dir)
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(path.join(dir, file), 'utf8');
      return { file, html, document: parseHTML(html).document as unknown as Document };
    });
}

/** The HTML with every double-quoted attribute value emptied (Astro quotes them all and escapes `"`), so raw scans see markup only. */
function markupOnly(html: string): string {
  return html.replace(/(\s[^\s=<>"'/]+)="[^"]*"/g, '$1=""');
}

/** A URL with what browsers ignore removed (whitespace and control characters), lower-cased. */
function normalisedUrl(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip these from URLs, so a scan must too.
  return value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
}

/** The headers a path gets on Netlify: every matching rule applies in order, a later value replacing an earlier one. */
function netlifyHeaders(rules: HeaderRule[], urlPath: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules.filter((r) => r.pattern.test(urlPath))) for (const [name, value] of rule.set) out.set(name, value);
  return out;
}

/** A policy as directive → sources; a header holding two policies (comma-joined) is refused. */
function parseCsp(policy: string | undefined): Map<string, string[]> {
  if (!policy) throw new Error('no Content-Security-Policy');
  if (policy.includes(',')) throw new Error(`two policies in one header: ${policy}`);
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** The policy a built page is served with, by its file in the build. */
function cspForPage(rules: HeaderRule[], file: string): Map<string, string[]> {
  const urlPath = file === 'index.html' ? '/' : file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
  return parseCsp(cloudflareHeaders(rules, urlPath).get('content-security-policy'));
}

const rulesIn = (dir: string) => parseHeadersFile(readFileSync(path.join(dir, '_headers'), 'utf8'));

/** Whether a same-origin-only source list (`'self'` plus listed hosts) allows a URL used on a page. */
function allows(sources: string[], url: string): boolean {
  const value = url.trim();
  if (/^\/(?!\/)/.test(value)) return sources.includes("'self'");
  if (value.startsWith('data:')) return sources.includes('data:');
  return sources.some((s) => /^https:\/\//.test(s) && value.startsWith(`${s.replace(/\/$/, '')}/`));
}

/** What would break or be refused on this page under the policy; empty when the page is fine. */
function cspViolations(page: Page, csp: Map<string, string[]>): string[] {
  const out: string[] = [];
  const scriptSrc = csp.get('script-src') ?? csp.get('default-src') ?? [];
  const styleSrc = csp.get('style-src') ?? csp.get('default-src') ?? [];
  const imgSrc = csp.get('img-src') ?? csp.get('default-src') ?? [];
  const styleHashes = styleSrc.filter((s) => s.startsWith("'sha256-"));
  if (scriptSrc.includes("'unsafe-inline'") || scriptSrc.includes("'unsafe-eval'")) out.push("script-src allows 'unsafe-inline' or 'unsafe-eval'");
  for (const script of page.document.querySelectorAll('script')) {
    const src = script.getAttribute('src');
    if (!src) out.push(`inline <script>: ${script.textContent?.slice(0, 60)}`);
    else if (!allows(scriptSrc, src)) out.push(`script from ${src}`);
  }
  for (const style of page.document.querySelectorAll('style')) {
    const hash = `'sha256-${createHash('sha256')
      .update(style.textContent ?? '', 'utf8')
      .digest('base64')}'`;
    if (styleHashes.length ? !styleHashes.includes(hash) : !styleSrc.includes("'unsafe-inline'")) out.push(`inline <style> ${hash} not allowed`);
  }
  if (styleHashes.length && page.document.querySelector('[style]')) out.push('style="…" attribute (refused once style-src has hashes)');
  for (const link of page.document.querySelectorAll('link[rel~="stylesheet"], link[rel~="preload"], link[rel~="modulepreload"]')) {
    const href = link.getAttribute('href') ?? '';
    if (!allows(link.getAttribute('rel')?.includes('stylesheet') ? styleSrc : scriptSrc, href)) out.push(`<link> to ${href}`);
  }
  for (const img of page.document.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (!allows(imgSrc, src)) out.push(`image from ${src}`);
  }
  for (const form of page.document.querySelectorAll('form')) {
    const action = form.getAttribute('action');
    if (action !== null && !allows(csp.get('form-action') ?? [], action)) out.push(`<form action="${action}">`);
  }
  for (const tag of ['iframe', 'frame', 'object', 'embed', 'base']) {
    if (page.document.querySelector(tag)) out.push(`<${tag}>`);
  }
  // The build's own policy is the only http-equiv a page may carry.
  for (const meta of page.document.querySelectorAll('meta[http-equiv]')) {
    if (meta.getAttribute('http-equiv')?.toLowerCase() !== 'content-security-policy') out.push(`<meta http-equiv="${meta.getAttribute('http-equiv')}">`);
  }
  if (page.document.querySelectorAll('meta[http-equiv]').length > 1) out.push('more than one <meta http-equiv>');
  return out;
}

describe('the Content-Security-Policy in _headers', () => {
  it('is strict: no inline or remote script, no framing by other sites, Sanity images only', () => {
    const csp = cspForPage(rulesIn(requireDist(distDir)), 'programa/index.html');
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')?.slice(0, 2)).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'https://cdn.sanity.io', 'data:']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    for (const d of ['connect-src', 'frame-ancestors', 'base-uri', 'form-action']) expect(csp.get(d), d).toEqual(["'self'"]);
  });

  it('lets other sites frame the embeddable programme only, on Cloudflare Pages and on Netlify alike', () => {
    const rules = rulesIn(requireDist(distDir));
    const withoutDetach = parseHeadersFile(headersFile({ styleHashes: ["'sha256-x'"], flavour: 'netlify' }));
    for (const urlPath of ['/embed/', '/en/embed/', '/pt/embed/']) {
      const cloudflare = parseCsp(cloudflareHeaders(rules, urlPath).get('content-security-policy'));
      const netlify = parseCsp(netlifyHeaders(withoutDetach, urlPath).get('content-security-policy'));
      for (const csp of [cloudflare, netlify]) {
        expect(csp.get('frame-ancestors'), urlPath).toEqual(['*']);
        expect(csp.get('script-src'), urlPath).toEqual(["'self'"]);
      }
    }
    for (const urlPath of ['/', '/programa/', '/en/programme/mesa-de-reflexion-1/', '/404.html', '/embedded/']) {
      expect(parseCsp(cloudflareHeaders(rules, urlPath).get('content-security-policy')).get('frame-ancestors'), urlPath).toEqual(["'self'"]);
      expect(parseCsp(netlifyHeaders(withoutDetach, urlPath).get('content-security-policy')).get('frame-ancestors'), urlPath).toEqual(["'self'"]);
    }
  });

  it('is pinned to the inline styles of the build, and allows every built page', () => {
    const dir = requireDist(distDir);
    const rules = rulesIn(dir);
    const all = pages(dir);
    expect(all.length).toBeGreaterThan(10);
    for (const page of all) {
      const csp = cspForPage(rules, page.file);
      expect(
        csp.get('style-src')?.some((s) => s.startsWith("'sha256-")),
        `${page.file}: scripts/build.mjs adds the style hashes`,
      ).toBe(true);
      expect(cspViolations(page, csp), page.file).toEqual([]);
    }
  });

  it('comes with the other security headers and calendar content types', () => {
    const headers = readFileSync(path.join(requireDist(distDir), '_headers'), 'utf8');
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    expect(headers).toContain('Referrer-Policy: strict-origin-when-cross-origin');
    expect(headers).toContain('Permissions-Policy: camera=(), microphone=(), geolocation=()');
    expect(headers).toMatch(/\/ics\/\*\n\s+Content-Type: text\/calendar; charset=utf-8/);
    // Netlify's build only (NETLIFY=true); Cloudflare Pages rejects status-404 rules.
    expect(existsSync(path.join(distDir, '_redirects'))).toBe(false);
    const redirects = redirectsFile();
    expect(redirects).toMatch(/^\/en\/\*\s+\/en\/404\.html\s+404$/m);
    expect(redirects).toMatch(/^\/pt\/\*\s+\/pt\/404\.html\s+404$/m);
    for (const target of ['en/404.html', 'pt/404.html', 'en/404/index.html', 'pt/404/index.html'])
      expect(existsSync(path.join(distDir, target)), target).toBe(true);
  });

  it('is also in every page as a meta policy, first after the charset, the header policy without what a meta policy ignores', () => {
    const dir = requireDist(distDir);
    const rules = rulesIn(dir);
    const all = pages(dir);
    for (const page of all) {
      const metas = [...page.document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')];
      expect(metas.length, page.file).toBe(1);
      const head = [...page.document.head.children];
      expect(head[0]?.getAttribute('charset'), page.file).toBe('utf-8');
      expect(head[1], `${page.file}: the policy comes right after the charset`).toBe(metas[0]);
      const meta = parseCsp(metas[0]?.getAttribute('content') ?? '');
      for (const directive of ['frame-ancestors', 'report-uri', 'sandbox']) expect(meta.has(directive), `${page.file} ${directive}`).toBe(false);
      const header = cspForPage(rules, page.file);
      header.delete('frame-ancestors');
      expect(meta, page.file).toEqual(header);
    }
  });
});

describe('a build of hostile content', () => {
  let run: BuildRun;
  let dir: string;
  let all: Page[];
  const files = () => listFiles(dir);
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');

  beforeAll(async () => {
    run = await runBuild({
      env: { CONTENT_DATASET_FILE: path.join(repoRoot, 'tests/fixtures/datasets/hostile.ndjson'), SANITY_API_READ_TOKEN: TOKEN, SITE_URL: SITE },
    });
    dir = run.outDir;
    if (run.code === 0) all = pages(dir);
  });
  afterAll(() => {
    if (run) removeOutDir(run.outDir);
  });

  it('builds', () => {
    expect(run.code, run.output).toBe(0);
    console.info(`hostile build: ${run.durationMs} ms, ${files().length} files`);
  });

  it('has no script but the site’s own module scripts, and none inline', () => {
    for (const page of all) {
      const scripts = [...page.document.querySelectorAll('script')];
      for (const script of scripts) {
        expect(script.getAttribute('type'), page.file).toBe('module');
        expect(script.getAttribute('src'), page.file).toMatch(/^\/_astro\/[\w.-]+\.js$/);
        expect(script.textContent?.trim(), page.file).toBe('');
      }
      // The raw markup too: every "<script" is one of those tags.
      expect((markupOnly(page.html).match(/<script\b/gi) ?? []).length, page.file).toBe(scripts.length);
    }
  });

  it('has no event-handler attribute, in the DOM or in the raw markup', () => {
    for (const page of all) {
      for (const element of allElements(page.document)) {
        const handlers = [...element.attributes].map((a) => a.name).filter((name) => /^on/i.test(name));
        expect(handlers, `${page.file} <${element.tagName}>`).toEqual([]);
      }
      expect(markupOnly(page.html)).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    }
  });

  it('has no javascript:, data: or other unsafe URL in any URL attribute', () => {
    for (const page of all) {
      for (const element of allElements(page.document)) {
        for (const name of URL_ATTRIBUTES) {
          const value = element.getAttribute(name);
          if (value === null) continue;
          const url = normalisedUrl(value);
          expect(url, `${page.file} <${element.tagName} ${name}>`).not.toMatch(/^(javascript|data|vbscript|file):/);
          if (element.tagName === 'A' && name === 'href' && /^[a-z][a-z0-9+.-]*:/.test(url)) {
            // Our own calendar subscriptions (lib/site-url.ts) are the one webcal: link; content never gets one.
            const ownWebcal = element.hasAttribute('data-webcal') && value.startsWith(`${SITE.replace('https:', 'webcal:')}/`);
            expect(isSafeHref(value) || value.startsWith(`${SITE}/`) || ownWebcal, `${page.file} <a href="${value}">`).toBe(true);
          }
        }
      }
    }
  });

  it('creates no element, comment or style from content: only known page markup', () => {
    const forbidden = new Set(['IFRAME', 'SVG', 'MATH', 'OBJECT', 'EMBED', 'BASE', 'FRAME', 'SCRIPT', 'LINK', 'META']);
    for (const page of all) {
      const inBody = allElements(page.document.body).filter(
        (e) => forbidden.has(e.tagName.toUpperCase()) && !(e.tagName === 'SCRIPT' && e.getAttribute('src')),
      );
      expect(
        inBody.map((e) => e.tagName),
        page.file,
      ).toEqual([]);
      // The site's own styles (the stylesheet, the programme filters' generated rules) carry no content text.
      // The one `<` they may hold is a registered property's type (`@property … { syntax: "<length>" }`).
      for (const style of page.document.querySelectorAll('style')) {
        const css = (style.textContent ?? '').replace(/syntax:\s*"<[a-z-]+>"/g, 'syntax:""');
        expect(css, page.file).not.toMatch(/<|alert\(|javascript:|expression\(|@import/i);
      }
      const walker = page.document.createTreeWalker(page.document.documentElement, 128 /* comments */);
      expect(walker.nextNode(), `${page.file} has a comment`).toBeNull();
    }
  });

  it('shows the hostile strings as text, escaped', () => {
    const session = all.find((p) => p.file === 'programa/sesion-publica/index.html');
    const note = all.find((p) => p.file === 'nota-conceptual/index.html');
    const speaker = all.find((p) => p.file === 'ponentes/ana-perez/index.html');
    for (const page of [session, note, speaker]) {
      expect(page).toBeDefined();
      const text = page?.document.body.textContent ?? '';
      for (const payload of PAYLOADS) expect(text, `${page?.file}: ${payload}`).toContain(payload);
    }
    expect(session?.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(session?.html).toContain('&lt;/p&gt;&lt;/div&gt;&lt;!--');
  });

  it('keeps Portable Text links only when they are https: or mailto:', () => {
    const note = all.find((p) => p.file === 'nota-conceptual/index.html')!;
    const hrefs = [...note.document.querySelectorAll('.prose a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(expect.arrayContaining(['mailto:comunicacion@example.org']));
    for (const href of hrefs) expect(isSafeHref(href ?? ''), String(href)).toBe(true);
    const text = note.document.body.textContent ?? '';
    for (const label of ['enlace javascript', 'enlace data', 'enlace JAVASCRIPT con espacio', 'enlace vbscript']) expect(text).toContain(label);
  });

  it('writes calendars whose structure content cannot change', () => {
    const calendars = files().filter((f) => f.endsWith('.ics'));
    expect(calendars.length).toBeGreaterThan(5);
    for (const file of calendars) {
      const unfolded = read(file).replace(/\r\n[ \t]/g, '');
      const lines = unfolded.split('\r\n').filter(Boolean);
      for (const line of lines) expect(line, file).toMatch(/^[A-Z][A-Z0-9-]*(;[^:]*)?:/);
      expect(
        lines.filter((l) => /^X-INJECTED|^BEGIN:VALARM/.test(l)),
        file,
      ).toEqual([]);
      expect(lines.filter((l) => l === 'BEGIN:VEVENT').length, file).toBe(lines.filter((l) => l === 'END:VEVENT').length);
    }
  });

  it('writes schedule.json files that parse, with content only inside strings', () => {
    for (const file of files().filter((f) => f.endsWith('.json'))) {
      const text = read(file);
      const data = JSON.parse(text) as unknown;
      // offline-pages.json (the offline worker's list) holds URL paths only, no content text; the
      // shell bundle holds pages, whose content text is escaped as HTML (the page checks above).
      if (file.endsWith('offline-shell.json')) expect(JSON.stringify(data)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      else if (!file.endsWith('offline-pages.json')) expect(JSON.stringify(data)).toContain('<script>alert(1)</script>');
      // The hostile text is in the data, but no raw `<` reaches the file.
      expect(text, file).not.toContain('<');
    }
  });

  it('writes sitemaps without any content text', () => {
    for (const file of files().filter((f) => f.endsWith('.xml'))) {
      const xml = read(file);
      expect(xml, file).not.toMatch(/<script|javascript:|onerror|alert\(/i);
      for (const [, loc] of xml.matchAll(/<loc>([^<]*)<\/loc>/g)) expect(loc?.startsWith(`${SITE}/`), loc).toBe(true);
    }
  });

  it('never writes the API token, in any file or in the build log', () => {
    for (const file of files()) expect(readFileSync(path.join(dir, file), 'latin1').includes(TOKEN), file).toBe(false);
    expect(run.output).not.toContain(TOKEN);
  });

  it('never publishes drafts', () => {
    for (const file of files()) {
      expect(read(file).includes(DRAFT_SECRET), file).toBe(false);
      expect(file).not.toContain('borrador-secreto');
    }
  });

  it('publishes no join or stream link for a participants-only session, in HTML, calendars or schedule.json', () => {
    // Control: links do render, on the public session.
    expect(read('programa/sesion-publica/index.html')).toMatch(LIVE_LINK);
    expect(read('programa/sesion-privada/index.html')).toContain('https://example.org/grabacion-PRIVATE-REC');
    for (const slug of PRIVATE_SESSIONS) {
      for (const file of [
        `programa/${slug}/index.html`,
        `en/programme/${slug}/index.html`,
        `pt/programa/${slug}/index.html`,
        `ics/sesion-${slug}.ics`,
        `en/ics/sesion-${slug}.ics`,
      ]) {
        expect(read(file), file).not.toMatch(LIVE_LINK);
      }
    }
    for (const file of ['ics/dia-2020-10-28.ics', 'ics/dia-2020-10-30.ics']) expect(read(file), file).not.toMatch(LIVE_LINK);
    for (const file of ['schedule.json', 'en/schedule.json', 'pt/schedule.json']) {
      const schedule = JSON.parse(read(file)) as {
        schedule: { conference: { days: { rooms: Record<string, { slug: string; links: { url: string }[] }[]> }[] } };
      };
      const talks = schedule.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
      for (const talk of talks.filter((t) => PRIVATE_SESSIONS.includes(t.slug))) {
        expect(
          talk.links.map((l) => l.url).filter((u) => LIVE_LINK.test(u)),
          `${file} ${talk.slug}`,
        ).toEqual([]);
      }
    }
  });

  it('degrades gracefully when optional data is missing or unusable', () => {
    const page = (file: string) => all.find((p) => p.file === file)!.document;
    const none = page('ponentes/sin-datos/index.html');
    expect(none.querySelector('h1')?.textContent).toBe('Sofía Sin Datos');
    expect(none.querySelector('.avatar')?.textContent).toBe('SS');
    expect(none.querySelector('img')).toBeNull();
    expect(none.querySelector('.prose')).toBeNull();
    for (const file of ['ponentes/foto-mala/index.html', 'ponentes/foto-externa/index.html']) {
      expect(page(file).querySelector('img'), file).toBeNull();
      expect(page(file).querySelector('.avatar'), file).not.toBeNull();
    }
    expect(page('ponentes/ana-perez/index.html').querySelector('img')?.getAttribute('src')).toMatch(/^https:\/\/cdn\.sanity\.io\/images\//);
  });

  it('is allowed by the Content-Security-Policy on every page', () => {
    const rules = rulesIn(dir);
    for (const page of all) expect(cspViolations(page, cspForPage(rules, page.file)), page.file).toEqual([]);
  });
});
