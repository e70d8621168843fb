import type { PageKind } from '../../content-models/routes';
import archive from '../styles/pages/archive.css?inline';
import conceptNote from '../styles/pages/concept-note.css?inline';
import content from '../styles/pages/content.css?inline';
import home from '../styles/pages/home.css?inline';
import myProgramme from '../styles/pages/my-programme.css?inline';
import session from '../styles/pages/session.css?inline';
import shareAndSearch from '../styles/pages/share-and-search.css?inline';
import speakers from '../styles/pages/speakers.css?inline';

/**
 * Styles only some page kinds use, inlined on those pages alone after global.css (whose custom
 * properties they use; no selector here ties with a global one, so their order does not matter).
 * Every page is rendered by one route, so Astro's bundler would put any stylesheet a view imports
 * on every page; these arrive as strings (Vite's `?inline`, minified by the build) and BaseLayout
 * writes them in the head. The point is the programme, the heaviest page: within its 14 KB gzip
 * of HTML and inline CSS (the first round trip) it carries no other page's rules.
 */
export const pageStyles: Record<PageKind, string> = {
  programme: '',
  home: content + home,
  session: content + session,
  speakers: content + speakers,
  speaker: content,
  conceptNote: content + conceptNote,
  myProgramme: content + myProgramme + shareAndSearch,
  search: content + shareAndSearch,
  report: content + archive,
  products: content + archive,
  accessibility: content,
};

/** The 404 pages' styles (rendered by their own routes, outside the page kinds). */
export const notFoundStyle = content;
