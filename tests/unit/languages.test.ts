import { describe, expect, it } from 'vitest';
import { memberCountries } from '../../content-models/countries';
import { languages } from '../../content-models/locales';
import { signLanguages } from '../../content-models/sign-languages';
import { checkSessionChannels } from '../../content-models/validation/channels';
import { checkSessionLanguages } from '../../content-models/validation/languages';
import { compactSupport, filterTokens } from '../../site/lib/language-access';
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

describe('sign languages (issue 20)', () => {
  it('lists one sign language per member country, as unique ISO 639-3 codes, named in every language', () => {
    const codes = signLanguages.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const s of signLanguages) {
      expect(s.code).toMatch(/^[a-z]{3}$/);
      for (const lang of languages) expect(s.name[lang].trim(), `${s.code} ${lang}`).not.toBe('');
    }
    for (const country of memberCountries)
      expect(
        signLanguages.some((s) => s.countries.includes(country.code)),
        country.code,
      ).toBe(true);
    // The issue's examples: Libras, LSM, LSE, LGP.
    expect(signLanguages.filter((s) => ['BR', 'MX', 'ES', 'PT'].some((c) => s.countries.includes(c as never)) && s.code !== 'csc').map((s) => s.code)).toEqual([
      'bzs',
      'ssp',
      'mfs',
      'psr',
    ]);
    // Abbreviations on the cards must tell two sign languages apart.
    expect(new Set(signLanguages.map((s) => s.short)).size).toBe(signLanguages.length);
  });

  it('refuses a code not on the list with a message naming the field and the code', () => {
    const issues = checkSessionLanguages('es', [
      { kind: 'signLanguage', signLanguage: 'xsl' },
      { kind: 'signLanguage', signLanguage: 'bzs' },
    ]);
    expect(issues.map((i) => [i.level, i.path])).toEqual([['error', 'languageSupport[0].signLanguage']]);
    expect(issues[0]?.message).toContain('«xsl»');
    expect(checkSessionLanguages('es', [{ kind: 'signLanguage' }])[0]?.path).toBe('languageSupport[0].signLanguage');
  });

  it('names sign languages in the language line and as short badges on the cards', () => {
    const session = {
      language: 'es',
      languageSupport: [
        { kind: 'signLanguage' as const, language: null, signLanguage: 'mfs' },
        { kind: 'captions' as const, language: 'es', signLanguage: null },
      ],
    };
    expect(languageLine(session, 'es')).toBe('Español · interpretación en lengua de señas mexicana · subtítulos en español');
    expect(languageLine(session, 'en')).toBe('Spanish · Mexican Sign Language interpretation · captions in Spanish');
    expect(compactSupport(session, 'pt')?.badges).toEqual(['LSM', 'CC ES']);
    expect(filterTokens(session)).toEqual({ langs: ['es'], a11y: ['captions', 'signLanguage'] });
  });
});

describe('channels per language (issue 20)', () => {
  const publicSession = { access: 'public', language: 'es', languageSupport: [{ kind: 'interpretation', language: 'pt' }] };
  it('accepts the floor language and the interpretations, over https, on a public session of a public day', () => {
    const channels = [
      { language: 'es', url: 'https://zoom.us/j/1' },
      { language: 'pt', url: 'https://zoom.us/j/1?pt' },
    ];
    expect(checkSessionChannels(publicSession, { access: 'public' }, channels)).toEqual([]);
  });
  it('refuses them on a participants-only session or day, in another language, or without https', () => {
    const one = [{ language: 'es', url: 'https://zoom.us/j/1' }];
    expect(checkSessionChannels({ ...publicSession, access: 'participants' }, { access: 'participants' }, one).map((i) => i.path)).toEqual(['channels[0].url']);
    expect(checkSessionChannels(publicSession, { access: 'participants' }, one).map((i) => i.path)).toEqual(['channels[0].url']);
    expect(checkSessionChannels(publicSession, { access: 'public' }, [{ language: 'en', url: 'https://zoom.us/j/1' }]).map((i) => i.path)).toEqual([
      'channels[0].language',
    ]);
    expect(checkSessionChannels(publicSession, { access: 'public' }, [{ language: 'es', url: 'mailto:a@b.org' }]).map((i) => i.path)).toEqual([
      'channels[0].url',
    ]);
  });
});
