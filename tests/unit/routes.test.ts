import { describe, expect, it } from 'vitest';
import { alternatePaths, languages, pagePath } from '../../content-models/routes';

describe('pagePath', () => {
  it.each([
    ['home', 'es', undefined, '/'],
    ['programme', 'en', undefined, '/en/programme/'],
    ['session', 'pt', 'mesa-de-reflexion-1', '/pt/programa/mesa-de-reflexion-1/'],
    ['speaker', 'es', 'rita-mishaan', '/ponentes/rita-mishaan/'],
    ['speakers', 'pt', undefined, '/pt/palestrantes/'],
    ['conceptNote', 'en', undefined, '/en/concept-note/'],
  ] as const)('%s in %s is %s', (kind, lang, slug, expected) => {
    expect(pagePath(kind, lang, slug)).toBe(expected);
  });

  it('refuses a session or speaker page without a slug', () => {
    expect(() => pagePath('session', 'es')).toThrow(/slug/);
  });

  it('percent-encodes a slug so it cannot leave its folder', () => {
    expect(pagePath('session', 'es', '../x')).toBe('/programa/..%2Fx/');
  });
});

describe('alternatePaths', () => {
  it('maps every page kind to the same page in each language and back', () => {
    for (const kind of ['home', 'programme', 'speakers', 'conceptNote'] as const) {
      for (const lang of languages) {
        const alt = alternatePaths(pagePath(kind, lang));
        expect(alt?.lang).toBe(lang);
        expect(alt?.paths).toEqual({ es: pagePath(kind, 'es'), en: pagePath(kind, 'en'), pt: pagePath(kind, 'pt') });
      }
    }
    expect(alternatePaths('/en/speakers/rita-mishaan/')?.paths).toEqual({
      es: '/ponentes/rita-mishaan/',
      en: '/en/speakers/rita-mishaan/',
      pt: '/pt/palestrantes/rita-mishaan/',
    });
  });

  it('returns null for paths outside the scheme', () => {
    expect(alternatePaths('/en/unknown/')).toBeNull();
    expect(alternatePaths('/programa/a/b/')).toBeNull();
  });
});
