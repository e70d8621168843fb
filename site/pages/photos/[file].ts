import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { loadSite } from '../../lib/content/load';
import { localPhotoPath, type Photo, photoWidths, squareRegion } from '../../lib/photos';

type LocalPhoto = Extract<Photo, { kind: 'file' }>;

// Photos that are local files of an exported dataset, cut to the editor's square at build time in
// every width the pages' srcset names. Photos are the same in every language, so one load serves.
export const getStaticPaths = (async () => {
  const site = await loadSite('es');
  const seen = new Set<string>();
  return site.speakers.flatMap(({ photo }) => {
    if (photo?.kind !== 'file') return [];
    return photoWidths(photo).flatMap((width) => {
      const file = localPhotoPath(photo, width).slice('/photos/'.length);
      if (seen.has(file)) return [];
      seen.add(file);
      return [{ params: { file }, props: { photo, width } }];
    });
  });
}) satisfies GetStaticPaths;

const types: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export const GET: APIRoute<{ photo: LocalPhoto; width: number }> = async ({ props }) => {
  const { photo, width } = props;
  const image = sharp(photo.file);
  const { width: actualWidth = photo.width, height: actualHeight = photo.height } = await image.metadata();
  // The size in the file name is the export's claim; the file's own size decides the cut.
  const region = squareRegion(actualWidth, actualHeight, photo.crop, photo.hotspot);
  const bytes = await image
    .extract(region)
    .resize(width, width)
    .toFormat(photo.ext === 'jpg' ? 'jpeg' : (photo.ext as 'png' | 'webp'))
    .toBuffer();
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': types[photo.ext] ?? 'application/octet-stream' } });
};
