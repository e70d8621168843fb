/**
 * Which fields of each document type are translatable, in one list: the Studio's «Traducciones
 * pendientes» list filters with the GROQ made from it (queries.ts) and the build's summary reads
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
  ],
  conceptNote: [{ path: 'title' }, { path: 'sections[].title' }, { path: 'sections[].body', blocks: true }],
  session: [{ path: 'title' }, { path: 'objective' }, { path: 'description', blocks: true }, { path: 'questions[]' }],
  speaker: [{ path: 'position' }, { path: 'bio', blocks: true }],
  institution: [{ path: 'name' }],
};

/** The languages a translation can be pending in (Spanish is the source). */
export const TRANSLATION_LANGUAGES = ['en', 'pt'] as const;

/** GROQ condition, on the value `v` of a translatable field, "Spanish is written, one translation is not". */
function pendingAt(v: string, blocks: boolean): string {
  // `coalesce` first: a comparison with a missing value is null in GROQ, which a filter drops.
  const missing = (lang: string) => (blocks ? `count(coalesce(${v}.${lang}, [])) == 0` : `coalesce(${v}.${lang}, "") == ""`);
  const source = blocks ? `count(coalesce(${v}.es, [])) > 0` : `coalesce(${v}.es, "") != ""`;
  return `(${source} && (${TRANSLATION_LANGUAGES.map(missing).join(' || ')}))`;
}

/**
 * The GROQ filter of documents with at least one empty English or Portuguese field whose Spanish
 * is written. Made only from the fixed list above, so the text is the same on every run.
 */
export function pendingTranslationsFilter(): string {
  const perType = Object.entries(TRANSLATABLE_FIELDS).map(([type, fields]) => {
    const conditions = fields.map(({ path, blocks = false }) => {
      const [list, rest] = path.split('[]');
      if (rest === undefined) return pendingAt(path, blocks);
      // `questions[]`: the item itself; `days[].title`: a field of each item.
      const item = rest === '' ? '@' : rest.replace(/^\./u, '');
      return `count(${list}[${pendingAt(item, blocks)}]) > 0`;
    });
    return `(_type == "${type}" && (${conditions.join(' || ')}))`;
  });
  return perType.join(' || ');
}
