import type { RawInstitution } from '../../content-models/result';
import { type Lang, pagePath } from '../../content-models/routes';
import { t } from '../i18n';
import type { Site } from './content/model';
import { institutionAfterPosition } from './copy';
import { foldForSearch } from './search-fold';
import { dayLabel } from './time-display';

export { foldForSearch } from './search-fold';

/**
 * `<prefix>search.json`: what the search page (scripts/search.ts) looks through, one small file per
 * language fetched on the reader's first keystroke, so no page carries it. One entry per session
 * and per speaker, each with the words it is found by already folded (`foldForSearch`): its title
 * or name, the people and their institutions — full names and acronyms — so "segeplan" or
 * "cooperacion" find what "SEGEPLAN" or "Cooperación" name, and the browser only folds the query.
 */

export interface SearchEntry {
  /** `session` or `speaker`, as the result's label says it. */
  kind: 'session' | 'speaker';
  title: string;
  /** The line under the title: a session's day and type, a speaker's position and institution. */
  detail: string;
  url: string;
  /** Every searchable word, folded, space-separated. */
  words: string;
}

function institutionWords(institution: RawInstitution | null): string[] {
  return institution ? [institution.name.text, institution.acronym ?? ''] : [];
}

/** Every session and speaker of a language, as the search page lists them. */
export function searchIndex(site: Site, lang: Lang): SearchEntry[] {
  const sessions = site.sessions.map((s): SearchEntry => {
    const people = s.participants.flatMap((p) => (p.speaker ? [p.speaker.name, ...institutionWords(p.speaker.institution)] : [p.placeholder?.text ?? '']));
    return {
      kind: 'session',
      title: s.title.text,
      detail: `${dayLabel(s.date, lang)} · ${t(lang, `kind.${s.kind}`)}`,
      url: pagePath('session', lang, s.slug),
      words: foldForSearch([s.title.text, t(lang, `kind.${s.kind}`), ...people, ...s.participants.map((p) => p.topic?.text ?? '')].join(' ')),
    };
  });
  const speakers = site.speakers.map((sp): SearchEntry => {
    const institution = institutionAfterPosition(sp.position?.text, sp.institution);
    return {
      kind: 'speaker',
      title: sp.name,
      detail: [sp.position?.text, institution].filter(Boolean).join(', '),
      url: pagePath('speaker', lang, sp.slug),
      words: foldForSearch([sp.name, sp.position?.text ?? '', ...institutionWords(sp.institution)].join(' ')),
    };
  });
  return [...speakers, ...sessions];
}
