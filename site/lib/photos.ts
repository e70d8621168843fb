import { existsSync } from 'node:fs';
import path from 'node:path';
import { createImageUrlBuilder } from '@sanity/image-url';
import type { RawSpeaker } from '../../content-models/result';

/**
 * Speaker photos. Two origins, one square picture on the page:
 *
 * - A Content Lake image: `@sanity/image-url` builds CDN addresses that apply the editor's crop and
 *   hotspot, one per width of the `srcset`.
 * - A local file of a dataset exported with its assets (`sanity dataset export` writes the photo as
 *   `images/<hash>-<w>x<h>.<ext>` beside data.ndjson and the field as `_sanityAsset`): the build cuts
 *   the same square out of the file itself (site/pages/photos/[file].ts), so the site needs no CDN.
 */

/** The CSS size of a speaker's photo, and the widths written for 1×, 2× and 3× screens. */
export const PHOTO_SIZE = 128;
export const PHOTO_WIDTHS = [128, 256, 384] as const;

type Crop = { top: number; bottom: number; left: number; right: number };
type Hotspot = { x: number; y: number; width: number; height: number };

/** A photo the page may show, with what it takes to draw it. */
export type Photo = {
  alt: NonNullable<RawSpeaker['photo']>['alt'];
  crop: Crop | null;
  hotspot: Hotspot | null;
  /** Pixel size of the original image. */
  width: number;
  height: number;
} & (
  | { kind: 'lake'; ref: string; url: string; projectId: string; dataset: string }
  | { kind: 'file'; url?: undefined; file: string; name: string; ext: string }
);

const CDN_IMAGE = /^https:\/\/cdn\.sanity\.io\/images\/([a-z0-9-]+)\/([a-z0-9_-]+)\/[^\s"'<>]+$/;
/** Whether an image URL may be shown under the site's Content-Security-Policy (img-src: Sanity's CDN only). */
export function isAllowedImageUrl(url: string): boolean {
  return CDN_IMAGE.test(url);
}
const ASSET_ID = /^image-[A-Za-z0-9]+-(\d+)x(\d+)-[a-z0-9]+$/;
const EXPORTED_FILE = /^image@file:\/\/\.\/images\/([A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*-(\d+)x(\d+))\.(jpe?g|png|webp)$/;

/**
 * The photo as the page may show it, or the reason it may not (for a build note): a Content Lake
 * image must be on Sanity's CDN (the only image origin the Content-Security-Policy allows) with an
 * asset id that carries its size; a local file must be an exported image that exists beside the
 * dataset. Anything else is dropped and the page shows initials.
 */
export function usablePhoto(photo: RawSpeaker['photo'], assetDir: string | undefined): { photo: Photo | null; problem: string | null } {
  if (!photo) return { photo: null, problem: null };
  const base = { alt: photo.alt, crop: photo.crop ?? null, hotspot: photo.hotspot ?? null };
  if (photo.url || photo.ref) {
    const cdn = photo.url ? CDN_IMAGE.exec(photo.url) : null;
    const size = photo.ref ? ASSET_ID.exec(photo.ref) : null;
    if (!cdn || !size || !photo.url || !photo.ref) {
      return { photo: null, problem: `the photo ${JSON.stringify((photo.url ?? photo.ref ?? '').slice(0, 80))} is not an image on https://cdn.sanity.io` };
    }
    return {
      photo: { ...base, kind: 'lake', ref: photo.ref, url: photo.url, projectId: cdn[1]!, dataset: cdn[2]!, width: Number(size[1]), height: Number(size[2]) },
      problem: null,
    };
  }
  const local = photo.file ? EXPORTED_FILE.exec(photo.file) : null;
  if (!local || !photo.file) return { photo: null, problem: `the photo ${JSON.stringify((photo.file ?? '').slice(0, 80))} is not an exported image file` };
  const file = assetDir ? path.join(assetDir, 'images', `${local[1]}.${local[4]}`) : null;
  if (!file || !existsSync(file)) {
    return { photo: null, problem: `the photo file images/${local[1]}.${local[4]} is not beside the dataset${assetDir ? ` (${assetDir})` : ''}` };
  }
  return {
    photo: { ...base, kind: 'file', file, name: local[1]!, ext: local[4] === 'jpeg' ? 'jpg' : local[4]!, width: Number(local[2]), height: Number(local[3]) },
    problem: null,
  };
}

/** A pixel rectangle of the original image. */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The largest square inside the editor's crop, centred on the hotspot's centre as far as the crop
 * allows: what Sanity's image pipeline shows for a square `fit=crop`, computed for a local file.
 * @example squareRegion(400, 200, null, { x: 0.9, y: 0.5, width: 0.1, height: 0.1 }) // { left: 200, top: 0, width: 200, height: 200 }
 */
export function squareRegion(width: number, height: number, crop: Crop | null, hotspot: Hotspot | null): Region {
  const c = crop ?? { top: 0, bottom: 0, left: 0, right: 0 };
  const cropLeft = Math.round(c.left * width);
  const cropTop = Math.round(c.top * height);
  const cropWidth = Math.max(1, Math.round((1 - c.left - c.right) * width));
  const cropHeight = Math.max(1, Math.round((1 - c.top - c.bottom) * height));
  const side = Math.min(cropWidth, cropHeight);
  const centreX = (hotspot?.x ?? 0.5) * width;
  const centreY = (hotspot?.y ?? 0.5) * height;
  const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);
  return {
    left: Math.round(clamp(centreX - side / 2, cropLeft, cropLeft + cropWidth - side)),
    top: Math.round(clamp(centreY - side / 2, cropTop, cropTop + cropHeight - side)),
    width: side,
    height: side,
  };
}

/** The widths worth writing for a photo: never wider than the square the original holds. */
export function photoWidths(photo: Photo): number[] {
  const side = squareRegion(photo.width, photo.height, photo.crop, photo.hotspot).width;
  const widths = PHOTO_WIDTHS.filter((w) => w <= side);
  return widths.length ? widths : [PHOTO_WIDTHS[0]];
}

/**
 * Where the build publishes one width of a local photo.
 * @example localPhotoPath({ name: 'abc-800x600', ext: 'jpg', … }, 256) // '/photos/abc-800x600-256.jpg'
 */
export function localPhotoPath(photo: Extract<Photo, { kind: 'file' }>, width: number): string {
  return `/photos/${photo.name}-${width}.${photo.ext}`;
}

/** `src`, `srcset`, `sizes`, `width` and `height` of a speaker's photo. */
export function photoAttributes(photo: Photo): { src: string; srcset: string; sizes: string; width: number; height: number } {
  const widths = photoWidths(photo);
  let urlFor: (width: number) => string;
  if (photo.kind === 'lake') {
    const builder = createImageUrlBuilder({ projectId: photo.projectId, dataset: photo.dataset });
    const source = { asset: { _ref: photo.ref }, ...(photo.crop ? { crop: photo.crop } : {}), ...(photo.hotspot ? { hotspot: photo.hotspot } : {}) };
    urlFor = (width) => builder.image(source).width(width).height(width).fit('crop').auto('format').url();
  } else {
    urlFor = (width) => localPhotoPath(photo, width);
  }
  return {
    src: urlFor(widths[0]!),
    srcset: widths.map((w) => `${urlFor(w)} ${w}w`).join(', '),
    sizes: `${PHOTO_SIZE}px`,
    width: PHOTO_SIZE,
    height: PHOTO_SIZE,
  };
}
