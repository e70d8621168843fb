// Larger, still valid datasets for the build benchmark: the embedded dataset's agenda repeated
// `factor` times. Copy k (k ≥ 1) moves every event day k weeks later, gives each session and
// speaker a new _id and slug (suffix `-x<k>`), and points the copied sessions at the copied
// speakers. Institutions and the concept note are shared. Slugs stay unique and every session's
// date is one of the event's days, so the build validates it like real content.
import { readNdjson } from '../../content-models/ndjson.ts';

/**
 * @typedef {Record<string, any> & { _id: string, _type: string }} Doc
 */

/**
 * Reads an NDJSON export (one document per line).
 * @param {string} file
 * @returns {Doc[]}
 */
export function readDataset(file) {
  return /** @type {Doc[]} */ (readNdjson(file));
}

/**
 * `date` (YYYY-MM-DD) plus `days` calendar days.
 * @param {string} date
 * @param {number} days
 * @example addDays('2020-10-26', 7) // '2020-11-02'
 */
export function addDays(date, days) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The dataset with its days, sessions and speakers repeated `factor` times (factor 1: unchanged).
 * @param {Doc[]} docs
 * @param {number} factor
 * @returns {Doc[]}
 * @example scaleDataset(readDataset('studio/seed/production.ndjson'), 10).filter((d) => d._type === 'session').length // 130
 */
export function scaleDataset(docs, factor) {
  const copies = Array.from({ length: factor - 1 }, (_, i) => i + 1);
  const suffix = (/** @type {number} */ k) => `-x${k}`;
  /** @type {Doc[]} */
  const out = [];
  for (const doc of docs) {
    if (doc._type === 'event') {
      const days = doc.days ?? [];
      out.push({
        ...doc,
        days: [
          ...days,
          ...copies.flatMap((k) => days.map((/** @type {any} */ day) => ({ ...day, _key: `${day._key}${suffix(k)}`, date: addDays(day.date, 7 * k) }))),
        ],
      });
      continue;
    }
    out.push(doc);
    if (doc._type === 'speaker') {
      for (const k of copies) {
        out.push({ ...doc, _id: `${doc._id}${suffix(k)}`, name: `${doc.name} ${k + 1}`, slug: { ...doc.slug, current: `${doc.slug.current}${suffix(k)}` } });
      }
    }
    if (doc._type === 'session') {
      for (const k of copies) {
        out.push({
          ...doc,
          _id: `${doc._id}${suffix(k)}`,
          slug: { ...doc.slug, current: `${doc.slug.current}${suffix(k)}` },
          date: addDays(doc.date, 7 * k),
          participants: (doc.participants ?? []).map((/** @type {any} */ p) =>
            p.speaker?._ref ? { ...p, speaker: { ...p.speaker, _ref: `${p.speaker._ref}${suffix(k)}` } } : p,
          ),
        });
      }
    }
  }
  return out;
}

/**
 * @param {Doc[]} docs
 * @returns {string}
 */
export function toNdjson(docs) {
  return `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`;
}
