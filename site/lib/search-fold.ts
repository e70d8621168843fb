/**
 * Lower case, no accents or other marks, punctuation as spaces: how both the index and the query
 * are compared: the build folds the index with it (search-index.ts) and the search page's script the
 * query (scripts/search.ts), from this one module, which imports nothing so the page's bundle stays small.
 * @example foldForSearch('Cooperación Sur-Sur (PIFCSS)') // 'cooperacion sur sur pifcss'
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
