import { Resvg } from '@resvg/resvg-js';
import type { APIRoute, GetStaticPaths } from 'astro';
import { APP_ICON_SIZES } from '../lib/web-manifest';
import favicon from '../public/favicon.svg?raw';

// The PNG app icons the manifests list, drawn from the favicon at build time so they never drift from it.
export const getStaticPaths = (() => APP_ICON_SIZES.map((size) => ({ params: { size: String(size) }, props: { size } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ size: number }> = ({ props }) => {
  const png = new Resvg(favicon, { fitTo: { mode: 'width', value: props.size } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
