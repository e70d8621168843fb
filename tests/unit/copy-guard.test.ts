// Editorial guard (issue 21): the copy fixes that a machine can check, over the embedded dataset
// (studio/seed/production.ndjson) and the interface strings (site/i18n/*.json). Each rule is a function
// returning one line per problem, run on the real files (expecting none) and on a broken copy (expecting
// the line), so a rule that stops seeing anything fails too.
import { describe, expect, it } from 'vitest';
import en from '../../site/i18n/en.json';
import es from '../../site/i18n/es.json';
import pt from '../../site/i18n/pt.json';
import { type Doc, readNdjson } from '../support/ndjson';

type Lang = 'es' | 'en' | 'pt';
const LANGS: Lang[] = ['es', 'en', 'pt'];
type Rec = Record<string, unknown>;
type Strings = Record<Lang, Record<string, string>>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const blockText = (block: unknown): string =>
  isRec(block) && Array.isArray(block.children)
    ? block.children
        .map((c) => (isRec(c) ? str(c.text) : ''))
        .join('')
        .trim()
    : '';

/** One localised value of the dataset: where it is, the field's own name, and its text per language (one entry per Portable Text block). */
interface Localised {
  path: string;
  field: string;
  texts: Record<Lang, string>;
}

/** Every localeString, localeText and Portable Text block of the dataset, with its path. */
function localisedValues(docs: Doc[]): Localised[] {
  const out: Localised[] = [];
  const walk = (value: unknown, path: string, field: string): void => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`, field);
      return;
    }
    if (!isRec(value)) return;
    if (value._type === 'localeString' || value._type === 'localeText') {
      out.push({ path, field, texts: { es: str(value.es).trim(), en: str(value.en).trim(), pt: str(value.pt).trim() } });
      return;
    }
    if (value._type === 'localeBlockContent') {
      const blocks = (lang: Lang) => (Array.isArray(value[lang]) ? (value[lang] as unknown[]) : []);
      blocks('es').forEach((_, i) => {
        out.push({
          path: `${path}[${i}]`,
          field,
          texts: { es: blockText(blocks('es')[i]), en: blockText(blocks('en')[i]), pt: blockText(blocks('pt')[i]) },
        });
      });
      return;
    }
    for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, k);
  };
  for (const d of docs) walk(d, d._id, '');
  return out;
}

/** Every text a reader sees in one language: dataset values and interface strings, each with where it comes from. */
function textsIn(lang: Lang, docs: Doc[], strings: Strings): { where: string; text: string }[] {
  return [
    ...localisedValues(docs).map((v) => ({ where: `${v.path}.${lang}`, text: v.texts[lang] })),
    ...Object.entries(strings[lang]).map(([key, text]) => ({ where: `site/i18n/${lang}.json ${key}`, text })),
  ].filter((t) => t.text !== '');
}

// ------------------------------------------------------------------------------------------------ rules

/** Fields that are headings on the site: a heading takes no final full stop. */
const TITLE_FIELDS = new Set(['title', 'heading', 'name', 'shortName', 'kicker', 'label']);

/** Titles (sessions, days, sections, the event's names) that end with a full stop, in any language. */
function titlesWithFinalFullStop(docs: Doc[]): string[] {
  return localisedValues(docs)
    .filter((v) => TITLE_FIELDS.has(v.field))
    .flatMap((v) => LANGS.filter((lang) => /\.\s*$/.test(v.texts[lang])).map((lang) => `${v.path}.${lang}: "${v.texts[lang]}" ends with a full stop`));
}

/** "Not confirmed yet" in the words of each language: the site adds `session.toBeConfirmed` after every placeholder itself. */
const TO_BE_CONFIRMED = /\b(?:por confirmar|a confirmar|to be confirmed|tbc)\b/iu;

/** Placeholders that already say "to be confirmed", which the site would print twice. */
function placeholdersSayingToBeConfirmed(docs: Doc[], strings: Strings): string[] {
  return localisedValues(docs)
    .filter((v) => v.field === 'placeholder')
    .flatMap((v) =>
      LANGS.filter(
        (lang) =>
          TO_BE_CONFIRMED.test(v.texts[lang]) || v.texts[lang].toLowerCase().includes(strings[lang]['session.toBeConfirmed']?.toLowerCase() ?? '\u0000'),
      ).map((lang) => `${v.path}.${lang}: "${v.texts[lang]}" already says "${strings[lang]['session.toBeConfirmed']}"`),
    );
}

/** Languages (English and Portuguese: the Spanish is the organisers') that spell COVID-19 more than one way. */
function covidSpellings(docs: Doc[], strings: Strings): string[] {
  return (['en', 'pt'] as const).flatMap((lang) => {
    const seen = new Map<string, string>();
    for (const { where, text } of textsIn(lang, docs, strings)) for (const [m] of text.matchAll(/covid-19/giu)) if (!seen.has(m)) seen.set(m, where);
    return seen.size > 1 ? [`${lang}: ${[...seen].map(([spelling, where]) => `"${spelling}" (${where})`).join(', ')}`] : [];
  });
}

// "estar/andar/ficar a + infinitive" is the European progressive; the site's Portuguese is Brazilian
// ("estão confirmando", or "estão por confirmar"). Short words such as "a par" are not infinitives.
const EUROPEAN_PROGRESSIVE =
  /(?<!\p{L})(?:est(?:ou|ás|á|amos|ão|ava|ávamos|avam|ive|eve|iveram|ar|ará|arão|eja|ejam|ivesse|ivessem)|and(?:o|a|am|ava|avam|ar)|fic(?:o|a|am|ava|avam|ar))\s+a\s+\p{L}{2,}(?:ar|er|ir)(?!\p{L})/iu;

/** Portuguese texts that use the European "estar a + infinitive". */
function europeanPortugueseProgressive(docs: Doc[], strings: Strings): string[] {
  return textsIn('pt', docs, strings).flatMap(({ where, text }) => {
    const m = EUROPEAN_PROGRESSIVE.exec(text);
    return m ? [`${where}: "${m[0]}"`] : [];
  });
}

/**
 * Values that may read the same in two languages, with the reason. Anything else identical in two
 * languages is an untranslated copy (SEGEPLAN's full name once was).
 */
const SAME_IN_TRANSLATION: Record<string, string> = {
  'Objetivos específicos': 'Portuguese spells it as Spanish does',
  Consultora: 'Portuguese spells it as Spanish does',
};

/** Dataset values whose text is the same in two languages and is not listed in SAME_IN_TRANSLATION. */
function untranslatedCopies(docs: Doc[], allowed: Record<string, string> = SAME_IN_TRANSLATION): string[] {
  const pairs: [Lang, Lang][] = [
    ['es', 'en'],
    ['es', 'pt'],
    ['en', 'pt'],
  ];
  return localisedValues(docs).flatMap((v) =>
    pairs
      .filter(([a, b]) => v.texts[a] !== '' && v.texts[a].normalize('NFC') === v.texts[b].normalize('NFC') && !(v.texts[a] in allowed))
      .map(([a, b]) => `${v.path}: ${a} and ${b} are both "${v.texts[a]}"`),
  );
}

/** One rendering per term: a pattern that must not occur in a language, the rendering to use, and whose texts it covers. */
interface Term {
  lang: Lang;
  avoid: RegExp;
  use: string;
  /** the Spanish dataset is the organisers' wording, so Spanish terms are checked in the interface only */
  interfaceOnly?: boolean;
}
const TERMS: Term[] = [
  { lang: 'en', avoid: /\barticulation\b/iu, use: 'linkage' },
  { lang: 'en', avoid: /^online$/iu, use: 'Virtual (the modality)' },
  { lang: 'pt', avoid: /(?<!\p{L})jornadas?(?!\p{L})/iu, use: 'dia' },
  { lang: 'pt', avoid: /(?<!\p{L})meu programa(?!\p{L})/iu, use: 'Minha programação' },
  { lang: 'pt', avoid: /(?<!\p{L})instrumentaliza/iu, use: 'implementação' },
  { lang: 'pt', avoid: /(?<!\p{L})conforma(?:r|d[oa]s?)(?!\p{L})/iu, use: 'formar, constituídos por' },
  { lang: 'pt', avoid: /(?<!\p{L})no interior d[eo]s?(?!\p{L})/iu, use: 'em, no âmbito nacional' },
  { lang: 'es', avoid: /(?<!\p{L})en directo(?!\p{L})/iu, use: 'en vivo', interfaceOnly: true },
  { lang: 'es', avoid: /(?<!\p{L})añadir(?!\p{L})/iu, use: 'agregar', interfaceOnly: true },
];

/** Texts that use a rendering the editorial pass replaced. */
function replacedTerms(docs: Doc[], strings: Strings, terms: Term[] = TERMS): string[] {
  return terms.flatMap((term) =>
    textsIn(term.lang, term.interfaceOnly ? [] : docs, strings).flatMap(({ where, text }) => {
      const m = term.avoid.exec(text);
      return m ? [`${where}: "${m[0]}" — use "${term.use}"`] : [];
    }),
  );
}

// ------------------------------------------------------------------------------------------------ tests

const docs = readNdjson();
const strings: Strings = { es, en, pt };

const mutate = (fn: (copy: Doc[]) => void): Doc[] => {
  const copy = structuredClone(docs);
  fn(copy);
  return copy;
};
const doc = (copy: Doc[], id: string): Rec => {
  const found = copy.find((d) => d._id === id);
  if (!found) throw new Error(`no document ${id}`);
  return found;
};
const field = (v: unknown, key: string): Rec => {
  const found = isRec(v) ? v[key] : undefined;
  if (!isRec(found)) throw new Error(`no field ${key}`);
  return found;
};
const withString = (lang: Lang, key: string, value: string): Strings => ({ ...strings, [lang]: { ...strings[lang], [key]: value } });

describe('the published copy', () => {
  it('reads the whole dataset and every interface string', () => {
    const values = localisedValues(docs);
    expect(values.filter((v) => v.field === 'title').length).toBeGreaterThan(12);
    expect(values.some((v) => v.field === 'placeholder')).toBe(true);
    expect(values.some((v) => v.path.startsWith('conceptNote.sections[0].body'))).toBe(true);
    expect(textsIn('pt', docs, strings).length).toBeGreaterThan(values.length);
  });

  it('has no title ending with a full stop, in any language', () => {
    expect(titlesWithFinalFullStop(docs)).toEqual([]);
  });

  it('has no placeholder that already says "to be confirmed"', () => {
    expect(placeholdersSayingToBeConfirmed(docs, strings)).toEqual([]);
  });

  it('spells COVID-19 one way in English and one way in Portuguese', () => {
    expect(covidSpellings(docs, strings)).toEqual([]);
  });

  it('has no European-Portuguese "estar a + infinitive" in the Portuguese', () => {
    expect(europeanPortugueseProgressive(docs, strings)).toEqual([]);
  });

  it('has no text copied unchanged into another language, except the listed ones', () => {
    expect(untranslatedCopies(docs)).toEqual([]);
  });

  it('uses one rendering per term', () => {
    expect(replacedTerms(docs, strings)).toEqual([]);
  });
});

describe('each rule reports what it guards against', () => {
  it('a title with a final full stop, in the language that has it', () => {
    const copy = mutate((c) => {
      field(doc(c, 'session-mesa-de-reflexion-1'), 'title').pt = 'Mesa de reflexão 1. A articulação.';
    });
    expect(titlesWithFinalFullStop(copy)).toEqual(['session-mesa-de-reflexion-1.title.pt: "Mesa de reflexão 1. A articulação." ends with a full stop']);
  });

  it('a placeholder with "to be confirmed" in its words, or in the words the site adds', () => {
    const copy = mutate((c) => {
      const participants = doc(c, 'session-introduccion').participants as Rec[];
      Object.assign(field(participants[0], 'placeholder'), { es: 'Experta/o por confirmar', en: 'Expert (TBC)', pt: 'Especialista a confirmar' });
    });
    expect(placeholdersSayingToBeConfirmed(copy, strings)).toHaveLength(3);
    expect(placeholdersSayingToBeConfirmed(docs, withString('en', 'session.toBeConfirmed', 'invited'))).toEqual([
      'session-mesa-de-reflexion-1.participants[4].placeholder.en: "Invited expert" already says "invited"',
    ]);
  });

  it('a second spelling of COVID-19, in the dataset or the interface', () => {
    expect(covidSpellings(docs, withString('pt', 'site.fallbackNote', 'Covid-19'))).toHaveLength(1);
    expect(covidSpellings(docs, withString('pt', 'site.fallbackNote', 'COVID-19'))).toEqual([]);
    const copy = mutate((c) => {
      const note = doc(c, 'conceptNote').sections as Rec[];
      const block = (field(note[0], 'body').en as Rec[])[2] as Rec;
      const span = (block.children as Rec[])[0] as Rec;
      span.text = str(span.text).replace('COVID-19', 'Covid-19');
    });
    const [problem, ...others] = covidSpellings(copy, strings);
    expect(others).toEqual([]);
    expect(problem).toMatch(/^en: /);
    expect(problem).toContain('"Covid-19" (conceptNote.sections[0].body[2].en)');
    expect(problem).toContain('"COVID-19"');
  });

  it('the European progressive, but not Brazilian "a + noun" or "estar a par"', () => {
    expect(europeanPortugueseProgressive(docs, withString('pt', 'speakers.unconfirmed', 'Outras intervenções ainda estão a confirmar.'))).toEqual([
      'site/i18n/pt.json speakers.unconfirmed: "estão a confirmar"',
    ]);
    expect(
      europeanPortugueseProgressive(docs, withString('pt', 'speakers.unconfirmed', 'A oficina está a cargo de um(a) especialista, que está a par.')),
    ).toEqual([]);
  });

  it('a value copied from Spanish, unless listed', () => {
    const copy = mutate((c) => {
      Object.assign(field(doc(c, 'institution-segeplan'), 'name'), { en: 'Secretaría de Planificación y Programación de la Presidencia' });
    });
    expect(untranslatedCopies(copy)).toEqual(['institution-segeplan.name: es and en are both "Secretaría de Planificación y Programación de la Presidencia"']);
    expect(untranslatedCopies(docs, {}).length).toBeGreaterThan(0);
  });

  it('a replaced term, but a Spanish one only in the interface', () => {
    expect(replacedTerms(docs, withString('pt', 'nav.myProgramme', 'Meu programa'))).toEqual([
      'site/i18n/pt.json nav.myProgramme: "Meu programa" — use "Minha programação"',
    ]);
    expect(replacedTerms(docs, withString('en', 'modality.virtual', 'Online'))).toHaveLength(1);
    // the organisers' own "conformar redes" stays in the Spanish dataset; the interface may not say "añadir"
    expect(localisedValues(docs).some((v) => /conformar/.test(v.texts.es))).toBe(true);
    expect(replacedTerms(docs, withString('es', 'calendar.add', 'Añadir al calendario'))).toHaveLength(1);
  });
});
