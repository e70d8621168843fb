/**
 * The size a share card's title is drawn at: the largest that fits its box, estimated from the
 * font's advance widths without drawing (share-card.ts draws; its cache key includes this file).
 */

/** Title sizes tried from the largest down; below the last one the title is clamped instead. */
const TITLE_SIZES = [72, 64, 58, 52, 48, 44, 40];

/**
 * The largest title size at which the title fits the box, from Noto Sans Bold's advance widths and
 * a greedy word wrap like satori's (breaking only at spaces, so it never expects fewer lines than
 * satori draws). At the smallest size, what still does not fit is clamped by satori with an
 * ellipsis, so the box is never overrun.
 */
export function fitTitle(title: string, width: number, height: number): { size: number; lineHeight: number; lines: number } {
  let fit = { size: TITLE_SIZES.at(-1) ?? 42, lineHeight: 1.16, lines: 1 };
  for (const size of TITLE_SIZES) {
    const lineHeight = size >= 58 ? 1.12 : 1.16;
    const maxLines = Math.max(1, Math.floor(height / (size * lineHeight)));
    fit = { size, lineHeight, lines: maxLines };
    // 3% to spare for kerning and rounding, which the estimate leaves out.
    if (wrappedLines(title, (width * 0.97) / size) <= maxLines) return fit;
  }
  return fit;
}

/** Lines a greedy word wrap needs for `text` on lines `em` ems wide. */
export function wrappedLines(text: string, em: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    const w = textWidth(word);
    if (used === 0) used = w;
    else if (used + SPACE + w <= em) used += SPACE + w;
    else {
      lines += 1;
      used = w;
    }
    // A word longer than a line breaks anywhere (overflowWrap: anywhere).
    while (used > em) {
      lines += 1;
      used -= em;
    }
  }
  return lines;
}

/**
 * Advance widths of Noto Sans Bold in thousandths of an em, measured with satori itself, for a–z,
 * A–Z and the punctuation titles use. Accented letters take their base letter's width (NFD), as in
 * the font; anything else counts as a wide letter, so the estimate errs towards a smaller title.
 */
const LOWER = [599, 632, 516, 632, 597, 386, 632, 650, 299, 298, 620, 298, 975, 650, 625, 632, 632, 447, 502, 434, 650, 571, 856, 578, 571, 493];
const UPPER = [692, 665, 624, 732, 560, 549, 724, 765, 389, 331, 664, 559, 943, 814, 791, 621, 791, 656, 551, 595, 756, 650, 967, 670, 626, 579];
const OTHER: Record<string, number> = {
  '.': 281,
  ',': 285,
  ':': 281,
  ';': 285,
  '-': 320,
  '–': 500,
  '—': 1000,
  '(': 339,
  ')': 339,
  '"': 479,
  "'": 266,
  '?': 477,
  '!': 282,
  '¿': 477,
  '¡': 286,
  '/': 416,
  '&': 750,
};
const DIGIT = 572;
const UNKNOWN = 720;
const SPACE = 0.26;

/** Estimated advance width in ems of a word in Noto Sans Bold. */
function textWidth(word: string): number {
  let w = 0;
  for (const ch of word) {
    const base = ch.normalize('NFD')[0] ?? ch;
    const code = base.charCodeAt(0);
    if (code >= 97 && code <= 122) w += LOWER[code - 97] ?? UNKNOWN;
    else if (code >= 65 && code <= 90) w += UPPER[code - 65] ?? UNKNOWN;
    else if (code >= 48 && code <= 57) w += DIGIT;
    else w += OTHER[base] ?? UNKNOWN;
  }
  return w / 1000;
}
