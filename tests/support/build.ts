import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILD_SETTINGS, CONTENT_SETTINGS } from '../../site/lib/content/settings';

/**
 * Runs `scripts/build.mjs` (the real, atomic build) in a child process with the given environment
 * and a temporary `BUILD_OUT_DIR`, and captures what it prints. The child is spawned
 * asynchronously so that a test's in-process servers (the fake Sanity API) keep answering it.
 */

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** Settings that pick or tune the content source: cleared so a developer's own never leak in. */
const SOURCE_ENV = [...CONTENT_SETTINGS, ...BUILD_SETTINGS, 'ASTRO_OUT_DIR'];

export interface BuildRun {
  /** Exit code of scripts/build.mjs (null when killed). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they arrived. */
  output: string;
  durationMs: number;
  outDir: string;
}

export interface BuildOptions {
  /** Extra environment; `undefined` values remove a variable. */
  env?: Record<string, string | undefined>;
  /** Target folder; default a new temporary one. */
  outDir?: string;
  /** Kill the build after this long. Default 120 s. */
  timeoutMs?: number;
  /** The project to build; default this repository (a test may build a modified copy). */
  root?: string;
}

/** A new empty temporary folder path for a build target (the folder itself is not created). */
export function tempOutDir(label = 'build'): string {
  const parent = mkdtempSync(path.join(tmpdir(), `sts-${label}-`));
  return path.join(parent, 'dist');
}

/** Removes a target made by {@link tempOutDir}, with its parent. */
export function removeOutDir(outDir: string): void {
  rmSync(path.dirname(outDir), { recursive: true, force: true });
}

export function runBuild(options: BuildOptions = {}): Promise<BuildRun> {
  const outDir = options.outDir ?? tempOutDir();
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !SOURCE_ENV.includes(key)) env[key] = value;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  env.BUILD_OUT_DIR = outDir;
  env.ASTRO_TELEMETRY_DISABLED = '1';
  env.FORCE_COLOR = '0';
  env.NO_COLOR = '1';

  const started = Date.now();
  return new Promise((resolve, reject) => {
    const root = options.root ?? repoRoot;
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      output += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output, durationMs: Date.now() - started, outDir });
    });
  });
}

/** Every file under `dir`, as sorted paths relative to it with `/` separators. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Path → sha256 of its bytes, for comparing whole trees. */
export function treeDigest(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(path.join(dir, file)))
        .digest('hex'),
    ]),
  );
}

/** Path → modification time and digest, to prove a failed build left a tree untouched. */
export function treeSnapshot(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((file) => {
      const full = path.join(dir, file);
      return [file, `${statSync(full).mtimeMs}:${createHash('sha256').update(readFileSync(full)).digest('hex')}`];
    }),
  );
}
