import { foldForSearch as fold } from '../lib/search-fold';
import type { SearchEntry } from '../lib/search-index';

/** The query's folding, the index's own (lib/search-fold.ts). */
export { fold };

/**
 * The search page: the language's search.json is fetched on the first keystroke (or at once when
 * the address carries `?q=`), then every keystroke filters it in memory. A query matches an entry
 * when each of its words begins one of the entry's words, folded alike (no case, no accents), so
 * "mishaan", "segep" and "cooperacion" all find what they name. Results are text only, never markup.
 */

/** The entries a query finds, in index order (speakers, then sessions); none for an empty query. */
export function findEntries(entries: readonly SearchEntry[], query: string): SearchEntry[] {
  const terms = fold(query).split(' ').filter(Boolean);
  if (!terms.length) return [];
  return entries.filter((e) => terms.every((term) => ` ${e.words}`.includes(` ${term}`)));
}

export function initSearch(doc: Document): void {
  const root = doc.querySelector<HTMLElement>('[data-search]');
  const form = root?.querySelector<HTMLFormElement>('form');
  const input = form?.querySelector<HTMLInputElement>('input');
  const status = root?.querySelector<HTMLElement>('[data-search-status]');
  const list = root?.querySelector<HTMLElement>('[data-search-results]');
  if (!root || !form || !input || !status || !list) return;
  const labels = root.dataset;
  let entries: Promise<SearchEntry[]> | null = null;
  const load = () => {
    entries ??= fetch(labels.src ?? '').then(
      (r) => (r.ok ? (r.json() as Promise<SearchEntry[]>) : []),
      () => [],
    );
    return entries;
  };
  const show = async () => {
    const query = input.value;
    const found = findEntries(await load(), query);
    if (input.value !== query) return;
    list.replaceChildren(
      ...found.slice(0, 50).map((e) => {
        const li = doc.createElement('li');
        const kind = doc.createElement('span');
        const link = doc.createElement('a');
        const detail = doc.createElement('span');
        kind.className = 'kind';
        kind.textContent = (e.kind === 'session' ? labels.session : labels.speaker) ?? '';
        link.href = e.url;
        link.textContent = e.title;
        detail.className = 'detail';
        detail.textContent = e.detail;
        li.append(kind, link, detail);
        return li;
      }),
    );
    status.textContent = !query.trim() ? '' : found.length ? (labels.count ?? '').replace('{total}', String(found.length)) : (labels.none ?? '');
  };
  form.hidden = false;
  input.addEventListener('input', show);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void show();
  });
  const q = new URLSearchParams(doc.location.search).get('q');
  if (q) {
    input.value = q;
    void show();
  }
}
