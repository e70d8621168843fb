/**
 * Every environment variable that chooses or tunes the content source, in one list: the source
 * cache keys on them, and the test runner and test builds clear them so a developer's Sanity
 * settings never leak into the suite. Plain TypeScript with no imports, so `scripts/*.mjs` can
 * import it on Node 24 as well.
 */
export const CONTENT_SETTINGS = [
  'SANITY_PROJECT_ID',
  'SANITY_DATASET',
  'SANITY_API_VERSION',
  'SANITY_API_READ_TOKEN',
  'SANITY_API_HOST',
  'SANITY_FETCH_DEADLINE_MS',
  'SANITY_FETCH_TIMEOUT_MS',
  'CONTENT_DATASET_FILE',
  'CONTENT_PERSPECTIVE',
] as const;

/** Settings of the build around the content: where it is published, where it is written, the Studio it links to, the clock it reads the event's phase by. */
export const BUILD_SETTINGS = ['SITE_URL', 'BUILD_OUT_DIR', 'SANITY_STUDIO_URL', 'SITE_NOW'] as const;
