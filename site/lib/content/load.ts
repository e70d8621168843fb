/**
 * The one entry to the content: `loadSite(lang)` runs the site query against the configured
 * source once per language, checks the result (check.ts) and derives the read model (derive.ts).
 */
import type { Lang } from '../../../content-models/locales';
import { siteQuery } from '../../../content-models/queries';
import { checkContent } from './check';
import { deriveSite } from './derive';
import type { Site } from './model';
import { CONTENT_SETTINGS } from './settings';
import { type ContentSource, sourceFromEnv } from './source';
import { pendingTranslationsLine } from './translations';

/**
 * One cache per process, kept on `globalThis`: Astro may bundle this module into more than one
 * chunk (pages and feeds), and each copy must still share the same loads, or the build would query
 * the Content Lake once per copy. Keyed by source object, so tests with their own sources never
 * see each other's results.
 */
interface LoadRegistry {
  defaultSources: Map<string, ContentSource>;
  loads: WeakMap<ContentSource, Map<Lang, Promise<Site>>>;
}
const registryKey = Symbol.for('seminario-taller-css.content.load');
const registry: LoadRegistry = ((globalThis as Record<symbol, unknown>)[registryKey] as LoadRegistry | undefined) ?? {
  defaultSources: new Map(),
  loads: new WeakMap(),
};
(globalThis as Record<symbol, unknown>)[registryKey] = registry;

/** The source the environment configures, created once per process and set of settings. */
export function defaultSource(env: Record<string, string | undefined> = process.env): ContentSource {
  const key = CONTENT_SETTINGS.map((name) => env[name] ?? '').join('\u0000');
  let source = registry.defaultSources.get(key);
  if (!source) {
    source = sourceFromEnv(env);
    registry.defaultSources.set(key, source);
  }
  return source;
}

/**
 * How long the draft preview reuses a load: enough for the pages and routes of one request, short
 * enough that reloading the page after an edit in the Studio shows the edit.
 */
export const PREVIEW_REUSE_MS = 1_000;

/**
 * The whole site in one language: one query per language per build, validated and derived once.
 * Every page calls this; the promise is shared, so pages never refetch. A failed load stays
 * failed for the process on purpose: every page of the build fails with the same report at once,
 * instead of each retrying the Content Lake until its own deadline.
 *
 * The draft preview (a source with the `drafts` perspective) is a long-running dev server instead:
 * there a load is forgotten PREVIEW_REUSE_MS after it arrives, and a failed one at once, so that
 * the next page request shows the drafts as they are now.
 */
export function loadSite(lang: Lang, source: ContentSource = defaultSource()): Promise<Site> {
  let loads = registry.loads.get(source);
  if (!loads) {
    loads = new Map();
    registry.loads.set(source, loads);
  }
  let site = loads.get(lang);
  if (!site) {
    const preview = source.perspective === 'drafts';
    const current = source
      .fetch<unknown>(siteQuery, { lang })
      .then((result) => buildSite(result, lang, source.description, { preview, assetDir: source.assetDir }));
    loads.set(lang, current);
    if (preview) {
      const forget = () => {
        if (loads.get(lang) === current) loads.delete(lang);
      };
      current.then(() => setTimeout(forget, PREVIEW_REUSE_MS).unref(), forget);
    }
    site = current;
  }
  return site;
}

export interface BuildSiteOptions {
  /** Studio origin for edit links in error reports; default `SANITY_STUDIO_URL`. */
  studioUrl?: string | undefined;
  /** Where non-blocking notes go; default console.warn, for the Spanish load only (once per build). */
  warn?: (message: string) => void;
  /** The content includes drafts (the preview): pages then say so. Default false. */
  preview?: boolean;
  /** Folder that an exported dataset's local asset files are relative to (see ContentSource). */
  assetDir?: string | undefined;
}

/** Checks a query result and derives what pages need; throws with every content problem at once. */
export function buildSite(result: unknown, lang: Lang, sourceDescription: string, options: BuildSiteOptions = {}): Site {
  const studioUrl = 'studioUrl' in options ? options.studioUrl : process.env.SANITY_STUDIO_URL?.trim() || undefined;
  const warn = options.warn ?? ((message: string) => (lang === 'es' ? console.warn(`[content] ${message}`) : undefined));
  const content = checkContent(result, sourceDescription, studioUrl, options.assetDir);
  // The Studio's «Traducciones pendientes», per language, in the build log (warn only speaks for es).
  const pending = pendingTranslationsLine(result, lang);
  if (pending) (options.warn ?? ((message: string) => console.warn(`[content] ${message}`)))(pending);
  return deriveSite(content, lang, { warn, preview: options.preview ?? false, assetDir: options.assetDir });
}
