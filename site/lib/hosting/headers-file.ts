/**
 * `_headers` and `_redirects`, the files Cloudflare Pages and Netlify read, written from the policy
 * module, and `_headers` read back the way Cloudflare Pages applies it (for `npm start` and the
 * test servers, which serve what `dist/_headers` says rather than a copy of it).
 */
import { CACHE_CONTROL, contentSecurityPolicy, embedPrefixes, hostedLanguages, IMMUTABLE_PREFIX, SECURITY_HEADERS, typedFiles } from './policy.ts';

/**
 * Which host the file is written for. Both apply every matching rule in file order; Cloudflare
 * Pages joins two values of one header with a comma (two policies, both enforced) unless a
 * `! Name` line detaches the earlier one, while Netlify lets the later rule's value replace the
 * earlier one and rejects `!` lines.
 */
export type HeadersFlavour = 'cloudflare' | 'netlify';

/**
 * The `_headers` file for a build.
 * @example headersFile({ styleHashes: ["'sha256-…'"], flavour: 'cloudflare' })
 */
export function headersFile({ styleHashes = [], flavour = 'cloudflare' }: { styleHashes?: readonly string[]; flavour?: HeadersFlavour } = {}): string {
  const detach = (name: string) => (flavour === 'cloudflare' ? [`  ! ${name}`] : []);
  const lines = [
    '# Written by scripts/build.mjs from site/lib/hosting/policy.ts: edit that module, not this file.',
    `# Flavour: ${flavour === 'cloudflare' ? 'Cloudflare Pages ("! Name" drops a header a broader rule set)' : 'Netlify (a later rule replaces a header a broader rule set)'}.`,
    '/*',
    `  Content-Security-Policy: ${contentSecurityPolicy({ styleHashes })}`,
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
    `  Cache-Control: ${CACHE_CONTROL.revalidate}`,
    '',
    '# The embeddable programme (docs/embed.md) is made to be framed by other sites.',
    ...embedPrefixes.flatMap((prefix) => [
      `${prefix}*`,
      ...detach('Content-Security-Policy'),
      `  Content-Security-Policy: ${contentSecurityPolicy({ styleHashes, framedBy: 'anyone' })}`,
    ]),
    '',
    '# Fingerprinted assets never change under the same name.',
    `${IMMUTABLE_PREFIX}*`,
    ...detach('Cache-Control'),
    `  Cache-Control: ${CACHE_CONTROL.immutable}`,
    '',
    '# Content types not every host knows.',
    ...typedFiles.flatMap((file) => [file.path, `  Content-Type: ${file.type}`]),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The `_redirects` file: a missing page under a language's prefix answers that language's 404 page
 * with status 404 (Netlify; existing files always win since the rules are not forced). Cloudflare
 * Pages ignores status-404 rules and serves the nearest `404.html` up the path, which the build
 * writes for every language.
 */
export function redirectsFile(): string {
  const rules = hostedLanguages.filter((l) => !l.isDefault).map((l) => `${l.prefix}*  ${l.notFoundPage}  404`);
  return `# Written by scripts/build.mjs from site/lib/hosting/policy.ts.\n${rules.join('\n')}\n`;
}

/** One block of a `_headers` file: the path pattern, the headers it sets and those it detaches. */
export interface HeaderRule {
  path: string;
  pattern: RegExp;
  set: [string, string][];
  detach: string[];
}

/** Parses a `_headers` file (shared Cloudflare Pages / Netlify syntax, `*` splats, `!` detach lines). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      const source = line.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ path: line, pattern: new RegExp(`^${source}$`), set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: a header line before any path: "${line}"`);
    if (line.startsWith('!')) {
      rule.detach.push(line.slice(1).trim().toLowerCase());
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`_headers: "${line}" under ${rule.path} is not "Name: value"`);
    rule.set.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * The headers a path gets on Cloudflare Pages: matching rules in order, `! Name` removing what
 * earlier rules set, a header set twice joined with a comma. Names are lower-case.
 * @example cloudflareHeaders(parseHeadersFile(text), '/embed/').get('content-security-policy')
 */
export function cloudflareHeaders(rules: readonly HeaderRule[], urlPath: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    if (!rule.pattern.test(urlPath)) continue;
    for (const name of rule.detach) out.delete(name);
    for (const [name, value] of rule.set) out.set(name, out.has(name) ? `${out.get(name)}, ${value}` : value);
  }
  return out;
}
