#!/usr/bin/env node
// `npm start`: build the site from the configured content (the embedded dataset by default) and
// serve the result locally the way a host does: the headers dist/_headers gives, gzip, and each
// language's 404 page (scripts/lib/static-server.mjs). The URL is printed once the server listens.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startStaticServer } from './lib/static-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await startStaticServer({
  root: path.resolve(root, process.env.BUILD_OUT_DIR ?? 'dist'),
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 4321),
});
console.log(`\nServing the site at ${server.origin}/ (Ctrl+C to stop)\n`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.close();
    process.exit(0);
  });
}
