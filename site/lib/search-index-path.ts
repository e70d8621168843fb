import { filePath, type Lang } from '../../content-models/routes';

/**
 * Where a language's search index is published (lib/search-index.ts writes it). Its own module, so
 * the build's worker step (lib/offline.ts, loaded by astro.config.mjs) need not load the copy.
 * @example searchIndexPath('en') // '/en/search.json'
 */
export function searchIndexPath(lang: Lang): string {
  return filePath(lang, 'search.json');
}
