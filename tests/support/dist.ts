import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';

/** The built site the build tests read; `npm test` builds it before the build project runs. */
export const distDir = path.resolve(process.env.TEST_DIST_DIR ?? 'dist');

/** Fails loudly when there is no build, instead of letting every test pass over nothing. */
export function requireDist(dir = distDir): string {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`No built site in ${dir}: run \`npm run build\` first (npm test does it for you).`);
  }
  return dir;
}

/** Every file under a folder, as paths relative to it with forward slashes. */
export function listFiles(dir = distDir): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Built HTML pages as URL paths: `programa/index.html` → `/programa/`, `404.html` → `/404.html`. */
export function htmlPages(dir = distDir): string[] {
  return listFiles(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => (f.endsWith('index.html') ? `/${f.slice(0, -'index.html'.length)}` : `/${f}`));
}

/** The file a URL path is served from, or null when nothing is built there. */
export function fileForPath(urlPath: string, dir = distDir): string | null {
  const clean = decodeURIComponent(urlPath.split('#')[0]!.split('?')[0]!);
  const candidates = clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}/index.html`];
  for (const c of candidates) {
    const file = path.join(dir, c);
    if (file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

const cache = new Map<string, Document>();

/** A built page parsed into a DOM (linkedom), cached per path. */
export function pageDocument(urlPath: string, dir = distDir): Document {
  const key = `${dir}\u0000${urlPath}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const file = fileForPath(urlPath, dir);
  if (!file) throw new Error(`No page built at ${urlPath}`);
  const { document } = parseHTML(readFileSync(file, 'utf8'));
  cache.set(key, document as unknown as Document);
  return document as unknown as Document;
}

/**
 * Text of an element with a space between text nodes, as a reader perceives it; `textContent`
 * glues adjacent elements together ("Português" + "Volver" → "PortuguêsVolver").
 */
export function readableText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
    else if (node.nodeName !== 'SCRIPT' && node.nodeName !== 'STYLE') for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}
