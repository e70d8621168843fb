/**
 * Short keys for the sessions in a shared My programme link (`?s=k1.k2`, scripts/share-panel.ts):
 * a link with a dozen sessions stays short enough for a QR code a phone reads at a glance. A key is
 * a hash of the session's document id, which never changes, so a link made today still opens the
 * same sessions after the programme is edited, re-ordered or re-slugged. Five base-36 characters
 * (60 million values) keep a few hundred sessions apart; should two ever collide, every key of
 * the set grows until all differ (older links then still fail safe: unknown keys are skipped).
 */

/** FNV-1a (32 bits) of a string, in base 36: a stable, well-spread hash small enough to write out. */
function hash36(text: string, seed: number): string {
  let h = 0x811c9dc5 ^ seed;
  for (const char of text) {
    h ^= char.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/**
 * The share key of every id, all distinct.
 * @example shareKeys(['session-apertura']).get('session-apertura') // five characters of [0-9a-z]
 */
export function shareKeys(ids: readonly string[]): Map<string, string> {
  for (let length = 5; ; length += 7) {
    const key = (id: string) =>
      Array.from({ length: Math.ceil(length / 7) }, (_, i) => hash36(id, i))
        .join('')
        .slice(-length);
    const keys = new Map(ids.map((id) => [id, key(id)]));
    if (new Set(keys.values()).size === new Set(ids).size) return keys;
  }
}
