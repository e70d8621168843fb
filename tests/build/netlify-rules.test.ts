import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Header, parseAllHeaders } from '@netlify/headers-parser';
import { parseAllRedirects } from '@netlify/redirect-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages } from '../../content-models/routes';
import { inlineStyleHashes } from '../../scripts/lib/inline-styles.mjs';
import { headersFile, redirectsFile } from '../../site/lib/hosting/headers-file';
import { CACHE_CONTROL, contentSecurityPolicy, contentTypeFor, hostedLanguages, SECURITY_HEADERS } from '../../site/lib/hosting/policy';
import { pageKinds, samplePages } from '../support/browser';
import { requireDist } from '../support/dist';

/**
 * Netlify, which has no local server here: the `_headers` and `_redirects` a Netlify build writes
 * (scripts/build.mjs with NETLIFY=true calls the same functions with the same style hashes) read
 * by Netlify's own parsers, then resolved per page type with the precedence Netlify applies:
 *
 * - headers: every rule whose path matches applies, in file order, and a later rule's value for a
 *   header replaces an earlier one (as `netlify dev` merges them). So the embed pages' policy
 *   replaces the site-wide one and `/_astro/*`'s Cache-Control replaces `/*`'s.
 * - redirects: the first matching rule wins, and an unforced rule (no `!`) never applies where a
 *   file exists ("shadowing"), so the 404 rules only catch what the build did not write. A missing
 *   path outside every rule gets Netlify's default, `/404.html`, with status 404.
 */

interface Redirect {
  from: string;
  to: string;
  status: number;
  force: boolean;
}

let dist: string;
let dir: string;
let headerRules: Header[];
let redirects: Redirect[];
let parseErrors: Error[];
let styleHashes: string[];

beforeAll(async () => {
  dist = requireDist();
  styleHashes = inlineStyleHashes(dist).hashes;
  dir = mkdtempSync(path.join(tmpdir(), 'sts-netlify-'));
  writeFileSync(path.join(dir, '_headers'), headersFile({ styleHashes, flavour: 'netlify' }));
  writeFileSync(path.join(dir, '_redirects'), redirectsFile());
  const headers = await parseAllHeaders({ headersFiles: [path.join(dir, '_headers')], configHeaders: [], minimal: false });
  const parsedRedirects = await parseAllRedirects({ redirectsFiles: [path.join(dir, '_redirects')], configRedirects: [], minimal: false });
  headerRules = headers.headers as Header[];
  redirects = parsedRedirects.redirects as Redirect[];
  parseErrors = [...headers.errors, ...(parsedRedirects.errors as Error[])];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether the build has a file Netlify would serve for a URL path (`dir/` → `dir/index.html`). */
function servedFile(urlPath: string): boolean {
  const target = path.join(dist, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
  return existsSync(target) && statSync(target).isFile();
}

/** The header rules that apply to a path, in order, and the headers they result in. */
function resolveHeaders(urlPath: string): { applied: string[]; headers: Record<string, string> } {
  const matching = headerRules.filter((rule) => rule.forRegExp.test(urlPath));
  return { applied: matching.map((r) => r.for), headers: Object.assign({}, ...matching.map((r) => r.values)) };
}

/** What Netlify answers for a path: the file, or the first unshadowed redirect, or its default 404. */
function resolveRedirect(urlPath: string): { status: number; body: string; rule?: string } {
  if (servedFile(urlPath)) return { status: 200, body: urlPath };
  for (const rule of redirects) {
    const pattern = new RegExp(`^${rule.from.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    if (pattern.test(urlPath)) return { status: rule.status, body: rule.to, rule: rule.from };
  }
  return { status: 404, body: '/404.html' };
}

const pagesByKind = () =>
  languages.flatMap((lang) => [
    ...pageKinds.filter((k) => k !== 'notFound').map((kind) => ({ kind, lang, urlPath: samplePages[lang][kind] })),
    { kind: 'embed', lang, urlPath: `${hostedLanguages.find((l) => l.lang === lang)?.prefix}embed/` },
  ]);

describe("Netlify's parsers on the files a Netlify build writes", () => {
  it('accept both files without an error, and the headers file has no Cloudflare-only "!" line', () => {
    expect(parseErrors.map((e) => e.message)).toEqual([]);
    expect(headersFile({ styleHashes, flavour: 'netlify' })).not.toMatch(/^\s+!/m);
    expect(headerRules.length).toBeGreaterThan(5);
    expect(redirects.length).toBe(languages.length - 1);
  });

  it('give every page type its policy (the embed pages the framable one), the security headers and revalidation', () => {
    const table: string[] = [];
    for (const { kind, lang, urlPath } of pagesByKind()) {
      expect(servedFile(urlPath), `${urlPath} is built`).toBe(true);
      const { applied, headers } = resolveHeaders(urlPath);
      expect(applied[0], urlPath).toBe('/*');
      expect(headers['Content-Security-Policy'], urlPath).toBe(contentSecurityPolicy({ styleHashes, framedBy: kind === 'embed' ? 'anyone' : 'self' }));
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], `${name} ${urlPath}`).toBe(value);
      expect(headers['Cache-Control'], urlPath).toBe(CACHE_CONTROL.revalidate);
      expect(resolveRedirect(urlPath), `${urlPath}: a built page is never redirected`).toEqual({ status: 200, body: urlPath });
      if (lang === 'es' || kind === 'embed') table.push(`| ${kind} ${urlPath} | ${applied.join(' → ')} |`);
    }
    console.info(`Netlify, header rules applied in order (a later value wins):\n${table.join('\n')}`);
  });

  it('make assets immutable and name the content types of calendars, schedule.json and manifests', () => {
    const asset = resolveHeaders('/_astro/ZonePicker.abc123.js');
    expect(asset.applied).toEqual(['/*', '/_astro/*']);
    expect(asset.headers['Cache-Control']).toBe(CACHE_CONTROL.immutable);
    for (const { prefix } of hostedLanguages) {
      for (const [urlPath, file] of [
        [`${prefix}ics/dia-2020-10-26.ics`, 'x.ics'],
        [`${prefix}schedule.json`, 'x.json'],
        [`${prefix}manifest.webmanifest`, 'x.webmanifest'],
      ] as const) {
        expect(servedFile(urlPath), `${urlPath} is built`).toBe(true);
        expect(resolveHeaders(urlPath).headers['Content-Type'], urlPath).toBe(contentTypeFor(file));
      }
    }
  });

  it("answer a missing page with its language's 404 page and status 404", () => {
    for (const { isDefault, prefix, notFoundPage } of hostedLanguages) {
      for (const urlPath of [`${prefix}no-such-page/`, `${prefix}no/such/page`]) {
        const answer = resolveRedirect(urlPath);
        expect(answer.status, urlPath).toBe(404);
        expect(answer.body, urlPath).toBe(isDefault ? '/404.html' : notFoundPage);
        expect(servedFile(answer.body), `${answer.body} is built`).toBe(true);
        expect(resolveHeaders(urlPath).headers['Content-Security-Policy'], urlPath).toContain("frame-ancestors 'self'");
      }
    }
  });
});
