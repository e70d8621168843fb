import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../site/i18n/en.json';
import es from '../../site/i18n/es.json';
import { t } from '../../site/i18n/index';
import pt from '../../site/i18n/pt.json';

const files = { es, en, pt } as Record<string, Record<string, string>>;
const plural = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(plural, '');
const variables = (value: string) => [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Source files that may use interface strings. */
function sources(dir = 'site'): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(astro|ts)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(dir, file).split(path.sep).includes('i18n'));
}

describe('translation files', () => {
  it('English and Portuguese have exactly the keys of the Spanish source', () => {
    const source = Object.keys(es).map(baseKey).sort();
    for (const lang of ['en', 'pt']) {
      expect([...new Set(Object.keys(files[lang]!).map(baseKey))].sort(), lang).toEqual([...new Set(source)]);
    }
  });

  it('every translation uses the same interpolation variables as the Spanish source', () => {
    const mismatches: string[] = [];
    for (const [key, value] of Object.entries(es)) {
      for (const lang of ['en', 'pt']) {
        const other = files[lang]![key];
        if (other !== undefined && variables(other).join() !== variables(value).join()) mismatches.push(`${lang}:${key}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('no value is empty', () => {
    for (const [lang, file] of Object.entries(files)) for (const [key, value] of Object.entries(file)) expect(value.trim(), `${lang}:${key}`).not.toBe('');
  });

  it('every key is used by the site and every key the site uses exists', () => {
    const code = sources()
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const literal = new Set([...code.matchAll(/\b(?:t|translate)\(\s*(?:\w+,\s*)?'([\w.]+)'/g)].map((m) => m[1]!));
    const dynamicPrefixes = new Set([...code.matchAll(/\b(?:t|translate)\(\s*(?:\w+,\s*)?`([\w.]+\.)\$\{/g)].map((m) => m[1]!));
    const keys = new Set(Object.keys(es).map(baseKey));
    const unused = [...keys].filter((k) => !literal.has(k) && ![...dynamicPrefixes].some((p) => k.startsWith(p)));
    const missing = [...literal].filter((k) => !keys.has(k));
    expect(unused, 'keys nobody uses').toEqual([]);
    expect(missing, 'keys used but not defined').toEqual([]);
  });
});

describe('t()', () => {
  it('interpolates and picks plural forms per language', () => {
    expect(t('es', 'home.sessionCount', { count: 1 })).toBe('1 sesión');
    expect(t('es', 'home.sessionCount', { count: 4 })).toBe('4 sesiones');
    expect(t('en', 'home.sessionCount', { count: 1 })).toBe('1 session');
    expect(t('pt', 'home.sessionCount', { count: 2 })).toBe('2 sessões');
    expect(t('en', 'time.zoneLabel', { zone: 'Peru' })).toBe('Peru time');
  });

  it('does not escape interpolated values (Astro escapes when rendering)', () => {
    expect(t('en', 'time.zoneLabel', { zone: '<b>' })).toBe('<b> time');
  });
});
