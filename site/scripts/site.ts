/**
 * The site's one script, loaded by both layouts through components/SiteScript.astro. Each behaviour looks for its own elements and does
 * nothing on a page without them, so one small module serves every page: one request, cached once
 * for all pages and kept once by the offline worker, where a module per component (or per view,
 * which Rollup splits into shared chunks) made the programme wait for five.
 */
import { initMyProgramme } from './my-programme';
import { initOffline } from './offline';
import { initProgramme } from './programme';
import { initStars } from './stars';
import { initZonePicker } from './zone-picker';

/**
 * Starts every behaviour whose elements the page has, in the order the components' own scripts
 * ran in: the zone picker first (it fills the times the others read), the offline worker last (it
 * waits for the page to finish loading anyway).
 */
export function initSite(doc: Document): void {
  initZonePicker(doc);
  initStars(doc);
  initProgramme(doc);
  initMyProgramme(doc);
  initOffline(doc);
}
