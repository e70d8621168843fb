import { type CardWeight, textWidth } from './card-fonts';

/**
 * Line wrapping for the share cards (share-card.ts draws; its cache key includes this file): the
 * lines a text takes in a box, from the advance widths of the very font files resvg draws with
 * (card-fonts.ts), so the lines measured are the lines drawn. resvg's kerning only narrows a line.
 */

/** Title sizes tried from the largest down; below the last one the title is clamped instead. */
const TITLE_SIZES = [72, 64, 58, 52, 48, 44, 40];

/** A title's size, line height (a factor of the size) and lines. */
export interface TitleFit {
  size: number;
  lineHeight: number;
  lines: string[];
}

/**
 * The largest title size at which the whole title fits the box, wrapped at spaces. At the
 * smallest size, what still does not fit is clamped with an ellipsis, so the box is never overrun.
 */
export function fitTitle(title: string, width: number, height: number): TitleFit {
  let fit: TitleFit = { size: 0, lineHeight: 1, lines: [] };
  for (const size of TITLE_SIZES) {
    const lineHeight = size >= 58 ? 1.12 : 1.16;
    const maxLines = Math.max(1, Math.floor(height / (size * lineHeight)));
    const lines = wrapText(title, width, { size, weight: 700 });
    fit = { size, lineHeight, lines: clamp(lines, maxLines, width, { size, weight: 700 }) };
    if (lines.length <= maxLines) return fit;
  }
  return fit;
}

export interface TextStyle {
  size: number;
  weight: CardWeight;
  /** Letter spacing in px, after every character as in CSS. */
  spacing?: number;
}

const width = (text: string, style: TextStyle) => textWidth(text, style.size, style.weight, style.spacing);

/**
 * `text` (one line of words, see cleanText) wrapped greedily at spaces into lines at most `max`
 * px wide; a word wider than a line is broken between characters, as CSS's overflow-wrap: anywhere.
 */
export function wrapText(text: string, max: number, style: TextStyle): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (width(joined, style) <= max) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const ch of word) {
      if (line && width(line + ch, style) > max) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The first `maxLines` lines of `text` in a box `max` px wide, the last one ending in an ellipsis
 * when some text was left out.
 * @example clampText('Mesa de reflexión 1…', 600, 1, { size: 40, weight: 700 }) // ['Mesa de reflexión 1…']
 */
export function clampText(text: string, max: number, maxLines: number, style: TextStyle): string[] {
  return clamp(wrapText(text, max, style), maxLines, max, style);
}

function clamp(lines: string[], maxLines: number, max: number, style: TextStyle): string[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = Array.from(kept.at(-1) ?? '');
  while (last.length && width(`${last.join('').trimEnd()}…`, style) > max) last = last.slice(0, -1);
  kept[kept.length - 1] = `${last.join('').trimEnd()}…`;
  return kept;
}
