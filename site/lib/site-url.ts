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
