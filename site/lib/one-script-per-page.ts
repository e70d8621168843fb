import type { Plugin } from 'vite';
import { HELPER_ID as PRELOAD_HELPER } from './no-preload-helper.ts';

/**
 * One script file per page kind (issue #19): each page-script component's `<script>`
 * (site/components/page-scripts/*.astro) is bundled with its own copy of every module it imports,
 * instead of sharing chunks with the other kinds. Shared chunks cost a request each, and gzip
 * compresses each file alone, so four files of one page weighed ~15% more than the same code in
 * one file (the programme: 3,721 B gzip in four files, 3,168 B in one). A reader's browser caches
 * one file per page kind, which the offline worker keeps anyway.
 *
 * How: every module imported, directly or not, from a page-script entry is resolved to its file
 * with a `?page=<Kind>` query, so the bundler sees one module per kind and shares nothing. The
 * query is read by nothing else; the module's code is the same file.
 */
const ENTRY = /\/page-scripts\/(\w+)\.astro\?astro&type=script/;
const TAGGED = /[?&]page=(\w+)$/;

export function oneScriptPerPage(): Plugin {
  return {
    name: 'seminario-one-script-per-page',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || options?.ssr) return null;
      const kind = ENTRY.exec(importer)?.[1] ?? TAGGED.exec(importer)?.[1];
      if (!kind) return null;
      // Vite's preload helper (site/lib/no-preload-helper.ts), which every dynamic import calls: one
      // copy per kind too, or the kinds would share it as a chunk of its own.
      if (source === PRELOAD_HELPER) return `${PRELOAD_HELPER}?page=${kind}`;
      const resolved = await this.resolve(source, importer.replace(TAGGED, ''), { ...options, skipSelf: true });
      // Only the project's own modules: dependencies and virtual modules keep their ids.
      if (!resolved || resolved.external || resolved.id.includes('?') || resolved.id.includes('/node_modules/') || resolved.id.startsWith('\0'))
        return resolved;
      return { ...resolved, id: `${resolved.id}?page=${kind}` };
    },
  };
}
