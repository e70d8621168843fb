import type { APIRoute, GetStaticPaths } from 'astro';
import { renderShareCard, type ShareCard } from '../../lib/share-card';
import { allShareCards } from '../../lib/share-cards';

// Share cards (Open Graph images) in every language; which cards exist lives in lib/share-cards.ts.
export const getStaticPaths = (async () => {
  const cards = await allShareCards();
  return cards.map(({ path, card }) => ({ params: { card: path.replace(/^\/og\//, '') }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: ShareCard }> = async ({ props }) => {
  const png = await renderShareCard(props.card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
