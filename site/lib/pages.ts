import { type Lang, languages, pagePath, SINGLE_PAGE_KINDS } from '../../content-models/routes';
import { t } from '../i18n';
import { loadSite } from './content/load';
import type { Session, Site, Speaker } from './content/model';
import { zonesInSentence } from './place-names';

/** One HTML page of the site: what the catch-all route renders and the sitemap lists. */
export type PageEntry =
  | { kind: (typeof SINGLE_PAGE_KINDS)[number]; lang: Lang; path: string }
  | { kind: 'session'; lang: Lang; path: string; session: Session }
  | { kind: 'speaker'; lang: Lang; path: string; speaker: Speaker };

/** Every page in every language, from the one validated content load. */
export async function allPages(): Promise<{ entry: PageEntry; site: Site }[]> {
  const out: { entry: PageEntry; site: Site }[] = [];
  for (const lang of languages) {
    const site = await loadSite(lang);
    for (const kind of SINGLE_PAGE_KINDS) {
      out.push({ entry: { kind, lang, path: pagePath(kind, lang) }, site });
    }
    for (const session of site.sessions) out.push({ entry: { kind: 'session', lang, path: pagePath('session', lang, session.slug), session }, site });
    for (const speaker of site.speakers) out.push({ entry: { kind: 'speaker', lang, path: pagePath('speaker', lang, speaker.slug), speaker }, site });
  }
  return out;
}

/** Title and description of a page, for `<title>`, meta description and social cards. */
export function pageMeta(entry: PageEntry, site: Site): { title: string; description: string } {
  const lang = entry.lang;
  const event = site.name;
  const summary = site.event.summary?.text ?? site.event.name.text;
  switch (entry.kind) {
    case 'home':
      return { title: site.event.name.text, description: clip(summary) };
    case 'programme':
      return { title: t(lang, 'programme.title'), description: t(lang, 'programme.description', { event, zones: zonesForSentence(site, lang) }) };
    case 'speakers':
      return { title: t(lang, 'speakers.title'), description: t(lang, 'speakers.description', { event }) };
    case 'myProgramme':
      return { title: t(lang, 'myProgramme.title'), description: t(lang, 'myProgramme.description') };
    case 'search':
      return { title: t(lang, 'search.title'), description: t(lang, 'search.description') };
    case 'conceptNote':
      return { title: site.conceptNote.title.text, description: t(lang, 'conceptNote.description', { event }) };
    case 'report':
      return { title: t(lang, 'report.title'), description: t(lang, 'report.description', { event }) };
    case 'products':
      return { title: t(lang, 'products.title'), description: t(lang, 'products.description', { event }) };
    case 'accessibility':
      return { title: t(lang, 'a11yPage.title'), description: t(lang, 'a11yPage.description', { event }) };
    case 'session':
      return { title: entry.session.title.text, description: clip(entry.session.objective?.text ?? summary) };
    case 'speaker': {
      const s = entry.speaker;
      return { title: s.name, description: clip([s.position?.text, s.institution?.name.text].filter(Boolean).join(', ') || summary) };
    }
  }
}

/** The event's display zones as they follow "la hora de" in a sentence (see zonesInSentence). */
export function zonesForSentence(site: Site, lang: Lang): string {
  return zonesInSentence(site.zones, lang);
}

function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
