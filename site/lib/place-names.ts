import type { CountryCode } from '../../content-models/countries';
import type { Lang } from '../../content-models/locales';
import { t } from '../i18n';
import { conjunctionList } from './intl-memo';
import { zoneLabel, zoneNamers } from './time-display';

/**
 * Articles that country names take after a preposition ("Horário da Guatemala", "do Peru",
 * "de Portugal"; "Hora de la República Dominicana"). English takes none. Cities never take one
 * ("Horário de Manaus"), so a zone that is not a member country's falls back to the plain pattern.
 *
 * Portuguese follows Brazilian usage, as the translations do: Andorra, Cuba, El Salvador, Honduras
 * and Portugal go without article.
 */
type Article = 'feminine' | 'masculine' | null;

const articles: Record<CountryCode, Partial<Record<Lang, Article>>> = {
  AD: { es: null, pt: null },
  AR: { es: null, pt: 'feminine' },
  BO: { es: null, pt: 'feminine' },
  BR: { es: null, pt: 'masculine' },
  CL: { es: null, pt: 'masculine' },
  CO: { es: null, pt: 'feminine' },
  CR: { es: null, pt: 'feminine' },
  CU: { es: null, pt: null },
  EC: { es: null, pt: 'masculine' },
  SV: { es: null, pt: null },
  ES: { es: null, pt: 'feminine' },
  GT: { es: null, pt: 'feminine' },
  HN: { es: null, pt: null },
  MX: { es: null, pt: 'masculine' },
  NI: { es: null, pt: 'feminine' },
  PA: { es: null, pt: 'masculine' },
  PY: { es: null, pt: 'masculine' },
  PE: { es: null, pt: 'masculine' },
  PT: { es: null, pt: null },
  DO: { es: 'feminine', pt: 'feminine' },
  UY: { es: null, pt: 'masculine' },
};

/**
 * The article a zone's name takes in `lang`: the member country's whose zone it is, else none.
 * @example zoneArticle('America/Lima', 'pt') // 'masculine'
 * @example zoneArticle('America/Manaus', 'pt') // 'masculine' (Brasil)
 * @example zoneArticle('Asia/Tokyo', 'pt') // null
 */
export function zoneArticle(zone: string, lang: Lang): Article {
  // Any zone of a member country, aliases included: "Horário do Brasil (Manaus)" names the country first.
  const code = zoneNamers[lang].country(zone) as CountryCode | null;
  // English, and any language added later without a column here, takes no article.
  return code ? (articles[code][lang] ?? null) : null;
}

/**
 * "Guatemala time" in the page's language, with the article the country takes.
 * @example zoneTimeLabel('America/Guatemala', 'pt') // 'Horário da Guatemala'
 * @example zoneTimeLabel('Europe/Lisbon', 'pt') // 'Horário de Portugal'
 */
export function zoneTimeLabel(zone: string, lang: Lang): string {
  const name = zoneLabel(zone, lang);
  switch (zoneArticle(zone, lang)) {
    case 'feminine':
      return t(lang, 'time.zoneLabelFeminine', { zone: name });
    case 'masculine':
      return t(lang, 'time.zoneLabelMasculine', { zone: name });
    default:
      return t(lang, 'time.zoneLabel', { zone: name });
  }
}

/**
 * Several zones' names as they follow "la hora de" / "no horário" / "… time" in a sentence: the
 * country names with their article, and in Portuguese with the preposition too, because there it
 * contracts with the article ("da Guatemala e do Peru"), so the pt sentences end in "horário".
 * @example zonesInSentence(['America/Guatemala', 'America/Lima'], 'pt') // 'da Guatemala e do Peru'
 * @example zonesInSentence(['America/Guatemala', 'America/Santo_Domingo'], 'es') // 'Guatemala y la República Dominicana'
 */
export function zonesInSentence(zones: string[], lang: Lang): string {
  const places = zones.map((zone) => {
    const name = zoneLabel(zone, lang);
    switch (zoneArticle(zone, lang)) {
      case 'feminine':
        return t(lang, 'time.placeFeminine', { zone: name });
      case 'masculine':
        return t(lang, 'time.placeMasculine', { zone: name });
      default:
        return t(lang, 'time.place', { zone: name });
    }
  });
  return conjunctionList(lang).format(places);
}
