import type { APIRoute, GetStaticPaths } from 'astro';
import { type FeedFile, feedFiles } from '../lib/feeds';

// Calendars (.ics) and schedule.json in every language; the list of files lives in lib/feeds.ts.
export const getStaticPaths = (async () => {
  const files = await feedFiles();
  return files.map((file) => ({ params: { feed: file.path.replace(/^\//, '') }, props: { file }, ...(file.cacheKey ? { cacheKey: file.cacheKey } : {}) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: FeedFile }> = async ({ props, site }) => {
  // The same origin the pages use (astro.config.mjs `site`, from SITE_URL), so links in feeds match.
  const origin = (site ?? new URL('http://127.0.0.1:4321')).href;
  return new Response(await props.file.render(origin), { headers: { 'Content-Type': props.file.contentType } });
};
