#!/usr/bin/env node
// Writes the nginx configuration of a build: deploy/nginx/site.conf and the snippets it includes
// (site/lib/hosting/nginx.ts), pinned to the style hashes of that build's pages.
//   node scripts/nginx-config.mjs <dist folder> <output folder, e.g. /etc/nginx/seminario>
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NGINX_SNIPPET_DIR, nginxSnippets } from '../site/lib/hosting/nginx.ts';
import { inlineStyleHashes } from './lib/inline-styles.mjs';

const [distArg, outArg] = process.argv.slice(2);
if (!distArg || !outArg) {
  console.error('Usage: node scripts/nginx-config.mjs <dist folder> <output folder>');
  process.exit(2);
}
const dist = path.resolve(distArg);
const out = path.resolve(outArg);
if (path.basename(out) !== NGINX_SNIPPET_DIR) {
  console.warn(
    `site.conf includes its snippets as ${NGINX_SNIPPET_DIR}/…, relative to nginx's configuration folder: name the output folder ${NGINX_SNIPPET_DIR}.`,
  );
}
const { hashes } = inlineStyleHashes(dist);
mkdirSync(out, { recursive: true });
for (const [name, text] of Object.entries(nginxSnippets({ root: dist, styleHashes: hashes }))) writeFileSync(path.join(out, name), text);
copyFileSync(path.join(import.meta.dirname, '..', 'deploy', 'nginx', 'site.conf'), path.join(out, 'site.conf'));
console.log(`Wrote ${out}/site.conf and its snippets for ${dist}`);
