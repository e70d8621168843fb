import { filePath, type Lang } from '../../content-models/routes.ts';

/**
 * Where a language's table of zone names is published (content-models/zone-names.ts's
 * `zoneNameTable`, written by lib/feeds.ts). The zone picker fetches them only when the reader's zone is not a member country's
 * capital, so the pages with the picker do not carry them; the service worker precaches them with
 * the shell (lib/offline.ts). Its own module, so the worker step need not load the feeds.
 * @example zoneNamesPath('en') // '/en/zone-names.json'
 */
export function zoneNamesPath(lang: Lang): string {
  return filePath(lang, 'zone-names.json');
}
