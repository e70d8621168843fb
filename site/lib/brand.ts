import type { Site } from './content/model';
import { isAllowedImageUrl } from './photos';

/** What the header shows as the site's identity. */
export interface Brand {
  /** The event's logo, else the organiser's; only images the CSP lets the page load. */
  logo: { url: string; width: number; height: number } | null;
  /** The short mark drawn as a wordmark when there is no logo (the organiser's acronym). */
  mark: string | null;
  name: string;
}

/** Logos are drawn 40 px high; a logo without known dimensions is assumed square. */
const LOGO_HEIGHT = 40;

/**
 * The header's identity: an uploaded logo (the event's first, then the organiser's) when its URL
 * is one the Content-Security-Policy allows, otherwise a wordmark of the organiser's acronym and
 * the event's short name. The name is always printed, so the logo itself is decorative.
 * @example brandOf(site) // { logo: null, mark: 'PIFCSS', name: 'Seminario-Taller CSS' }
 */
export function brandOf(site: Pick<Site, 'event'>): Brand {
  const { event } = site;
  const name = event.shortName?.text ?? event.name.text;
  const source = [event.logo, event.organizer?.logo].find((l) => l?.url && isAllowedImageUrl(l.url));
  const logo = source
    ? {
        url: source.url,
        height: LOGO_HEIGHT,
        width: source.width && source.height ? Math.round((source.width / source.height) * LOGO_HEIGHT) : LOGO_HEIGHT,
      }
    : null;
  const acronym = event.organizer?.acronym?.trim();
  // A mark that repeats the name (an organiser whose acronym is the short name) would say it twice.
  const mark = acronym && !name.toLocaleUpperCase().startsWith(acronym.toLocaleUpperCase()) ? acronym : null;
  return { logo, mark, name };
}
