/**
 * Issue #20: the checks of what the event leaves behind, run by check.ts with the rest so that
 * every problem is reported at once: the report, the workshop's products and the asynchronous
 * activities parse, and every material or product file can be linked (a file an editor attached
 * that the build cannot find is a broken reference, named by document and field).
 */

import type { RawEvent, RawSession } from '../../../content-models/result';
import { rawAsyncActivity, rawProducts, rawReport } from '../../../content-models/result-archive';
import { checkActivityDates, checkMaterial, checkOptionalUrl } from '../../../content-models/validation/results';
import { linkedFile } from '../materials';
import type { ArchiveContent } from './model';
import { type ProblemList, parseEach } from './problem-list';

interface Top {
  report?: unknown;
  products?: unknown;
  asyncActivities?: unknown;
}

export function checkArchive(top: Top, sessions: RawSession[], event: RawEvent | null, problems: ProblemList, assetDir: string | undefined): ArchiveContent {
  for (const s of sessions) {
    const at = { documentId: s._id, documentType: 'session', label: s.title.text };
    for (const [i, m] of s.materials.entries()) {
      const field = `materials[${i}]`;
      problems.addIssues(at, checkMaterial({ hasFile: m.file !== null, url: m.url }, field));
      const { problem } = linkedFile(m.file, null, assetDir);
      if (problem) problems.add({ ...at, field: `${field}.file`, message: problem });
    }
  }

  const [report] = top.report == null ? [null] : parseEach([top.report], rawReport, 'report', problems, 'report');
  const [products] = top.products == null ? [null] : parseEach([top.products], rawProducts, 'workshopProducts', problems, 'workshopProducts');
  for (const [i, item] of (products?.items ?? []).entries()) {
    const at = { documentId: products?._id ?? 'workshopProducts', documentType: 'workshopProducts', label: item.title.text };
    problems.addIssues(at, checkOptionalUrl(item.url, `items[${i}].url`));
    const { problem } = linkedFile(item.file, null, assetDir);
    if (problem) problems.add({ ...at, field: `items[${i}].file`, message: problem });
  }

  const items = Array.isArray(top.asyncActivities) ? top.asyncActivities : [];
  const asyncActivities = parseEach(items, rawAsyncActivity, 'asyncActivity', problems);
  const eventDates = event?.days.map((d) => d.date) ?? [];
  for (const a of asyncActivities) {
    const at = { documentId: a._id, documentType: 'asyncActivity', label: a.title.text };
    problems.addIssues(at, checkActivityDates(a, eventDates));
    problems.addIssues(at, checkOptionalUrl(a.url, 'url'));
  }
  return { report: report ?? null, products: products ?? null, asyncActivities };
}
