import { outDir, root, site, srcDir } from 'astro:config/server';
import { fileURLToPath } from 'node:url';
import type { APIRoute } from 'astro';
import { OFFLINE_CACHE_PREFIX, offlineVersion, precachedPages, serviceWorkerSource } from '../lib/offline';
import template from '../scripts/service-worker.js?raw';

// The service worker, with this build's version and page list (site/lib/offline.ts). Endpoints run
// after the client bundle is written to outDir/_astro/, so its files are part of the version.
export const GET: APIRoute = async () => {
  const pages = await precachedPages();
  const version = await offlineVersion({
    pages,
    site,
    paths: [new URL('_astro/', outDir), srcDir, new URL('content-models/', root), new URL('package-lock.json', root)].map((url) => fileURLToPath(url)),
  });
  return new Response(serviceWorkerSource(template, { prefix: OFFLINE_CACHE_PREFIX, version, pages }), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
};
