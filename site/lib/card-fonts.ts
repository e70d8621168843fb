import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { buildCacheDir } from './build-cache';

/**
 * The fonts of the share cards (share-card.ts): Noto Sans from @fontsource/noto-sans, which ships
 * each weight as one file per unicode subset (latin, latin-ext). resvg draws the card's `<text>`
 * from them and this module measures the text for line wrapping with the same files' advance
 * widths, so what is measured is what is drawn.
 *
 * resvg reads TrueType, not WOFF, and only from files: each WOFF is unpacked once into the build
 * cache. All four files call themselves "Noto Sans", and resvg's fallback for a glyph the first
 * face lacks picks any face that has it, whatever its weight (a bold "Ł" came out regular), so the
 * latin-ext files are renamed and the card names the face of every run of text itself (`runs`).
 */

export type CardWeight = 400 | 700;

const SUBSETS = [
  { subset: 'latin', family: 'Noto Sans' },
  { subset: 'latin-ext', family: 'Noto Sans Latin Ext' },
] as const;

interface Face {
  family: string;
  weight: CardWeight;
  /** Its TrueType file, for resvg's `font.fontFiles`, and what that file holds. */
  file: string;
  sfnt: Buffer;
  /** Advance width in ems of each code point the face has a glyph for. */
  advances: Map<number, number>;
}

export interface CardFonts {
  /** The family resvg falls back to (`font.defaultFontFamily`) and every `<text>` names first. */
  family: string;
  /** Ascender and descender (positive) in ems, which place a line's baseline as CSS would. */
  ascent: number;
  descent: number;
  faces: Face[];
}

let loaded: CardFonts | null = null;

/** The card fonts, unpacked and parsed once per process. */
export function cardFonts(): CardFonts {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const dir = path.join(buildCacheDir(), 'fonts');
  const faces: Face[] = [];
  let metrics = { ascent: 1.069, descent: 0.293 };
  for (const { subset, family } of SUBSETS) {
    for (const weight of [400, 700] as const) {
      const woff = readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`));
      const sfnt = woffToSfnt(woff, family, weight === 700 ? 'Bold' : 'Regular');
      // Named by content, so a changed font package or renaming never reuses a stale file.
      const file = path.join(dir, `${createHash('sha256').update(sfnt).digest('hex').slice(0, 16)}.ttf`);
      const font = parseFont(sfnt);
      faces.push({ family, weight, file, sfnt, advances: font.advances });
      if (subset === 'latin') metrics = { ascent: font.ascent, descent: font.descent };
    }
  }
  loaded = { family: SUBSETS[0].family, ...metrics, faces };
  return loaded;
}

/**
 * The font files an SVG of `<text>` needs: the default family's, and the others' only when it
 * names them. resvg reads and parses every file it is given for each card, and the latin-ext
 * files, five times the size of the latin ones, are needed by few cards.
 */
export function fontFilesFor(svg: string): string[] {
  const { faces, family } = cardFonts();
  return faces.filter((face) => face.family === family || svg.includes(`font-family="${face.family}"`)).map(fontFile);
}

/**
 * A face's file, written when missing: checked for every card, since resvg draws no text at all
 * from a file that is gone and the build cache may be deleted while a dev server runs.
 */
function fontFile(face: Face): string {
  if (!existsSync(face.file)) {
    mkdirSync(path.dirname(face.file), { recursive: true });
    const temporary = `${face.file}.${process.pid}.tmp`;
    writeFileSync(temporary, face.sfnt);
    renameSync(temporary, face.file);
  }
  return face.file;
}

/** A piece of a line drawn from one face: `family` null for the default family. */
export interface Run {
  text: string;
  family: string | null;
}

/** The text cut into runs of the first face of `weight` that has each character (the default face for a character none has). */
export function runs(text: string, weight: CardWeight): Run[] {
  const { faces, family } = cardFonts();
  const own = faces.filter((f) => f.weight === weight);
  const out: Run[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const face = own.find((f) => f.advances.has(code));
    const name = !face || face.family === family ? null : face.family;
    const last = out.at(-1);
    if (last && last.family === name) last.text += ch;
    else out.push({ text: ch, family: name });
  }
  return out;
}

/** Width in px of `text` at `size` px, `spacing` px of letter spacing after every character. */
export function textWidth(text: string, size: number, weight: CardWeight, spacing = 0): number {
  const own = cardFonts().faces.filter((f) => f.weight === weight);
  let em = 0;
  let count = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    // A character no face has is drawn as the missing-glyph box, about 0.6 em wide: counted as 1.
    em += own.find((f) => f.advances.has(code))?.advances.get(code) ?? 1;
    count++;
  }
  return em * size + count * spacing;
}

interface Table {
  tag: string;
  data: Buffer;
}

/**
 * A WOFF 1.0 file as the TrueType file it packs (each table zlib-inflated, laid out again), with
 * its name table replaced by one naming `family` and `style`.
 */
function woffToSfnt(woff: Buffer, family: string, style: string): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('share-card fonts: not a WOFF file');
  const count = woff.readUInt16BE(12);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    const tag = woff.toString('latin1', at, at + 4);
    const [offset, packed, length] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const raw = woff.subarray(offset, offset + packed);
    tables.push({ tag, data: tag === 'name' ? nameTable(family, style) : packed < length ? inflateSync(raw) : raw });
  }
  let size = 12 + 16 * count;
  for (const t of tables) size += (t.data.length + 3) & ~3;
  const out = Buffer.alloc(size);
  out.writeUInt32BE(woff.readUInt32BE(4), 0); // the packed font's own version tag
  let power = 1;
  let log = 0;
  while (power * 2 <= count) [power, log] = [power * 2, log + 1];
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(log, 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  let at = 12 + 16 * count;
  tables.forEach((t, i) => {
    const entry = 12 + 16 * i;
    out.write(t.tag, entry, 'latin1');
    out.writeUInt32BE(checksum(t.data), entry + 4);
    out.writeUInt32BE(at, entry + 8);
    out.writeUInt32BE(t.data.length, entry + 12);
    t.data.copy(out, at);
    at += (t.data.length + 3) & ~3;
  });
  return out;
}

function checksum(data: Buffer): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    sum = (sum + (((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0))) >>> 0;
  }
  return sum;
}

/** A name table (Windows, Unicode BMP, US English) with the family, style, full and PostScript names. */
function nameTable(family: string, style: string): Buffer {
  const names: [number, string][] = [
    [1, family],
    [2, style],
    [4, `${family} ${style}`],
    [6, `${family}-${style}`.replace(/\s+/g, '')],
  ];
  const strings = names.map(([, text]) => Buffer.from(text, 'utf16le').swap16());
  const header = Buffer.alloc(6 + 12 * names.length);
  header.writeUInt16BE(names.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  names.forEach(([id], i) => {
    const at = 6 + 12 * i;
    const length = strings[i]?.length ?? 0;
    for (const [k, value] of [3, 1, 0x409, id, length, offset].entries()) header.writeUInt16BE(value, at + 2 * k);
    offset += length;
  });
  return Buffer.concat([header, ...strings]);
}

/** Advance widths per code point (cmap format 4 and hmtx) and the vertical metrics (hhea), in ems. */
function parseFont(font: Buffer): { advances: Map<number, number>; ascent: number; descent: number } {
  const tables = new Map<string, number>();
  for (let i = 0; i < font.readUInt16BE(4); i++) tables.set(font.toString('latin1', 12 + 16 * i, 16 + 16 * i), font.readUInt32BE(20 + 16 * i));
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`share-card fonts: no ${tag} table`);
    return at;
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const hhea = table('hhea');
  const metricCount = font.readUInt16BE(hhea + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number) => font.readUInt16BE(hmtx + 4 * Math.min(glyph, metricCount - 1)) / unitsPerEm;
  const cmap = table('cmap');
  let sub = -1;
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const [platform, encoding] = [font.readUInt16BE(cmap + 4 + 8 * i), font.readUInt16BE(cmap + 6 + 8 * i)];
    if (platform === 3 && encoding === 1) sub = cmap + font.readUInt32BE(cmap + 8 + 8 * i);
  }
  if (sub < 0 || font.readUInt16BE(sub) !== 4) throw new Error('share-card fonts: no Unicode BMP cmap (format 4)');
  const segments = font.readUInt16BE(sub + 6) / 2;
  const advances = new Map<number, number>();
  for (let s = 0; s < segments; s++) {
    const end = font.readUInt16BE(sub + 14 + 2 * s);
    const start = font.readUInt16BE(sub + 16 + 2 * segments + 2 * s);
    const delta = font.readInt16BE(sub + 16 + 4 * segments + 2 * s);
    const rangeAt = sub + 16 + 6 * segments + 2 * s;
    const range = font.readUInt16BE(rangeAt);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph = range === 0 ? code + delta : font.readUInt16BE(rangeAt + range + 2 * (code - start));
      if (range !== 0 && glyph !== 0) glyph += delta;
      glyph &= 0xffff;
      if (glyph !== 0) advances.set(code, advance(glyph));
    }
  }
  return { advances, ascent: font.readInt16BE(hhea + 4) / unitsPerEm, descent: -font.readInt16BE(hhea + 6) / unitsPerEm };
}
