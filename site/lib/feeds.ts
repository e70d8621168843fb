import { t } from '../i18n';
import { calendarFile, calendarFiles } from './calendar';
import { loadSite } from './content/load';
import { type Lang, filePath, languages } from './routes';
import { scheduleJson } from './schedule-json';

/** A generated non-HTML file: its path and how to render it once the public origin is known. */
export interface FeedFile {
  path: string;
  contentType: string;
  render(origin: string): string | Promise<string>;
}

const ICS = 'text/calendar; charset=utf-8';

/** Every calendar and schedule file in every language. */
export async function feedFiles(): Promise<FeedFile[]> {
  const files: FeedFile[] = [];
  for (const lang of languages) {
    const site = await loadSite(lang);
    const name = (suffix?: string) => [site.event.shortName?.text ?? site.event.name.text, suffix].filter(Boolean).join(' · ');
    files.push({ path: calendarFiles.event(lang), contentType: ICS, render: (o) => calendarFile(site.sessions, site, lang, o, name()) });
    for (const day of site.days) {
      files.push({ path: calendarFiles.day(lang, day.date), contentType: ICS, render: (o) => calendarFile(day.sessions, site, lang, o, name(day.date)) });
    }
    for (const s of site.sessions) {
      files.push({ path: calendarFiles.session(lang, s.slug), contentType: ICS, render: (o) => calendarFile([s], site, lang, o, name(s.title.text)) });
    }
    for (const sp of site.speakers) {
      files.push({
        path: calendarFiles.speaker(lang, sp.slug),
        contentType: ICS,
        render: (o) => calendarFile(sp.sessions.map((x) => x.session), site, lang, o, name(sp.name)),
      });
    }
    files.push({ path: schedulePath(lang), contentType: 'application/json; charset=utf-8', render: (o) => `${JSON.stringify(scheduleJson(site, lang, o), null, 2)}\n` });
  }
  return files;
}

export function schedulePath(lang: Lang): string {
  return filePath(lang, 'schedule.json');
}

/** Label for feed links in the footer. */
export function feedLabel(lang: Lang): string {
  return t(lang, 'site.footerFeeds');
}
