import { filePath, type Lang, pagePath } from '../../content-models/routes';
import { t } from '../i18n';
import { loadSite } from './content/load';
import { zoneLabel } from './time-display';

/** Sizes of the PNG app icons drawn from /favicon.svg at build time (site/pages/icon-[size].png.ts). */
export const APP_ICON_SIZES = [192, 512] as const;

/** Where a language's web app manifest is published: /manifest.webmanifest, /en/manifest.webmanifest… */
export function manifestPath(lang: Lang): string {
  return filePath(lang, 'manifest.webmanifest');
}

/** Where a PNG app icon is published. */
export function appIconPath(size: number): string {
  return `/icon-${size}.png`;
}

/**
 * A language's web app manifest: installing the site opens that language's home page. Colours
 * match the pages (theme-color in BaseLayout.astro, --bg in global.css).
 * @example (await webManifest('en')).start_url // '/en/'
 */
export async function webManifest(lang: Lang) {
  const site = await loadSite(lang);
  const name = site.name;
  const home = pagePath('home', lang);
  return {
    id: home,
    name,
    short_name: name,
    description: t(lang, 'programme.description', { event: name, zones: zoneLabel(site.event.timeZone, lang) }),
    lang,
    dir: 'ltr',
    start_url: home,
    scope: home,
    display: 'standalone',
    theme_color: '#0b4f6c',
    background_color: '#fbfaf7',
    icons: [
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ...APP_ICON_SIZES.map((size) => ({ src: appIconPath(size), sizes: `${size}x${size}`, type: 'image/png' })),
    ],
  };
}

/** The manifest as the endpoints serve it. */
export async function webManifestResponse(lang: Lang): Promise<Response> {
  return new Response(`${JSON.stringify(await webManifest(lang), null, 2)}\n`, { headers: { 'Content-Type': 'application/manifest+json; charset=utf-8' } });
}
