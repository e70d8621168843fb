import { describe, expect, it } from 'vitest';
import { checkSessionLanguages } from '../../content-models/validation/languages';
import { languageLine } from '../../site/lib/language-line';

describe('checkSessionLanguages', () => {
  it('accepts a floor language with interpretation and captions into other languages', () => {
    expect(
      checkSessionLanguages('es', [
        { kind: 'interpretation', language: 'pt' },
        { kind: 'captions', language: 'es' },
      ]),
    ).toEqual([]);
  });

  it('refuses an unknown language and interpretation into the floor language', () => {
    const issues = checkSessionLanguages('klingon', [{ kind: 'interpretation', language: 'xx' }]);
    expect(issues.map((i) => [i.level, i.path])).toEqual([
      ['error', 'language'],
      ['error', 'languageSupport[0].language'],
    ]);
    expect(checkSessionLanguages('pt', [{ kind: 'interpretation', language: 'pt' }])[0]).toMatchObject({ level: 'error', path: 'languageSupport[0].language' });
  });

  it('warns about a repeated entry and a missing kind is an error', () => {
    const issues = checkSessionLanguages('es', [{ kind: 'captions', language: 'en' }, { kind: 'captions', language: 'en' }, { language: 'pt' }]);
    expect(issues.map((i) => [i.level, i.path])).toEqual([
      ['warning', 'languageSupport[1]'],
      ['error', 'languageSupport[2].kind'],
    ]);
  });
});

describe('languageLine', () => {
  const session = { language: 'es', languageSupport: [{ kind: 'interpretation' as const, language: 'pt', signLanguage: null }] };

  it('names the floor language and the interpretation in the page language', () => {
    expect(languageLine(session, 'es')).toBe('Español · interpretación al portugués');
    expect(languageLine(session, 'en')).toBe('Spanish · interpretation into Portuguese');
    expect(languageLine(session, 'pt')).toBe('Espanhol · interpretação para o português');
  });

  it('says nothing when the content says nothing', () => {
    expect(languageLine({ language: null, languageSupport: [] }, 'es')).toBeNull();
  });
});
