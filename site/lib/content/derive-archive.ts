/**
 * Issue #20: the read model of what the event leaves behind, from content that passed
 * check-archive.ts: the materials of a session, the products, the report, and where the programme
 * lists each asynchronous activity.
 */

import type { RawSession } from '../../../content-models/result';
import type { RawAsyncActivity } from '../../../content-models/result-archive';
import { linkedFile, type Material } from '../materials';
import type { ArchiveContent, AsyncActivity, Product, Site } from './model';

/** A session's materials that can be linked (check-archive.ts has refused the others). */
export function sessionMaterials(session: Pick<RawSession, 'materials'>, assetDir: string | undefined): Material[] {
  return session.materials.flatMap((m, i) => {
    const { file } = linkedFile(m.file, m.url, assetDir);
    return file ? [{ ...file, key: m._key ?? String(i), title: m.title }] : [];
  });
}

/**
 * The event day an activity is listed after: the day it names; else, when dated, the last day on
 * or before its start (none: before the first day); undated and unplaced, after the last day.
 */
export function activitySlot(activity: Pick<RawAsyncActivity, 'afterDay' | 'startDate'>, dates: readonly string[]): string | null {
  const sorted = [...dates].sort();
  if (activity.afterDay && sorted.includes(activity.afterDay)) return activity.afterDay;
  if (activity.startDate) return sorted.filter((d) => d <= (activity.startDate as string)).at(-1) ?? null;
  return sorted.at(-1) ?? null;
}

export function deriveArchive(
  content: ArchiveContent,
  dates: readonly string[],
  assetDir: string | undefined,
): Pick<Site, 'report' | 'products' | 'asyncActivities'> {
  const products: Product[] = (content.products?.items ?? []).map(({ url, file, ...item }) => ({ ...item, file: linkedFile(file, url, assetDir).file }));
  const asyncActivities: AsyncActivity[] = content.asyncActivities
    .map((a) => ({ ...a, slot: activitySlot(a, dates) }))
    .sort((a, b) => (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') || a.order - b.order);
  return { report: content.report?.body ?? null, products, asyncActivities };
}
