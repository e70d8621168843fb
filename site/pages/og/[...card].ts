import type { APIRoute, GetStaticPaths } from 'astro';
import { cachedFile, cacheKey } from '../../lib/build-cache';
import { renderShareCard, SHARE_CARD_RENDERER, type ShareCard } from '../../lib/share-card';
import { allShareCards } from '../../lib/share-cards';

// Share cards (Open Graph images) in every language; which cards exist lives in lib/share-cards.ts.
export const getStaticPaths = (async () => {
  const cards = await allShareCards();
  return cards.map(({ path, card }) => {
    const key = cacheKey(SHARE_CARD_RENDERER, card);
    // cacheKey: Astro's incremental build (astro.config.mjs) copies an unchanged card from the last build.
    return { params: { card: path.replace(/^\/og\//, '') }, props: { card, key }, cacheKey: key };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: ShareCard; key: string }> = async ({ props }) => {
  // Drawing a card is most of a build's time; an unchanged card is read back from the build cache.
  const png = await cachedFile('share-cards', props.key, () => renderShareCard(props.card));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
