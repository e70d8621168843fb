import type { APIRoute, GetStaticPaths } from 'astro';
import { feedFiles } from '../lib/feeds';

// Calendars (.ics) and schedule.json in every language; the list of files lives in lib/feeds.ts.
export const getStaticPaths = (async () => {
  const files = await feedFiles();
  return files.map((file) => ({ params: { feed: file.path.replace(/^\//, '') }, props: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { file } = props as { file: Awaited<ReturnType<typeof feedFiles>>[number] };
  const origin = (site ?? new URL('http://127.0.0.1:4321')).href;
  return new Response(await file.render(origin), { headers: { 'Content-Type': file.contentType } });
};
