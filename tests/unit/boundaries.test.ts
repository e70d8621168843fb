import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build';

/**
 * The one-way design: the content models (schema, rules, queries, locales, routes) serve the Studio,
 * the site, the scripts and the tests, so they and the Studio import nothing of the site; and every
 * GROQ query lives in content-models/queries.ts, where the result contract is.
 */
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const SKIP = /(^|\/)(node_modules|dist|\.sanity|seed)(\/|$)/;

function sources(folder: string): string[] {
  return readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(folder, file).split(path.sep).join('/'))
    .filter((file) => SOURCE.test(file) && !file.endsWith('.d.ts') && !SKIP.test(file));
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((match) => match[1]!);
}

describe('module boundaries', () => {
  it('finds the import specifiers of a file, static and dynamic', () => {
    expect(specifiers(`import a from '../x';\nexport { b } from "./y";\nconst c = await import('../../site/z');\nimport './side-effect.css';`)).toEqual([
      '../x',
      './y',
      '../../site/z',
      './side-effect.css',
    ]);
  });

  it('studio/ and content-models/ import nothing from site/', () => {
    const files = [...sources('studio'), ...sources('content-models')];
    expect(files.length).toBeGreaterThan(30);
    const siteDir = path.join(repoRoot, 'site') + path.sep;
    const crossings = files.flatMap((file) =>
      specifiers(readFileSync(path.join(repoRoot, file), 'utf8'))
        .filter((spec) => spec.startsWith('.') && path.resolve(repoRoot, path.dirname(file), spec).startsWith(siteDir))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(crossings).toEqual([]);
  });

  it('keeps every GROQ query in content-models/queries.ts', () => {
    // scripts/ is left out: seed.mjs counts a dataset's documents before writing, and plain Node cannot
    // import queries.ts (its own imports carry no extension).
    const files = ['studio', 'content-models', 'site'].flatMap(sources).filter((file) => file !== 'content-models/queries.ts');
    expect(files.length).toBeGreaterThan(60);
    // A query starts with a filter over every document (`*[`) or is tagged for editors' highlighting.
    const outside = files.filter((file) => /\/\*\s*groq\s*\*\/|\*\[/.test(readFileSync(path.join(repoRoot, file), 'utf8')));
    expect(outside).toEqual([]);
  });
});
