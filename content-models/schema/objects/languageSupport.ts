import { TranslateIcon } from '@sanity/icons/Translate';
import { defineType } from 'sanity';
import { LANGUAGE_SUPPORT_KINDS } from '../../validation/languages';
import { choiceField } from '../lib/fields';
import { languageOptions } from '../lib/options';

const kindTitles = { interpretation: 'Interpretación simultánea', captions: 'Subtítulos' } as const;

/** Interpretation or captions offered in a session, e.g. interpretation into Portuguese. */
export const languageSupport = defineType({
  name: 'languageSupport',
  title: 'Apoyo lingüístico',
  type: 'object',
  icon: TranslateIcon,
  fields: [
    choiceField({
      name: 'kind',
      title: 'Tipo',
      description: 'Interpretación simultánea (una persona traduce en directo) o subtítulos.',
      list: LANGUAGE_SUPPORT_KINDS.map((value) => ({ value, title: kindTitles[value] })),
      radio: true,
      required: 'Elige si es interpretación o subtítulos.',
    }),
    choiceField({
      name: 'language',
      title: 'Idioma',
      description: 'El idioma al que se interpreta o en el que están los subtítulos.',
      list: languageOptions,
      required: 'Elige el idioma.',
    }),
  ],
  preview: {
    select: { kind: 'kind', language: 'language' },
    prepare: ({ kind, language }: { kind?: keyof typeof kindTitles; language?: string }) => ({
      title: `${kind ? kindTitles[kind] : 'Apoyo lingüístico'}${language ? ` · ${languageOptions.find((o) => o.value === language)?.title ?? language}` : ''}`,
    }),
  },
});
