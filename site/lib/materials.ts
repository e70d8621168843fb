import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Localised, RawFileAsset } from '../../content-models/result';
import { isSafeHref } from '../../content-models/validation/links';

/**
 * Files the event leaves behind (issue #20: a session's materials, a product's document). As with
 * speaker photos (photos.ts), two origins:
 *
 * - A Content Lake file asset: linked at its address on Sanity's CDN, with the size and type the
 *   asset records.
 * - A local file of a dataset exported with its assets (`file@file://./files/<name>.<ext>` beside
 *   data.ndjson): the build copies it to `/materials/<name>.<ext>` (site/pages/materials/[file].ts),
 *   a path that stays the same as long as the file does, since the export names it by its hash.
 *
 * A file that cannot be linked is a broken reference, and the build refuses it (check-archive.ts):
 * an editor attached it on purpose, and a page without it would silently lose what was promised.
 */

/** A file or address a page may link, with what the reader is told about it. */
export interface LinkedFile {
  href: string;
  /** Lower-case file extension (`pdf`, `pptx`), when known. */
  extension: string | null;
  /** Bytes, when known. */
  size: number | null;
  /** The local file to copy into dist, for a file of an exported dataset. */
  localFile: string | null;
}

/** A session's material as pages, schedule.json and calendars show it. */
export interface Material extends LinkedFile {
  key: string;
  title: Localised;
}

const CDN_FILE = /^https:\/\/cdn\.sanity\.io\/files\/[a-z0-9-]+\/[a-z0-9_-]+\/[A-Za-z0-9_-]+\.([a-z0-9]{1,8})(?:\?[^\s"'<>]*)?$/;
const EXPORTED_FILE = /^file@file:\/\/\.\/files\/([A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)\.([A-Za-z0-9]{1,8})$/;

/** Where the build publishes a local file. @example materialPath('abc123', 'pdf') // '/materials/abc123.pdf' */
export function materialPath(name: string, extension: string): string {
  return `/materials/${name}.${extension}`;
}

/** The extension an address ends with (`…/acta.pdf` → `pdf`), when it names a file. */
function extensionOf(url: string): string | null {
  try {
    return /\.([a-z0-9]{2,5})$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? null;
  } catch {
    return null;
  }
}

/**
 * The file or address as a page may link it, or why it may not (in Spanish, for the build's
 * report). `url` is an address the editor wrote (its safe-address rule is content-models/validation).
 */
export function linkedFile(
  file: RawFileAsset,
  url: string | null | undefined,
  assetDir: string | undefined,
): { file: LinkedFile | null; problem: string | null } {
  if (file?.ref || file?.url) {
    const cdn = file.url ? CDN_FILE.exec(file.url) : null;
    if (!file.url) return { file: null, problem: `la referencia apunta al archivo "${file.ref}", que no existe o no está publicado` };
    if (!cdn) return { file: null, problem: `el archivo ${JSON.stringify(file.url.slice(0, 80))} no está en https://cdn.sanity.io/files/` };
    const extension = (file.extension ?? cdn[1] ?? '').toLowerCase() || null;
    return { file: { href: file.url, extension, size: file.size ?? null, localFile: null }, problem: null };
  }
  if (file?.local) {
    const local = EXPORTED_FILE.exec(file.local);
    if (!local) return { file: null, problem: `${JSON.stringify(file.local.slice(0, 80))} no es un archivo exportado (file@file://./files/…)` };
    const [, name = '', ext = ''] = local;
    const onDisk = assetDir ? path.join(assetDir, 'files', `${name}.${ext}`) : null;
    if (!onDisk || !existsSync(onDisk)) {
      return { file: null, problem: `el archivo files/${name}.${ext} no está junto al conjunto de datos${assetDir ? ` (${assetDir})` : ''}` };
    }
    const extension = ext.toLowerCase();
    return { file: { href: materialPath(name, extension), extension, size: statSync(onDisk).size, localFile: onDisk }, problem: null };
  }
  if (url?.trim() && isSafeHref(url)) return { file: { href: url, extension: extensionOf(url), size: null, localFile: null }, problem: null };
  return { file: null, problem: null };
}

/**
 * "PDF, 1.2 MB": the type and size of a file, as the page writes them beside its link.
 * @example fileFacts({ extension: 'pdf', size: 1_234_567 }, 'en') // 'PDF, 1.2 MB'
 */
export function fileFacts(file: Pick<LinkedFile, 'extension' | 'size'>, intl: string): string {
  const parts: string[] = [];
  if (file.extension) parts.push(file.extension.toUpperCase());
  if (file.size != null) parts.push(fileSize(file.size, intl));
  return parts.join(', ');
}

/** Bytes in kB or MB (decimal units, as file managers show them), in the language's number format. */
export function fileSize(bytes: number, intl: string): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(bytes, 1) / 1_000, 'kilobyte'];
  const digits = value >= 10 ? 0 : 1;
  return new Intl.NumberFormat(intl, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
}
