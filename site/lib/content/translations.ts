import type { Lang } from '../../../content-models/locales';

/** One document whose text falls back to Spanish in a language, with the fields that do. */
export interface PendingTranslation {
  documentId: string;
  fields: string[];
}

/**
 * The documents whose text in `lang` falls back to Spanish, read from the site query's answer:
 * every translatable value arrives as `{ text | blocks, lang }`, and a `lang` other than the one
 * asked for is a pending translation (the fields of content-models/translations.ts, as the Studio's
 * «Traducciones pendientes» list finds them). Values the document leaves empty in Spanish too come
 * back as null and are not counted.
 * @example pendingTranslations({ event: { _id: 'event', name: { text: 'Seminario', lang: 'es' } } }, 'en') // [{ documentId: 'event', fields: ['name'] }]
 */
export function pendingTranslations(result: unknown, lang: Lang): PendingTranslation[] {
  if (lang === 'es') return [];
  const found = new Map<string, Set<string>>();
  const visit = (value: unknown, documentId: string | undefined, path: string) => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, documentId, `${path}[${index}]`);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if (typeof object.lang === 'string' && ('text' in object || 'blocks' in object)) {
      if (object.lang !== lang && documentId) {
        const fields = found.get(documentId) ?? new Set<string>();
        fields.add(path.replace(/\[\d+\]/gu, '[]'));
        found.set(documentId, fields);
      }
      return;
    }
    const own = typeof object._id === 'string' ? object._id : undefined;
    for (const [key, child] of Object.entries(object)) {
      visit(child, own ?? documentId, own ? key : path ? `${path}.${key}` : key);
    }
  };
  visit(result, undefined, '');
  return [...found].map(([documentId, fields]) => ({ documentId, fields: [...fields] }));
}

/** One line for the build's log, or null when everything is translated. */
export function pendingTranslationsLine(result: unknown, lang: Lang): string | null {
  const pending = pendingTranslations(result, lang);
  if (pending.length === 0) return null;
  const list = pending.map((p) => `${p.documentId} (${p.fields.join(', ')})`).join('; ');
  return `Traducciones pendientes (${lang}): ${pending.length} documento${pending.length === 1 ? '' : 's'} se muestran en español en parte: ${list}. En el Studio: «Traducciones pendientes».`;
}
