import { randomUUID } from 'node:crypto';
import { Mutation } from '@sanity/mutator';
import { evaluateSync, parse } from 'groq-js';

/**
 * The writable half of the Sanity stand-in (tests/support/sanity-api-server.ts): an in-memory
 * dataset that applies the Mutations API (`create`, `createIfNotExists`, `createOrReplace`,
 * `patch`, `delete`) and the Actions API (`sanity.action.document.*`) the way the Content Lake
 * does, and tells listeners (`/data/listen`) about every change.
 *
 * Patches are applied by `@sanity/mutator`, the library the Studio itself uses to apply them
 * locally, so both sides agree on the result. Each listener event carries, besides what the
 * request asked for, the document's whole new state in two forms any client can apply without
 * knowing the patch: `mutations: [{ createOrReplace: doc }]` (or `delete`) and, for
 * `effectFormat=mendoza`, the Mendoza patch `[0, doc]` ("the value is this"), which is what the
 * Studio's document previews require.
 */

export type Doc = Record<string, unknown> & { _id: string };

/** A change one transaction made to one document. */
interface Change {
  id: string;
  previous: Doc | null;
  next: Doc | null;
}

/** What a listener asked for (the `/data/listen` query string). */
export interface ListenerOptions {
  query: string;
  params: Record<string, unknown>;
  includeResult: boolean;
  includePreviousRevision: boolean;
  includeMutations: boolean;
  mendoza: boolean;
}

/** A listener's way to receive an event (`event: mutation`, `data: …`). */
export type ListenerSink = (event: string, data: unknown) => void;

/** An error the API answers with an HTTP status and Sanity's error body. */
export class LakeError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type = 'mutationError',
  ) {
    super(message);
  }
}

/** The id a document is published under (`drafts.X` → `X`). */
export function publishedIdOf(id: string): string {
  return id.replace(/^drafts\./u, '').replace(/^versions\.[^.]+\./u, '');
}

export class ContentLake {
  private docs = new Map<string, Doc>();
  private listeners = new Set<{ options: ListenerOptions; send: ListenerSink }>();
  /** Every transaction applied, in order: what a test inspects to see what an editor did. */
  readonly transactions: { id: string; kind: 'mutate' | 'actions'; payload: unknown; changes: Change[] }[] = [];

  constructor(documents: Record<string, unknown>[] = []) {
    this.replaceAll(documents);
  }

  /** Every document, drafts included, in insertion order. */
  all(): Doc[] {
    return [...this.docs.values()];
  }

  get(id: string): Doc | undefined {
    return this.docs.get(id);
  }

  /** Replaces the dataset without telling listeners (a fresh import). */
  replaceAll(documents: Record<string, unknown>[]): void {
    this.docs = new Map(
      documents.map((doc) => {
        const d = structuredClone(doc) as Doc;
        d._rev ??= `seed-${d._id}`;
        return [d._id, d];
      }),
    );
  }

  /** Registers a listener; returns its removal. */
  listen(options: ListenerOptions, send: ListenerSink): () => void {
    const entry = { options, send };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  /** `POST /data/mutate`: every mutation in order, one transaction. */
  mutate(mutations: unknown[], transactionId: string = randomUUID()): { transactionId: string; results: { id: string; operation: string }[] } {
    const working = new Map<string, Doc | null>();
    const read = (id: string) => (working.has(id) ? (working.get(id) ?? null) : (this.docs.get(id) ?? null));
    const results: { id: string; operation: string }[] = [];
    for (const raw of mutations) {
      const mutation = raw as Record<string, Record<string, unknown>>;
      const [kind] = Object.keys(mutation);
      const body = kind ? mutation[kind] : undefined;
      if (!kind || !body) throw new LakeError(400, 'Empty mutation');
      const id = String(body._id ?? body.id ?? '');
      if (!id) throw new LakeError(400, `The ${kind} mutation needs a document id`);
      const previous = read(id);
      if (kind === 'create' && previous) throw new LakeError(409, `Document by ID "${id}" already exists`, 'documentAlreadyExistsError');
      if (kind === 'patch' && !previous) throw new LakeError(404, `Document "${id}" not found`, 'documentNotFoundError');
      if (kind === 'patch' && typeof body.ifRevisionID === 'string' && body.ifRevisionID !== previous?._rev) {
        throw new LakeError(409, `Document "${id}" has unexpected revision ID`, 'conflictError');
      }
      const next = applyMutation(previous, { [kind]: kind === 'delete' ? { id } : structuredClone(body) }, transactionId);
      working.set(id, next);
      results.push({ id, operation: kind === 'delete' ? 'delete' : previous ? 'update' : 'create' });
    }
    this.commit(transactionId, 'mutate', mutations, working);
    return { transactionId, results };
  }

  /** `POST /data/actions`: the Actions API, all actions in one transaction. */
  actions(actions: unknown[], transactionId: string = randomUUID()): { transactionId: string } {
    const working = new Map<string, Doc | null>();
    const read = (id: string) => (working.has(id) ? (working.get(id) ?? null) : (this.docs.get(id) ?? null));
    const write = (id: string, doc: Doc | null) => working.set(id, doc);
    for (const raw of actions) {
      const action = raw as Record<string, unknown> & { actionType?: string };
      const publishedId = typeof action.publishedId === 'string' ? action.publishedId : '';
      const draftId = typeof action.draftId === 'string' ? action.draftId : `drafts.${publishedId}`;
      switch (action.actionType) {
        case 'sanity.action.document.create': {
          const attributes = structuredClone(action.attributes ?? {}) as Doc;
          const id = attributes._id || draftId;
          if (read(id)) {
            if (action.ifExists === 'ignore') break;
            throw new LakeError(409, `Document by ID "${id}" already exists`, 'documentAlreadyExistsError');
          }
          write(id, applyMutation(null, { create: { ...attributes, _id: id } }, transactionId));
          break;
        }
        case 'sanity.action.document.edit': {
          const base = read(draftId) ?? (read(publishedId) ? { ...(read(publishedId) as Doc), _id: draftId } : null);
          if (!base) throw new LakeError(404, `Cannot edit "${publishedId}": neither it nor its draft exists`, 'documentNotFoundError');
          write(draftId, applyMutation(base, { patch: { ...(action.patch as object), id: draftId } }, transactionId));
          break;
        }
        case 'sanity.action.document.publish': {
          const draft = read(draftId);
          if (!draft) throw new LakeError(409, `Cannot publish "${publishedId}": it has no draft`);
          if (typeof action.ifDraftRevisionId === 'string' && action.ifDraftRevisionId !== draft._rev) {
            throw new LakeError(409, `The draft of "${publishedId}" changed since it was validated`, 'conflictError');
          }
          write(publishedId, applyMutation(read(publishedId), { createOrReplace: { ...draft, _id: publishedId } }, transactionId));
          write(draftId, null);
          break;
        }
        case 'sanity.action.document.unpublish': {
          const published = read(publishedId);
          if (!published) throw new LakeError(409, `Cannot unpublish "${publishedId}": it is not published`);
          if (!read(draftId)) write(draftId, applyMutation(null, { create: { ...published, _id: draftId } }, transactionId));
          write(publishedId, null);
          break;
        }
        case 'sanity.action.document.discard':
          write(draftId, null);
          break;
        case 'sanity.action.document.delete':
          write(publishedId, null);
          for (const id of [draftId, ...((action.includeDrafts as string[] | undefined) ?? [])]) if (read(id)) write(id, null);
          break;
        case 'sanity.action.document.replaceDraft': {
          const attributes = structuredClone(action.attributes ?? {}) as Doc;
          write(draftId, applyMutation(read(draftId), { createOrReplace: { ...attributes, _id: draftId } }, transactionId));
          break;
        }
        default:
          throw new LakeError(400, `The stand-in does not know the action "${String(action.actionType)}"`, 'unknownAction');
      }
    }
    this.commit(transactionId, 'actions', actions, working);
    return { transactionId };
  }

  /** Stores a transaction's result and tells each listener whose query sees a changed document. */
  private commit(transactionId: string, kind: 'mutate' | 'actions', payload: unknown, working: Map<string, Doc | null>) {
    const changes: Change[] = [];
    for (const [id, next] of working) {
      const previous = this.docs.get(id) ?? null;
      if (previous === next || (previous === null && next === null)) continue;
      changes.push({ id, previous, next });
      if (next) this.docs.set(id, next);
      else this.docs.delete(id);
    }
    this.transactions.push({ id: transactionId, kind, payload, changes });
    const timestamp = new Date().toISOString();
    // After the HTTP answer, as the Content Lake does: a client sees its request succeed first.
    setImmediate(() => {
      for (const listener of this.listeners) {
        const relevant = changes.filter((change) => matches(listener.options, change.previous) || matches(listener.options, change.next));
        relevant.forEach((change, index) => {
          listener.send('mutation', eventFor(listener.options, change, transactionId, timestamp, index, relevant.length));
        });
      }
    });
  }
}

function applyMutation(previous: Doc | null, mutation: Record<string, unknown>, transactionId: string): Doc | null {
  const next = new Mutation({ mutations: [mutation], transactionId, resultRev: transactionId, timestamp: new Date().toISOString() } as never).apply(
    (previous ? structuredClone(previous) : null) as never,
  ) as Doc | null;
  return next ? { ...next } : null;
}

function matches(options: ListenerOptions, doc: Doc | null): boolean {
  if (!doc) return false;
  try {
    const data = evaluateSync(parse(options.query, { params: options.params }), { dataset: [doc], params: options.params }).get();
    return Array.isArray(data) ? data.length > 0 : Boolean(data);
  } catch {
    return false;
  }
}

function withoutRev(doc: Doc | null): Record<string, unknown> | null {
  if (!doc) return null;
  const { _rev, ...rest } = doc;
  return rest;
}

function eventFor(options: ListenerOptions, change: Change, transactionId: string, timestamp: string, index: number, total: number) {
  const visibleBefore = matches(options, change.previous);
  const visibleAfter = matches(options, change.next);
  const transition = visibleBefore && visibleAfter ? 'update' : visibleAfter ? 'appear' : 'disappear';
  return {
    eventId: `${transactionId}#${change.id}`,
    documentId: change.id,
    transactionId,
    transition,
    identity: 'e2e-editor',
    visibility: 'query',
    timestamp,
    previousRev: change.previous?._rev,
    resultRev: change.next?._rev ?? transactionId,
    transactionTotalEvents: total,
    transactionCurrentEvent: index + 1,
    ...(options.includeMutations ? { mutations: change.next ? [{ createOrReplace: change.next }] : [{ delete: { id: change.id } }] } : {}),
    ...(options.mendoza ? { effects: { apply: [0, withoutRev(change.next)], revert: [0, withoutRev(change.previous)] } } : {}),
    ...(options.includeResult && change.next ? { result: change.next } : {}),
    ...(options.includePreviousRevision && change.previous ? { previous: change.previous } : {}),
  };
}
