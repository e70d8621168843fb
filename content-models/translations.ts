import { defaultLang, type Lang, languages } from './locales';

/**
 * Which fields of each document type are translatable, in one list: the Studio's «Traducciones
 * pendientes» list filters with the GROQ made from it (queries.ts, like every query) and the build's summary reads
 * the same fallbacks from the site query (site/lib/translations.ts). A path ending in `[]` is a
 * list of translatable values; `blocks` marks Portable Text (an empty list counts as missing).
 */
export interface TranslatableField {
  path: string;
  blocks?: boolean;
}

export const TRANSLATABLE_FIELDS: Record<string, readonly TranslatableField[]> = {
  event: [
    { path: 'name' },
    { path: 'shortName' },
    { path: 'kicker' },
    { path: 'summary' },
    { path: 'audience' },
    { path: 'accessRules' },
    { path: 'days[].title' },
    { path: 'accessibilityIntro', blocks: true },
  ],
  conceptNote: [{ path: 'title' }, { path: 'sections[].title' }, { path: 'sections[].body', blocks: true }],
  session: [
    { path: 'title' },
    { path: 'objective' },
    { path: 'description', blocks: true },
    { path: 'questions[]' },
    { path: 'materials[].title' },
    { path: 'channels[].label' },
  ],
  speaker: [{ path: 'position' }, { path: 'bio', blocks: true }],
  institution: [{ path: 'name' }],
  // Issue #20: what the event leaves behind.
  report: [{ path: 'body', blocks: true }],
  workshopProducts: [{ path: 'items[].title' }, { path: 'items[].body', blocks: true }],
  asyncActivity: [{ path: 'title' }, { path: 'description' }],
};

/** The languages a translation can be pending in: every site language but the source (Spanish). */
export const TRANSLATION_LANGUAGES: readonly Lang[] = languages.filter((lang) => lang !== defaultLang);
