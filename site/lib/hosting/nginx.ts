/**
 * The nginx snippets that deploy/nginx/site.conf includes, written from the policy module so that
 * nginx sends what `_headers` says: the same policies, headers, caching, content types and
 * per-language 404 pages. `scripts/nginx-config.mjs` writes them next to a copy of site.conf.
 */
import {
  CACHE_CONTROL,
  COMPRESSIBLE_MEDIA_TYPES,
  contentSecurityPolicy,
  hostedLanguages,
  IMMUTABLE_PREFIX,
  MEDIA_TYPES,
  SECURITY_HEADERS,
  TEXT_MEDIA_TYPES,
} from './policy.ts';

/** The folder, relative to nginx's configuration folder, that site.conf includes its snippets from. */
export const NGINX_SNIPPET_DIR = 'seminario';

/** A header line; `always` so error pages (the 404s) carry it too. */
function header(name: string, value: string): string {
  if (/["\\$]/.test(value)) throw new Error(`nginx: the value of ${name} has a character nginx would read: ${value}`);
  return `add_header ${name} "${value}" always;`;
}

/** The security headers, the policy framed by `framedBy`, and a Cache-Control value. */
function headerSet(styleHashes: readonly string[], framedBy: 'self' | 'anyone', cache: string): string {
  return [
    header('Content-Security-Policy', contentSecurityPolicy({ styleHashes, framedBy })),
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => header(name, value)),
    header('Cache-Control', cache),
  ].join('\n');
}

/**
 * Every generated snippet by file name. `root` is the absolute path of the built site.
 * @example nginxSnippets({ root: '/srv/seminario/dist', styleHashes })['languages.conf']
 */
export function nginxSnippets({ root, styleHashes = [] }: { root: string; styleHashes?: readonly string[] }): Record<string, string> {
  if (!root.startsWith('/') || /[;{}\s"']/.test(root)) throw new Error(`nginx: root must be an absolute path without spaces, quotes or ; { }: ${root}`);
  const include = (file: string) => `include ${NGINX_SNIPPET_DIR}/${file};`;
  const byType = new Map<string, string[]>();
  for (const [ext, type] of Object.entries(MEDIA_TYPES)) byType.set(type, [...(byType.get(type) ?? []), ext]);
  // A location block with its own add_header drops every inherited one, so each snippet carries
  // the whole set; the embed folders nest inside their language so its 404 page still applies.
  const languageBlocks = hostedLanguages.map((l) =>
    [
      `location ${l.prefix} {`,
      `    error_page 404 ${l.notFoundPage};`,
      `    location ${l.prefix}embed/ {`,
      `        ${include('embed-headers.conf')}`,
      '    }',
      '}',
    ].join('\n'),
  );
  const banner = '# Written by scripts/nginx-config.mjs from site/lib/hosting/policy.ts and the build: do not edit.';
  return {
    'root.conf': `${banner}\nroot ${root};\n`,
    'headers.conf': `${banner}\n${headerSet(styleHashes, 'self', CACHE_CONTROL.revalidate)}\n`,
    'embed-headers.conf': `${banner}\n${headerSet(styleHashes, 'anyone', CACHE_CONTROL.revalidate)}\n`,
    'asset-headers.conf': `${banner}\n${headerSet(styleHashes, 'self', CACHE_CONTROL.immutable)}\n`,
    // The server's own map, so nginx needs no mime.types and every extension the site has is named.
    'types.conf': [
      banner,
      'types {',
      ...[...byType].map(([type, exts]) => `    ${type} ${exts.join(' ')};`),
      '}',
      'default_type application/octet-stream;',
      'charset utf-8;',
      `charset_types ${TEXT_MEDIA_TYPES.filter((t) => t !== 'text/html').join(' ')};`,
      `gzip_types ${COMPRESSIBLE_MEDIA_TYPES.filter((t) => t !== 'text/html').join(' ')};`,
      '',
    ].join('\n'),
    'languages.conf': `${banner}\n${languageBlocks.join('\n')}\nlocation ${IMMUTABLE_PREFIX} {\n    ${include('asset-headers.conf')}\n}\n`,
  };
}
