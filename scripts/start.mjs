#!/usr/bin/env node
// `npm start`: build the site from the configured content (the embedded dataset by default) and
// serve the result locally. The URL is printed once the server is listening.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '4321';
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const server = spawn(process.execPath, [astro, 'preview', '--host', host, '--port', port], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
console.log(`\nServing the site at http://${host}:${port}/ (Ctrl+C to stop)\n`);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
