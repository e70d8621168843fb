/**
 * The Presentation tool's document locations: which pages of the site show a document, so an
 * editor sees them listed above the form and opens them in the preview frame beside it. Paths come
 * from the site's route table, like the «Vista previa» action (site-links.ts).
 */
import { defineLocations, type PresentationPluginOptions } from 'sanity/presentation';
import { type Lang, languages, pagePath } from '../content-models/routes';

const languageNames: Record<Lang, string> = { es: 'español', en: 'inglés', pt: 'portugués' };

/** One page where a document appears. */
export interface PageLocation {
  title: string;
  href: string;
}

/**
 * The pages that show a document of `type`: its own page in each language, then the pages that
 * list it (a session appears on the programme; everything on the home page's links).
 * @example sessionLocations({ title: 'Inauguración', slug: 'inauguracion' })[0] // { title: 'Inauguración (español)', href: '/programa/inauguracion/' }
 */
export function locationsOf(type: string, doc: { title?: string | null; slug?: string | null }): PageLocation[] {
  const title = doc.title?.trim() || 'Sin título';
  const each = (build: (lang: Lang) => string, label: (lang: Lang) => string) => languages.map((lang) => ({ title: label(lang), href: build(lang) }));
  switch (type) {
    case 'session':
      return doc.slug
        ? [
            ...each(
              (lang) => pagePath('session', lang, doc.slug as string),
              (lang) => `${title} (${languageNames[lang]})`,
            ),
            { title: 'Programa', href: pagePath('programme', 'es') },
          ]
        : [{ title: 'Programa', href: pagePath('programme', 'es') }];
    case 'speaker':
      return doc.slug
        ? [
            ...each(
              (lang) => pagePath('speaker', lang, doc.slug as string),
              (lang) => `${title} (${languageNames[lang]})`,
            ),
            { title: 'Ponentes', href: pagePath('speakers', 'es') },
          ]
        : [{ title: 'Ponentes', href: pagePath('speakers', 'es') }];
    case 'event':
      return [
        ...each(
          (lang) => pagePath('home', lang),
          (lang) => `Inicio (${languageNames[lang]})`,
        ),
        { title: 'Programa', href: pagePath('programme', 'es') },
      ];
    case 'conceptNote':
      return each(
        (lang) => pagePath('conceptNote', lang),
        (lang) => `Nota conceptual (${languageNames[lang]})`,
      );
    // Issue #20.
    case 'report':
      return each(
        (lang) => pagePath('report', lang),
        (lang) => `Relatoría (${languageNames[lang]})`,
      );
    case 'workshopProducts':
      return each(
        (lang) => pagePath('products', lang),
        (lang) => `Productos del taller (${languageNames[lang]})`,
      );
    default:
      return [];
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * A session's or a speaker's pages carry its title and slug, so their resolvers read those fields
 * (each its own: a session's title is a locale object, a speaker's name a string). The singletons'
 * pages depend on no field, so they are fixed lists: a resolver would wait for a document that a
 * new «Relatoría» does not have yet, and the form showed «Resolviendo ubicaciones…» for ever.
 */
const byFields = (type: 'session' | 'speaker', title: string) =>
  defineLocations({
    select: { title, slug: 'slug.current' },
    resolve: (doc) => ({ locations: locationsOf(type, { title: text(doc?.title), slug: text(doc?.slug) }) }),
  });

/** `resolve.locations` of the Presentation tool, one entry per type with pages. */
export const presentationLocations: NonNullable<PresentationPluginOptions['resolve']>['locations'] = {
  session: byFields('session', 'title.es'),
  speaker: byFields('speaker', 'name'),
  ...Object.fromEntries(
    (['event', 'conceptNote', 'report', 'workshopProducts'] as const).map((type) => [type, defineLocations({ locations: locationsOf(type, {}) })]),
  ),
};
