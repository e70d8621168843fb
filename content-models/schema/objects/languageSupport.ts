import { TranslateIcon } from '@sanity/icons/Translate';
import { defineType } from 'sanity';
import { LANGUAGE_SUPPORT_KINDS } from '../../validation/languages';
import { choiceField } from '../lib/fields';
import { languageOptions, signLanguageOptions, signLanguageTitle } from '../lib/options';

const kindTitles = { interpretation: 'Interpretación simultánea', captions: 'Subtítulos', signLanguage: 'Lengua de señas' } as const;

type Parent = { kind?: string } | undefined;

/** Interpretation, captions or sign language offered in a session, e.g. interpretation into Portuguese or Libras. */
export const languageSupport = defineType({
  name: 'languageSupport',
  title: 'Apoyo lingüístico',
  type: 'object',
  icon: TranslateIcon,
  fields: [
    choiceField({
      name: 'kind',
      title: 'Tipo',
      description: 'Interpretación simultánea (una persona traduce en directo), subtítulos o interpretación a una lengua de señas.',
      list: LANGUAGE_SUPPORT_KINDS.map((value) => ({ value, title: kindTitles[value] })),
      radio: true,
      required: 'Elige si es interpretación, subtítulos o lengua de señas.',
    }),
    {
      ...choiceField({
        name: 'language',
        title: 'Idioma',
        description: 'El idioma al que se interpreta o en el que están los subtítulos.',
        list: languageOptions,
      }),
      hidden: ({ parent }: { parent?: Parent }) => parent?.kind === 'signLanguage',
    },
    {
      ...choiceField({
        name: 'signLanguage',
        title: 'Lengua de señas',
        description: 'La lengua de señas a la que se interpreta: la de un país miembro, la catalana o las Señas Internacionales.',
        list: signLanguageOptions,
      }),
      hidden: ({ parent }: { parent?: Parent }) => parent?.kind !== 'signLanguage',
    },
  ],
  preview: {
    select: { kind: 'kind', language: 'language', signLanguage: 'signLanguage' },
    prepare: ({ kind, language, signLanguage }: { kind?: keyof typeof kindTitles; language?: string; signLanguage?: string }) => {
      const which = kind === 'signLanguage' ? signLanguageTitle(signLanguage) : languageOptions.find((o) => o.value === language)?.title;
      return { title: `${kind ? kindTitles[kind] : 'Apoyo lingüístico'}${which ? ` · ${which}` : ''}` };
    },
  },
});
