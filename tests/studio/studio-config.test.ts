import type { DocumentActionComponent, TemplateItem } from 'sanity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Config = typeof import('../../studio/sanity.config').default;
let config: Config;

const projectIdBefore = process.env.SANITY_STUDIO_PROJECT_ID;

// Importing the Studio (React, the structure tool) takes several seconds.
beforeAll(async () => {
  // sanity.config.ts refuses to load without a project id; the CLI normally provides it.
  process.env.SANITY_STUDIO_PROJECT_ID ??= 'test-project';
  config = (await import('../../studio/sanity.config')).default;
}, 60_000);

afterAll(() => {
  if (projectIdBefore === undefined) delete process.env.SANITY_STUDIO_PROJECT_ID;
  else process.env.SANITY_STUDIO_PROJECT_ID = projectIdBefore;
});

function action(name: string): DocumentActionComponent {
  return Object.assign(() => null, { action: name }) as unknown as DocumentActionComponent;
}

describe('the Studio configuration', () => {
  it('reads the project and dataset from the environment', () => {
    expect(config.projectId).toBe(process.env.SANITY_STUDIO_PROJECT_ID);
    expect(config.dataset).toBe(process.env.SANITY_STUDIO_DATASET || 'production');
  });

  it('lets singletons only be published, discarded and restored', () => {
    const resolve = config.document?.actions;
    if (typeof resolve !== 'function') throw new Error('document.actions is not a resolver');
    const all = ['publish', 'unpublish', 'discardChanges', 'duplicate', 'delete', 'restore'].map(action);
    // The links to the site (site-links.ts) change nothing, so they are left out here.
    const links = new Set(['viewOnSite', 'previewDraft']);
    const names = (schemaType: string) =>
      (resolve(all, { schemaType } as Parameters<typeof resolve>[1]) as DocumentActionComponent[])
        .map((item) => item.action)
        .filter((name) => !links.has(name ?? ''));
    expect(names('event')).toEqual(['publish', 'discardChanges', 'restore']);
    expect(names('conceptNote')).toEqual(['publish', 'discardChanges', 'restore']);
    expect(names('session')).toEqual(['publish', 'unpublish', 'discardChanges', 'duplicate', 'delete', 'restore']);
  });

  it('offers «Ver en el sitio» and «Vista previa» after the other actions on every document with a page', () => {
    const resolve = config.document?.actions;
    if (typeof resolve !== 'function') throw new Error('document.actions is not a resolver');
    const all = ['publish', 'discardChanges', 'restore'].map(action);
    const names = (schemaType: string) =>
      (resolve(all, { schemaType } as Parameters<typeof resolve>[1]) as DocumentActionComponent[]).map((item) => item.action);
    for (const type of ['event', 'conceptNote', 'session', 'speaker']) {
      expect(names(type), type).toEqual(['publish', 'discardChanges', 'restore', 'viewOnSite', 'previewDraft']);
    }
    expect(names('institution')).toEqual(['publish', 'discardChanges', 'restore']);
  });

  it('offers no new Evento, Nota conceptual or day-bound session in the global menu', () => {
    const resolve = config.document?.newDocumentOptions;
    if (typeof resolve !== 'function') throw new Error('document.newDocumentOptions is not a resolver');
    const items: TemplateItem[] = ['event', 'conceptNote', 'session', 'speaker', 'institution', 'session-on-day'].map((templateId) => ({ templateId }));
    const global = resolve(items, { creationContext: { type: 'global' } } as Parameters<typeof resolve>[1]) as TemplateItem[];
    expect(global.map((item) => item.templateId)).toEqual(['session', 'speaker', 'institution']);
  });

  it('removes the singletons from the templates and adds "Sesión de este día"', () => {
    const resolve = config.schema?.templates;
    if (typeof resolve !== 'function') throw new Error('schema.templates is not a resolver');
    const defaults = ['event', 'conceptNote', 'session', 'speaker', 'institution'].map((name) => ({ id: name, title: name, schemaType: name, value: {} }));
    // The resolver's declared type omits the context argument that Sanity passes at run time.
    const templates = (resolve as (prev: unknown[], context: unknown) => unknown)(defaults, {}) as { id: string; value: unknown }[];
    expect(templates.map((template) => template.id)).toEqual(['session', 'speaker', 'institution', 'session-on-day']);
    const onDay = templates.at(-1)?.value as (params: { date: string; access?: string }) => unknown;
    expect(onDay({ date: '2020-10-28', access: 'participants' })).toEqual({ date: '2020-10-28', access: 'participants' });
  });
});
