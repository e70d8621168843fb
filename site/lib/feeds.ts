import { memberCountries } from '../../content-models/countries';
import { defaultLang, filePath, type Lang, languages } from '../../content-models/routes';
import { zoneNameTable } from '../../content-models/zone-names';
import { calendarFile, calendarFiles } from './calendar';
import { calendarKey } from './calendar-key';
import { loadSite } from './content/load';
import type { Site } from './content/model';
import { myProgrammeData } from './my-programme-data';
import { myProgrammeDataPath } from './my-programme-path';
import { scheduleAcronym, scheduleJson } from './schedule-json';
import { searchIndex } from './search-index';
import { searchIndexPath } from './search-index-path';
import { dayLabel } from './time-display';
import { zoneNamesPath } from './zone-names-path';

/** A generated non-HTML file: its path and how to render it once the public origin is known. */
export interface FeedFile {
  path: string;
  contentType: string;
  render(origin: string): string | Promise<string>;
  /**
   * What the file is made of, as a hash, where it is cheap to know without rendering it (the
   * calendars): Astro's incremental build then copies it from the last build when it is unchanged.
   */
  cacheKey?: string;
}

const ICS = 'text/calendar; charset=utf-8';

/**
 * Every calendar and schedule file in every language: the whole event, each day, each session and
 * each speaker (.ics), schedule.json and the My programme page's data (my-programme-data.ts). A day or speaker without sessions gets no file (nothing
 * links to one, and RFC 5545 wants at least one event); the whole-event file always exists because
 * every page's footer links it.
 */
export async function feedFiles(): Promise<FeedFile[]> {
  // The acronym identifies the conference in apps, so every language uses the Spanish source's.
  const acronym = scheduleAcronym(await loadSite(defaultLang));
  const files: FeedFile[] = [];
  for (const lang of languages) {
    const site = await loadSite(lang);
    const name = (suffix?: string) => [site.name, suffix].filter(Boolean).join(' · ');
    const ics = (path: string, sessions: Site['sessions'], calendarName: string, subscription: boolean) => {
      const key = calendarKey(sessions, site, lang, calendarName, { subscription });
      files.push({ path, contentType: ICS, cacheKey: key, render: (o) => calendarFile(sessions, site, lang, o, calendarName, { subscription }) });
    };

    // A session's file is imported once; the others are what people subscribe to.
    ics(calendarFiles.event(lang), site.sessions, name(), true);
    for (const day of site.days) if (day.sessions.length) ics(calendarFiles.day(lang, day.date), day.sessions, name(dayLabel(day.date, lang)), true);
    for (const s of site.sessions) ics(calendarFiles.session(lang, s.slug), [s], name(s.title.text), false);
    for (const sp of site.speakers) {
      const sessions = sp.sessions.map((x) => x.session);
      if (sessions.length) ics(calendarFiles.speaker(lang, sp.slug), sessions, name(sp.name), true);
    }
    files.push({
      path: schedulePath(lang),
      contentType: 'application/json; charset=utf-8',
      // `<` escaped as \u003c (same JSON value): content text can never read as markup if the file is sniffed.
      render: (o) => `${JSON.stringify(scheduleJson(site, lang, o, { acronym }), null, 2).replaceAll('<', '\\u003c')}\n`,
    });
    // Compact (no indentation): the My programme page fetches it on every visit that has stars.
    files.push({
      path: myProgrammeDataPath(lang),
      contentType: 'application/json; charset=utf-8',
      render: (o) => JSON.stringify(myProgrammeData(site, lang, o)).replaceAll('<', '\\u003c'),
    });
    // The search page fetches it on the first keystroke (lib/search-index.ts).
    files.push({
      path: searchIndexPath(lang),
      contentType: 'application/json; charset=utf-8',
      render: () => JSON.stringify(searchIndex(site, lang)).replaceAll('<', '\\u003c'),
    });
    // The zone picker fetches it for a zone that is not a capital (lib/zone-names-path.ts).
    files.push({
      path: zoneNamesPath(lang),
      contentType: 'application/json; charset=utf-8',
      render: () =>
        JSON.stringify(
          zoneNameTable(
            memberCountries.map((c) => ({ code: c.code, timeZone: c.timeZone, name: c.name[lang] })),
            lang,
          ),
        ),
    });
  }
  return files;
}

/** Where a language's schedule.json is published. */
export function schedulePath(lang: Lang): string {
  return filePath(lang, 'schedule.json');
}
