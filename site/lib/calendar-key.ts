import { createHash } from 'node:crypto';
import type { Lang } from '../../content-models/routes';
import signLanguagesSource from '../../content-models/sign-languages.ts?raw';
import timeTextSource from '../../content-models/time-text.ts?raw';
import zoneNamesSource from '../../content-models/zone-names.ts?raw';
import zoneNamingSource from '../../content-models/zone-naming.ts?raw';
import packageJson from '../../package.json?raw';
import enTexts from '../i18n/en.json?raw';
import esTexts from '../i18n/es.json?raw';
import ptTexts from '../i18n/pt.json?raw';
import { cacheKey } from './build-cache';
import type { CalendarOptions } from './calendar';
import calendarSource from './calendar.ts?raw';
import type { Session, Site } from './content/model';
import copySource from './copy.ts?raw';
import languageLineSource from './language-line.ts?raw';
import materialsSource from './materials.ts?raw';
import placeNamesSource from './place-names.ts?raw';
import recordingsSource from './recordings.ts?raw';
import timeDisplaySource from './time-display.ts?raw';

/**
 * The key of each calendar file for Astro's incremental build (astro.config.mjs): at 10× content
 * the build writes over 500 of them (each session's, each day's, each speaker's, the whole
 * event's, in three languages), and a rebuild after one edit needs only those that hold the edited
 * session; the others are copied from the last build. Unlike share cards (~8 ms each to draw),
 * calendars (~2–3 ms) are not also kept by content in build-cache.ts: creating a file costs
 * ~0.5 ms of system time on the build machine, ~0.3 s more for every clean build, saved only by a
 * rebuild after a change to the feeds route's code.
 */

/**
 * The version of the calendar writer, part of every kept file's key: the sources of the modules
 * that write a calendar's text (the writer, the time lines, the zone and place names, the
 * participants' lines, the translations) and the exact ical-generator version. Editing any of them
 * writes every calendar again; a module left out here would serve stale text until the cache is
 * cleared, so one that starts writing calendar text belongs in this list.
 */
export const CALENDAR_RENDERER: string = (() => {
  const { dependencies = {} } = JSON.parse(packageJson) as { dependencies?: Record<string, string> };
  const hash = createHash('sha256').update(`ical-generator@${dependencies['ical-generator'] ?? '?'}`);
  for (const source of [
    calendarSource,
    timeDisplaySource,
    placeNamesSource,
    recordingsSource,
    copySource,
    languageLineSource,
    materialsSource,
    signLanguagesSource,
    timeTextSource,
    zoneNamesSource,
    zoneNamingSource,
    esTexts,
    enTexts,
    ptTexts,
  ])
    hash.update(source);
  return hash.digest('hex').slice(0, 16);
})();

/**
 * The key of a calendar file apart from the public origin: the same sessions (every field of
 * them), the site's zones and event, the language, name and options. Astro's incremental build
 * (astro.config.mjs) gets it from getStaticPaths, whose config hash holds the origin.
 */
export function calendarKey(sessions: Session[], site: Site, lang: Lang, name: string, options: CalendarOptions = {}): string {
  return cacheKey(CALENDAR_RENDERER, { sessions, zones: site.zones, event: site.event, lang, name, options });
}
