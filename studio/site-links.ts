/**
 * Links from a document in the Studio to its page on the site, as two document actions: «Ver en el
 * sitio» (the public site: what is published) and «Vista previa» (the draft preview that
 * `npm run preview:drafts` serves: what the drafts would look like). Pages are the Spanish ones.
 * Paths come from the site's own route table (site/lib/routes.ts, plain TypeScript with no Node
 * APIs), so the Studio and the site cannot disagree about where a page lives.
 */
import { EarthGlobeIcon } from '@sanity/icons/EarthGlobe';
import { EyeOpenIcon } from '@sanity/icons/EyeOpen';
import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps } from 'sanity';
import { pagePath } from '../content-models/routes';

declare module 'sanity' {
  interface DocumentActionKeys {
    viewOnSite: never;
    previewDraft: never;
  }
}

/** Where `npm run preview:drafts` listens unless told otherwise. */
export const DEFAULT_PREVIEW_URL = 'http://127.0.0.1:4321';

/** The document types that have a page: the event is the home page. */
export const TYPES_WITH_PAGES: ReadonlySet<string> = new Set(['event', 'conceptNote', 'session', 'speaker', 'report', 'workshopProducts']);

export interface SiteLinkSettings {
  /** The public site (`SANITY_STUDIO_SITE_URL`); without it there is no «Ver en el sitio». */
  siteUrl: string | undefined;
  /** The draft preview (`SANITY_STUDIO_PREVIEW_URL`, default DEFAULT_PREVIEW_URL). */
  previewUrl: string;
}

/** What a link needs from a document: its type and, for sessions and speakers, its slug. */
export interface LinkableDocument {
  _type: string;
  slug?: { current?: string | undefined } | null | undefined;
}

export class SiteLinkSettingsError extends Error {
  override name = 'SiteLinkSettingsError';
}

/**
 * Reads the two addresses from the Studio's environment (`SANITY_STUDIO_*` variables reach the
 * Studio bundle). A malformed one stops the Studio with a message naming it.
 *
 * @example siteLinkSettings({ SANITY_STUDIO_SITE_URL: 'https://seminario.example.org/' }) // { siteUrl: 'https://seminario.example.org', previewUrl: 'http://127.0.0.1:4321' }
 */
export function siteLinkSettings(env: Record<string, string | undefined>): SiteLinkSettings {
  return {
    siteUrl: baseUrl(env, 'SANITY_STUDIO_SITE_URL'),
    previewUrl: baseUrl(env, 'SANITY_STUDIO_PREVIEW_URL') ?? DEFAULT_PREVIEW_URL,
  };
}

/** An http(s) origin, with a path when the site lives in a folder, without the trailing slash. */
function baseUrl(env: Record<string, string | undefined>, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash) {
    throw new SiteLinkSettingsError(
      `${name} no es una dirección válida («${raw}»): escribe la dirección del sitio, por ejemplo https://seminario.example.org. / ${name} is not a valid address ("${raw}"): use the site's address, e.g. https://seminario.example.org.`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The path of a document's Spanish page, or undefined when it has none: an institution (no page of
 * its own), or a session or speaker whose slug has not been generated yet.
 *
 * @example pagePathOf({ _type: 'session', slug: { current: 'mesa-de-reflexion-1' } }) // '/programa/mesa-de-reflexion-1/'
 */
export function pagePathOf(doc: LinkableDocument | null | undefined): string | undefined {
  switch (doc?._type) {
    case 'event':
      return pagePath('home', 'es');
    case 'conceptNote':
      return pagePath('conceptNote', 'es');
    // Issue #20: the report and the products have a page each.
    case 'report':
      return pagePath('report', 'es');
    case 'workshopProducts':
      return pagePath('products', 'es');
    case 'session':
    case 'speaker': {
      const slug = doc.slug?.current?.trim();
      return slug ? pagePath(doc._type, 'es', slug) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The full address of a document's page under a base address, or undefined (see pagePathOf).
 *
 * @example pageUrl('https://seminario.example.org', { _type: 'speaker', slug: { current: 'rita-mishaan' } }) // 'https://seminario.example.org/ponentes/rita-mishaan/'
 */
export function pageUrl(base: string | undefined, doc: LinkableDocument | null | undefined): string | undefined {
  const path = pagePathOf(doc);
  return base && path ? `${base}${path}` : undefined;
}

function open(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}

/**
 * The two actions for documents with a page. «Ver en el sitio» follows the published document
 * (the page the public sees; it is missing when the Studio does not know the site's address);
 * «Vista previa» follows the draft when there is one.
 */
export function siteLinkActions(settings: SiteLinkSettings): { viewOnSite: DocumentActionComponent; previewDraft: DocumentActionComponent } {
  const viewOnSite: DocumentActionComponent = (props: DocumentActionProps): DocumentActionDescription | null => {
    const { siteUrl } = settings;
    if (!siteUrl) return null;
    const url = pageUrl(siteUrl, props.published as LinkableDocument | null);
    const description = { label: 'Ver en el sitio', icon: EarthGlobeIcon };
    if (!props.published) return { ...description, disabled: true, title: 'Aún no está publicado: publícalo para verlo en el sitio.' };
    if (!url) return { ...description, disabled: true, title: 'Falta la dirección de la página: pulsa «Generar» y publica.' };
    return {
      ...description,
      title: `Abre ${url}. Lo recién publicado tarda unos minutos en aparecer.`,
      onHandle: () => open(url),
    };
  };
  viewOnSite.action = 'viewOnSite';
  viewOnSite.displayName = 'ViewOnSiteAction';

  const previewDraft: DocumentActionComponent = (props: DocumentActionProps): DocumentActionDescription | null => {
    const current = (props.draft ?? props.published) as LinkableDocument | null;
    const url = pageUrl(settings.previewUrl, current);
    const description = { label: props.draft ? 'Vista previa del borrador' : 'Vista previa', icon: EyeOpenIcon };
    if (!current) return { ...description, disabled: true, title: 'Escribe algo primero: todavía no hay borrador.' };
    if (!url) return { ...description, disabled: true, title: 'Falta la dirección de la página: pulsa «Generar».' };
    return {
      ...description,
      title: `Abre ${url}: la vista previa de borradores (npm run preview:drafts) tiene que estar en marcha.`,
      onHandle: () => open(url),
    };
  };
  previewDraft.action = 'previewDraft';
  previewDraft.displayName = 'PreviewDraftAction';

  return { viewOnSite, previewDraft };
}
