/**
 * The video hosts whose players a session page may frame, in one list: it feeds `frame-src` of the
 * Content-Security-Policy (policy.ts → `_headers`, the meta policy, nginx) and decides which
 * recordings play on the page. A recording anywhere else is shown as a plain link.
 *
 * Only privacy-minded player addresses are listed: YouTube's no-cookie player and Vimeo's player.
 * Their ordinary watch addresses are mapped to them by {@link embedUrlOf}, since editors paste those.
 *
 * Plain, erasable TypeScript with no imports: scripts/build.mjs runs policy.ts, which imports this,
 * on Node 24 without a compiler.
 */
export const VIDEO_HOSTS: readonly string[] = ['www.youtube-nocookie.com', 'player.vimeo.com'];

/** A YouTube video id: 11 characters of letters, digits, `-` and `_`. */
const YOUTUBE_ID = /^[\w-]{11}$/u;
/** A Vimeo video id: digits. */
const VIMEO_ID = /^\d+$/u;

function youtube(id: string | null | undefined, start: string | null): string | null {
  if (!id || !YOUTUBE_ID.test(id)) return null;
  const seconds = start && /^\d+s?$/u.test(start) ? `?start=${Number.parseInt(start, 10)}` : '';
  return `https://www.youtube-nocookie.com/embed/${id}${seconds}`;
}

/**
 * The player address to frame for a recording, or null when it is not a video of a listed host
 * (the page then links to it). YouTube watch, short, live and embed addresses become the no-cookie
 * player; Vimeo pages become Vimeo's player, keeping an unlisted video's `h` key.
 *
 * @example embedUrlOf('https://www.youtube.com/watch?v=dQw4w9WgXcQ') // 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'
 * @example embedUrlOf('https://vimeo.com/123456') // 'https://player.vimeo.com/video/123456'
 * @example embedUrlOf('https://example.org/video.mp4') // null
 */
export function embedUrlOf(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter(Boolean);
  const start = url.searchParams.get('t') ?? url.searchParams.get('start');
  if (host === 'youtu.be') return youtube(parts[0], start);
  if (['www.youtube.com', 'youtube.com', 'm.youtube.com', 'www.youtube-nocookie.com'].includes(host)) {
    if (parts[0] === 'watch' || url.pathname === '/watch') return youtube(url.searchParams.get('v'), start);
    if (['embed', 'live', 'shorts'].includes(parts[0] ?? '')) return youtube(parts[1], start);
    return null;
  }
  if (host === 'vimeo.com' || host === 'www.vimeo.com') {
    const [id, hash] = parts;
    if (!id || !VIMEO_ID.test(id)) return null;
    return `https://player.vimeo.com/video/${id}${hash && /^[\da-f]+$/u.test(hash) ? `?h=${hash}` : ''}`;
  }
  if (host === 'player.vimeo.com' && parts[0] === 'video' && VIMEO_ID.test(parts[1] ?? '')) {
    const hash = url.searchParams.get('h');
    return `https://player.vimeo.com/video/${parts[1]}${hash && /^[\da-f]+$/u.test(hash) ? `?h=${hash}` : ''}`;
  }
  return null;
}
