import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps, SanityDocument } from 'sanity';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pagePath } from '../../content-models/routes';
import { DEFAULT_PREVIEW_URL, pagePathOf, pageUrl, SiteLinkSettingsError, siteLinkActions, siteLinkSettings } from '../../studio/site-links';

const SITE = 'https://seminario.example.org';

function doc(_type: string, slug?: string, extra: Record<string, unknown> = {}): SanityDocument {
  return {
    _id: `${_type}-x`,
    _type,
    _rev: 'r1',
    _createdAt: '2020-10-01T12:00:00Z',
    _updatedAt: '2020-10-01T12:00:00Z',
    ...(slug === undefined ? {} : { slug: { _type: 'slug', current: slug } }),
    ...extra,
  };
}

/** What the Studio hands an action: only the fields these actions read matter. */
function props(published: SanityDocument | null, draft: SanityDocument | null = null): DocumentActionProps {
  return { id: 'x', type: published?._type ?? draft?._type ?? 'session', published, draft, version: null } as unknown as DocumentActionProps;
}

function run(action: DocumentActionComponent, p: DocumentActionProps): DocumentActionDescription | null {
  return action(p) as DocumentActionDescription | null;
}

describe('the page of a document', () => {
  it('is the Spanish page of the site’s own route table for each type with a page', () => {
    expect(pagePathOf(doc('event'))).toBe('/');
    expect(pagePathOf(doc('conceptNote'))).toBe('/nota-conceptual/');
    expect(pagePathOf(doc('report'))).toBe('/relatoria/');
    expect(pagePathOf(doc('workshopProducts'))).toBe('/productos/');
    expect(pagePathOf(doc('asyncActivity'))).toBeUndefined();
    expect(pagePathOf(doc('session', 'mesa-de-reflexion-1'))).toBe('/programa/mesa-de-reflexion-1/');
    expect(pagePathOf(doc('speaker', 'rita-mishaan'))).toBe('/ponentes/rita-mishaan/');
    expect(pagePathOf(doc('session', 'mesa-de-reflexion-1'))).toBe(pagePath('session', 'es', 'mesa-de-reflexion-1'));
  });

  it('does not exist for institutions, for sessions and speakers without a slug, or for nothing', () => {
    expect(pagePathOf(doc('institution'))).toBeUndefined();
    expect(pagePathOf(doc('session'))).toBeUndefined();
    expect(pagePathOf(doc('speaker', '  '))).toBeUndefined();
    expect(pagePathOf(null)).toBeUndefined();
  });

  it('is encoded the way the site writes it', () => {
    expect(pageUrl(SITE, doc('speaker', 'maría belén'))).toBe(`${SITE}/ponentes/mar%C3%ADa%20bel%C3%A9n/`);
  });

  it('keeps the folder of a site that does not live at the root of its host', () => {
    const { siteUrl } = siteLinkSettings({ SANITY_STUDIO_SITE_URL: 'https://owner.github.io/seminario/' });
    expect(pageUrl(siteUrl, doc('session', 'inauguracion'))).toBe('https://owner.github.io/seminario/programa/inauguracion/');
  });
});

describe('the Studio’s site settings', () => {
  it('have no public site and the local preview by default', () => {
    expect(siteLinkSettings({})).toEqual({ siteUrl: undefined, previewUrl: DEFAULT_PREVIEW_URL });
    expect(DEFAULT_PREVIEW_URL).toBe('http://127.0.0.1:4321');
  });

  it('read both addresses, without trailing slashes', () => {
    expect(siteLinkSettings({ SANITY_STUDIO_SITE_URL: ' https://seminario.example.org/ ', SANITY_STUDIO_PREVIEW_URL: 'http://127.0.0.1:4400' })).toEqual({
      siteUrl: 'https://seminario.example.org',
      previewUrl: 'http://127.0.0.1:4400',
    });
  });

  it.each(['seminario.example.org', 'javascript:alert(1)', 'ftp://example.org', 'https://user:secret@example.org', 'https://example.org/?a=1'])(
    'refuse %s, naming the variable',
    (value) => {
      expect(() => siteLinkSettings({ SANITY_STUDIO_SITE_URL: value })).toThrow(SiteLinkSettingsError);
      expect(() => siteLinkSettings({ SANITY_STUDIO_SITE_URL: value })).toThrow(/SANITY_STUDIO_SITE_URL/);
    },
  );
});

describe('«Ver en el sitio»', () => {
  const { viewOnSite } = siteLinkActions({ siteUrl: SITE, previewUrl: DEFAULT_PREVIEW_URL });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('opens the published page in a new tab', () => {
    const open = vi.fn();
    vi.stubGlobal('window', { open });
    const description = run(viewOnSite, props(doc('session', 'inauguracion'), doc('session', 'nueva-direccion')));
    expect(description?.label).toBe('Ver en el sitio');
    expect(description?.disabled).toBeFalsy();
    description?.onHandle?.();
    expect(open).toHaveBeenCalledWith(`${SITE}/programa/inauguracion/`, '_blank', 'noopener,noreferrer');
  });

  it('is disabled, saying why, for a document never published or without a slug', () => {
    const unpublished = run(viewOnSite, props(null, doc('session', 'inauguracion')));
    expect(unpublished?.disabled).toBe(true);
    expect(unpublished?.title).toMatch(/publícalo/);
    const noSlug = run(viewOnSite, props(doc('speaker')));
    expect(noSlug?.disabled).toBe(true);
    expect(noSlug?.title).toMatch(/Generar/);
  });

  it('is not offered when the Studio does not know the site’s address', () => {
    const { viewOnSite: hidden } = siteLinkActions({ siteUrl: undefined, previewUrl: DEFAULT_PREVIEW_URL });
    expect(run(hidden, props(doc('event')))).toBeNull();
  });
});

describe('«Vista previa»', () => {
  const { previewDraft } = siteLinkActions({ siteUrl: undefined, previewUrl: 'http://127.0.0.1:4400' });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('opens the draft’s page on the preview server, following a changed slug', () => {
    const open = vi.fn();
    vi.stubGlobal('window', { open });
    const description = run(previewDraft, props(doc('session', 'inauguracion'), doc('session', 'apertura')));
    expect(description?.label).toBe('Vista previa del borrador');
    description?.onHandle?.();
    expect(open).toHaveBeenCalledWith('http://127.0.0.1:4400/programa/apertura/', '_blank', 'noopener,noreferrer');
  });

  it('previews the published document when there is no draft', () => {
    const description = run(previewDraft, props(doc('conceptNote')));
    expect(description?.label).toBe('Vista previa');
    expect(description?.title).toContain('http://127.0.0.1:4400/nota-conceptual/');
  });

  it('is disabled for a new empty document', () => {
    expect(run(previewDraft, props(null, null))?.disabled).toBe(true);
  });
});
