/**
 * The Studio of the communications team: Spanish interface, the two singletons (Evento, Nota
 * conceptual) pinned at the top, sessions grouped by day, links from each document to its page
 * (site-links.ts), and the Vision tool for GROQ queries.
 */
import { languageFilter } from '@sanity/language-filter';
import { esESLocale } from '@sanity/locale-es-es';
import { visionTool } from '@sanity/vision';
import { defineConfig } from 'sanity';
import { presentationTool } from 'sanity/presentation';
import { structureTool } from 'sanity/structure';
import { SINGLETON_TYPES, STUDIO_API_VERSION, schemaTypes } from '../content-models/schema';
import { LANGUAGES } from '../content-models/schema/lib/constants';
import { spanishCorrections } from './locale-es';
import { presentationLocations } from './presentation';
import { siteLinkActions, siteLinkSettings, TYPES_WITH_PAGES } from './site-links';
import { sessionOnDayTemplate, structure } from './structure';

// sanity.cli.ts stops `sanity dev` and `sanity deploy` without a project id, and gives offline
// builds a placeholder, so reaching this without one means the Studio was bundled some other way.
const projectId = process.env.SANITY_STUDIO_PROJECT_ID;
if (!projectId) {
  throw new Error(
    'Falta SANITY_STUDIO_PROJECT_ID: defínela en studio/.env (ver studio/.env.example). / SANITY_STUDIO_PROJECT_ID is not set: define it in studio/.env (see studio/.env.example).',
  );
}
const dataset = process.env.SANITY_STUDIO_DATASET || 'production';

const singletons: ReadonlySet<string> = new Set(SINGLETON_TYPES);
/** What can be done to a singleton: edit and publish it, never create a second one or delete it. */
const singletonActions: ReadonlySet<string> = new Set(['publish', 'discardChanges', 'restore']);
/**
 * «Ver en el sitio» (SANITY_STUDIO_SITE_URL) and «Vista previa» (SANITY_STUDIO_PREVIEW_URL). Named
 * one by one: the Studio bundle gets each `process.env.SANITY_STUDIO_…` replaced at build time.
 */
const linkSettings = siteLinkSettings({
  SANITY_STUDIO_SITE_URL: process.env.SANITY_STUDIO_SITE_URL,
  SANITY_STUDIO_PREVIEW_URL: process.env.SANITY_STUDIO_PREVIEW_URL,
});
const { viewOnSite, previewDraft } = siteLinkActions(linkSettings);

export default defineConfig({
  name: 'default',
  title: 'Seminario-Taller CSS',
  projectId,
  dataset,
  plugins: [
    structureTool({ title: 'Contenido', structure }),
    // The draft preview (npm run preview:drafts) beside the form, with the pages each document is on.
    presentationTool({ title: 'Vista previa', previewUrl: linkSettings.previewUrl, resolve: { locations: presentationLocations } }),
    visionTool({ title: 'Consultas GROQ', defaultApiVersion: STUDIO_API_VERSION }),
    // Spanish always shown; English and Portuguese shown on request, remembered per browser.
    languageFilter({
      supportedLanguages: LANGUAGES.map(({ id, title }) => ({ id, title })),
      defaultLanguages: ['es'],
      documentTypes: ['event', 'conceptNote', 'session', 'speaker', 'institution'],
    }),
    // Added last, Spanish is the locale editors get unless they pick another in their profile menu.
    esESLocale(),
  ],
  i18n: { bundles: spanishCorrections },
  schema: {
    types: schemaTypes,
    // No "new Evento" or "new Nota conceptual": each exists once, opened from the structure.
    templates: (templates) => [...templates.filter(({ schemaType }) => !singletons.has(schemaType)), sessionOnDayTemplate],
  },
  document: {
    // The global menu offers neither singletons nor templates that need a day to start from.
    newDocumentOptions: (items, { creationContext }) =>
      creationContext.type === 'global' ? items.filter(({ templateId }) => !singletons.has(templateId) && templateId !== sessionOnDayTemplate.id) : items,
    actions: (actions, { schemaType }) => [
      ...(singletons.has(schemaType) ? actions.filter(({ action }) => action !== undefined && singletonActions.has(action)) : actions),
      ...(TYPES_WITH_PAGES.has(schemaType) ? [viewOnSite, previewDraft] : []),
    ],
  },
});
