import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build';
import { codeLines } from '../support/code-lines';

/**
 * Small modules named for what they do: no module in site/lib/ or content-models/ holds more than
 * 250 lines of code (comments and blank lines not counted). A module that grows past it does more
 * than one job; split it by job rather than raising the limit.
 */
const LIMIT = 250;
const FOLDERS = ['site/lib', 'content-models'];

const modules = FOLDERS.flatMap((folder) =>
  readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mts|mjs|js)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => path.join(folder, file)),
);

describe('module size', () => {
  it('counts code, not comments or blank lines', () => {
    const text = [
      '/**',
      ' * Two lines of doc.',
      ' */',
      'const a = `x',
      '// inside a template: code',
      '`; // trailing',
      '',
      "const b = '/* not a comment */';",
      '/* a',
      '   block */',
    ].join('\n');
    expect(codeLines(text)).toBe(4);
  });

  it(`keeps every module in ${FOLDERS.join(' and ')} within ${LIMIT} lines of code`, () => {
    expect(modules.length).toBeGreaterThan(20);
    const sizes = modules.map((file) => ({ file, lines: codeLines(readFileSync(path.join(repoRoot, file), 'utf8'), file) }));
    const over = sizes.filter((m) => m.lines > LIMIT).map((m) => `${m.file}: ${m.lines}`);
    expect(over, `modules over ${LIMIT} lines of code`).toEqual([]);
  });
});
