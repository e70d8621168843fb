import type { APIRoute, GetStaticPaths } from 'astro';
import { cachedFile, cacheKey } from '../../lib/build-cache';
import { renderShareCard, SHARE_CARD_RENDERER, type ShareCard } from '../../lib/share-card';
import { allShareCards } from '../../lib/share-cards';

// Share cards (Open Graph images) in every language; which cards exist lives in lib/share-cards.ts.
export const getStaticPaths = (async () => {
  const cards = await allShareCards();
  return cards.map(({ path, card }) => ({ params: { card: path.replace(/^\/og\//, '') }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: ShareCard }> = async ({ props }) => {
  // Drawing a card is most of a build's time; an unchanged card is read back from the build cache.
  const png = await cachedFile('share-cards', cacheKey(SHARE_CARD_RENDERER, props.card), () => renderShareCard(props.card));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
