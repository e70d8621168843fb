import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../lib/content/load';

// Issue #20: the local files of an exported dataset (materials, products' documents), copied as
// they are under /materials/, the path their links name. The same in every language, so one load.
export const getStaticPaths = (async () => {
  const site = await loadSite('es');
  const files = new Map<string, string>();
  for (const f of [...site.sessions.flatMap((s) => s.materials), ...site.products.flatMap((p) => (p.file ? [p.file] : []))]) {
    if (f.localFile) files.set(f.href.slice('/materials/'.length), f.localFile);
  }
  return [...files].map(([file, localFile]) => ({ params: { file }, props: { localFile } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ localFile: string }> = async ({ props }) =>
  new Response(new Uint8Array(await readFile(props.localFile)), { headers: { 'Content-Type': 'application/octet-stream' } });
