import type { Plugin } from 'vite';

/**
 * Vite wraps every dynamic `import()` of a browser build in its preload helper (`__vitePreload`,
 * ~680 B gzip in the file that loads at startup), which adds `<link rel="modulepreload">` tags for
 * the imported chunk's own static imports and CSS so they download in parallel. Our scripts never
 * need it: each page kind is one file (one-script-per-page.ts), the chunks loaded on demand (My
 * programme's share panel and calendar file, the QR library) import only from the file already running
 * and carry no CSS, so Vite hands the helper an empty list every time. `build.modulePreload: false`
 * does not drop it: Vite 8's import analysis (a native Rolldown plugin) inserts the wrapper for
 * every client build whatever that option says, and only empties the list.
 *
 * So the helper's module, which the wrapper imports by a fixed id, is loaded as the one line the
 * empty list reduces it to: call the import. A dynamic import stays a plain `import()`, fetched only
 * when its code runs. If a chunk loaded on demand ever gains static imports, the browser still
 * fetches them (one round trip later instead of in parallel); a chunk with CSS would lose its
 * styles, which is why the build fails then rather than ship a page without them.
 */
export const HELPER_ID = '\0vite/preload-helper.js';

export function noPreloadHelper(): Plugin {
  return {
    name: 'seminario-no-preload-helper',
    apply: 'build',
    enforce: 'pre',
    // The browser's build only: Vite inserts no helper in the server's.
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    load(id) {
      // Also one copy per page kind (one-script-per-page.ts tags it `?page=`).
      if (id !== HELPER_ID && !id.startsWith(`${HELPER_ID}?page=`)) return null;
      return 'export const __vitePreload = (load) => load();';
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && chunk.isDynamicEntry && chunk.viteMetadata?.importedCss.size)
          this.error(`${chunk.fileName} is loaded on demand and imports CSS, which the preload helper would have loaded (site/lib/no-preload-helper.ts).`);
    },
  };
}
