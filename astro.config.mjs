// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { defaultLang, langPrefix } from './content-models/locales.ts';
import { alternatePaths, languages } from './content-models/routes.ts';
import { noPreloadHelper } from './site/lib/no-preload-helper.ts';
import { serviceWorker } from './site/lib/offline.ts';
import { oneScriptPerPage } from './site/lib/one-script-per-page.ts';
import { siteUrl } from './site/lib/site-url.ts';

const site = siteUrl(process.env);
// `/embed/`, `/en/embed/`…: the embeddable programme under every language's prefix (content-models/locales.ts).
const embedPrefixes = languages.map((lang) => `${langPrefix(lang)}embed/`);

export default defineConfig({
  site,
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  output: 'static',
  // Through scripts/build.mjs (npm run build), Astro's caches live with the build's
  // (site/lib/build-cache.ts, kept between builds by the deploy workflow) and its incremental build
  // copies every share card and calendar whose cacheKey (a hash of what it is drawn from) is
  // unchanged from the last build, instead of routing a request through the renderer for each
  // (~1,000 files at 10× content). build.mjs hands that folder to one build at a time
  // (scripts/lib/astro-cache.mjs); `astro build` run by hand renders everything.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR, experimental: { incrementalBuild: true } } : {}),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // No runtime adapter, no dev toolbar, no telemetry: the output is plain files.
  devToolbar: { enabled: false },
  // Scripts ship as files, never inlined, so the Content-Security-Policy can forbid inline script;
  // one file per page kind (site/lib/one-script-per-page.ts), with no preload helper around the
  // imports loaded on demand (site/lib/no-preload-helper.ts).
  vite: { build: { assetsInlineLimit: 0 }, plugins: [oneScriptPerPage(), noPreloadHelper()] },
  i18n: {
    locales: [...languages],
    defaultLocale: defaultLang,
    routing: { prefixDefaultLocale: false },
  },
  integrations: [
    sitemap({
      // Error pages and the embeddable programme (docs/embed.md) are not pages to search for.
      filter: (page) => {
        const { pathname } = new URL(page);
        return !/\/404\/?$/.test(pathname) && !embedPrefixes.some((prefix) => pathname.startsWith(prefix));
      },
      // Alternates come from the route table because folder names are localised (/programa/ ↔ /en/programme/).
      serialize(item) {
        const alt = alternatePaths(new URL(item.url).pathname);
        if (!alt) return item;
        return {
          ...item,
          links: [
            ...languages.map((lang) => ({ lang, url: new URL(alt.paths[lang], site).href })),
            { lang: 'x-default', url: new URL(alt.paths[defaultLang], site).href },
          ],
        };
      },
    }),
    // dist/sw.js and the shell bundles, written once every page exists (site/lib/offline.ts).
    serviceWorker(),
  ],
});
