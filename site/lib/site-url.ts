/**
 * The public origin used for canonical URLs, Open Graph, sitemap and calendar links.
 * `SITE_URL` wins; without it the build is for local use and says so with a loopback origin.
 */
export function siteUrl(env: Record<string, string | undefined>): string {
  const raw = env.SITE_URL?.trim();
  if (!raw) return 'http://127.0.0.1:4321';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL is not a URL: "${raw}". Set it to the public origin, e.g. https://seminario.example.org`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL must be http(s): "${raw}"`);
  }
  return url.origin + url.pathname.replace(/\/$/, '');
}

/**
 * The `webcal://` address of a calendar file the site publishes: the same file, which calendar apps
 * open as a subscription they refresh (Apple Calendar, Outlook, Thunderbird; apps fetch it over
 * https). Only for an https origin: an app given `webcal://` for an http or loopback origin (a local
 * preview) would fetch it from an address it cannot reach or trust, so there is no link then and
 * the page offers the download alone. This is the only place `webcal:` is written: content links
 * keep the safe-address rule (content-models/validation/links.ts), which refuses it.
 * @example webcalUrl('/en/ics/evento.ics', 'https://seminario.example.org') // 'webcal://seminario.example.org/en/ics/evento.ics'
 */
export function webcalUrl(path: string, origin: string | URL | undefined): string | null {
  if (!origin) return null;
  const url = new URL(path, origin);
  return url.protocol === 'https:' ? `webcal://${url.host}${url.pathname}` : null;
}
