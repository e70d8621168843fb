/**
 * How check.ts collects problems: shape problems from the result schema, rule issues from the
 * shared rules, each named by document and field the way an editor knows them.
 */
import type { RuleIssue } from '../../../content-models/validation';
import type { ContentProblem } from './problems';

type Where = Omit<ContentProblem, 'field' | 'message'>;

/**
 * Problems in the order found. A field that a shared rule explains is not explained twice: the
 * rule's message (written for editors, with the fix) replaces the bare shape message.
 */
export class ProblemList {
  private items: { problem: ContentProblem; from: 'shape' | 'rule' }[] = [];
  add(problem: ContentProblem, from: 'shape' | 'rule' = 'rule') {
    this.items.push({ problem, from });
  }
  /** The errors among a rule's issues (warnings inform the Studio's editors and never stop a build). */
  addIssues(where: Where, issues: readonly RuleIssue[]) {
    for (const issue of issues) if (issue.level === 'error') this.add({ ...where, field: issue.path || '(document)', message: issue.message });
  }
  /** The problems grouped by document, documents in the order first met. */
  list(): ContentProblem[] {
    const doc = (p: ContentProblem) => `${p.documentType}\u0000${p.documentId}`;
    const key = (p: ContentProblem) => `${doc(p)}\u0000${p.field}`;
    const explained = new Set(this.items.filter((i) => i.from === 'rule').map((i) => key(i.problem)));
    const groups = new Map<string, ContentProblem[]>();
    const seen = new Set<string>();
    for (const { problem, from } of this.items) {
      if (from === 'shape' && explained.has(key(problem))) continue;
      const id = `${key(problem)}\u0000${problem.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const group = groups.get(doc(problem)) ?? [];
      group.push(problem);
      groups.set(doc(problem), group);
    }
    return [...groups.values()].flat();
  }
  get size(): number {
    return this.items.length;
  }
}

export interface SafeParser<T> {
  safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** The items that match `schema`; every mismatch of the others becomes a shape problem. */
export function parseEach<T>(items: unknown[], schema: SafeParser<T>, type: string, problems: ProblemList, fallbackId = '(sin _id)'): T[] {
  const out: T[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      out.push(parsed.data);
      continue;
    }
    const label = labelOf(item);
    for (const issue of parsed.error.issues) {
      problems.add({ documentId: idOf(item) ?? fallbackId, documentType: type, label, field: fieldPath(issue.path), message: issue.message }, 'shape');
    }
  }
  return out;
}

/** `title.text` → `title`, `questions.2.text` → `questions[2]`: the field as the editor knows it. */
export function fieldPath(path: PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (part === 'text' || part === 'lang' || part === 'blocks') continue;
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  }
  return out || '(document)';
}

export function idOf(value: unknown): string | undefined {
  const id = (value as { _id?: unknown } | null)?._id;
  return typeof id === 'string' ? id : undefined;
}

export function labelOf(item: unknown): string | undefined {
  const v = item as { title?: { text?: unknown }; name?: unknown } | null;
  const label = v?.title?.text ?? v?.name;
  return typeof label === 'string' ? label : undefined;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === 'undefined' ? 'nothing' : `a ${typeof value}`;
}

/** `YYYY-MM-DD` moved by whole days (calendar arithmetic in UTC, where every day has 24 hours). */
export function shiftDate(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? date : new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}
