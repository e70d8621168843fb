import type { Lang } from './locales';
import { TRANSLATABLE_FIELDS, TRANSLATION_LANGUAGES } from './translations';

/**
 * Every GROQ query the site runs. Values arrive as `$params`, never interpolated; the only string
 * composition is of fixed projection fragments below, so the query text is the same on every build.
 *
 * Translatable fields are resolved here and nowhere else: `title${localised}` yields
 * `{ text, lang }` where `text` is the requested language or, when that is missing or empty, the
 * Spanish source, and `lang` says which one was used so the page can mark fallbacks `lang="es"`.
 */

/**
 * Projection of a translatable string/text value (applied to the field, so `@` is the value):
 * `{ text, lang }`, the requested language or, when it is missing or empty, the Spanish source.
 */
const localised = /* groq */ `{
    "text": coalesce(select(length(@[$lang]) > 0 => @[$lang]), @.es),
    "lang": select(length(@[$lang]) > 0 => $lang, defined(@.es) => "es")
  }`;

/** Projection of a translatable Portable Text value: `{ blocks, lang }`, same fallback rule. */
const localisedBlocks = /* groq */ `{
    "blocks": coalesce(select(count(@[$lang]) > 0 => @[$lang]), @.es),
    "lang": select(count(@[$lang]) > 0 => $lang, defined(@.es) => "es")
  }`;

const published = /* groq */ `!(_id in path("drafts.**"))`;

const logoFields = /* groq */ `select(defined(logo.asset) => {
    "url": logo.asset->url,
    "width": logo.asset->metadata.dimensions.width,
    "height": logo.asset->metadata.dimensions.height
  })`;

const institutionFields = /* groq */ `
  _id,
  "name": name${localised},
  acronym,
  country,
  kind,
  "logo": ${logoFields}
`;

/**
 * Issue #20: an uploaded file (a material, a product's document), as a Content Lake asset (`ref`,
 * its CDN `url`, size and type) or, in an export, the local file `_sanityAsset` names (`local`).
 */
const fileFields = /* groq */ `select(defined(file.asset) || defined(file._sanityAsset) => {
    "ref": file.asset._ref,
    "url": file.asset->url,
    "size": file.asset->size,
    "mimeType": file.asset->mimeType,
    "extension": file.asset->extension,
    "local": file._sanityAsset
  })`;

const materialFields = /* groq */ `
  _key,
  "title": title${localised},
  url,
  "file": ${fileFields}
`;

const linkFields = /* groq */ `
  _key,
  kind,
  url,
  "label": label${localised}
`;

const speakerFields = /* groq */ `
  _id,
  name,
  "slug": slug.current,
  "position": position${localised},
  country,
  "institutionRef": institution._ref,
  "institution": institution->{${institutionFields}},
  "photo": select(defined(photo.asset) || defined(photo._sanityAsset) => {
    "ref": photo.asset._ref,
    "url": photo.asset->url,
    "file": photo._sanityAsset,
    "crop": photo.crop{ top, bottom, left, right },
    "hotspot": photo.hotspot{ x, y, width, height },
    "alt": photo.alt${localised}
  }),
  "bio": bio${localisedBlocks}
`;

/**
 * The whole site for one language in one request: the event, the agenda, speakers, institutions,
 * the concept note and (issue #20) the report, the workshop's products and the asynchronous activities. Drafts are excluded here as well as by the client's `published`
 * perspective, because an NDJSON export may contain them.
 */
export const siteQuery = compactGroq(/* groq */ `{
  "event": *[_type == "event" && ${published}] | order(_updatedAt desc)[0]{
    _id,
    "name": name${localised},
    "shortName": shortName${localised},
    "kicker": kicker${localised},
    timeZone,
    secondaryTimeZones,
    modality,
    "logo": ${logoFields},
    "organizerRef": organizer._ref,
    "organizer": organizer->{${institutionFields}},
    "summary": summary${localised},
    "audience": audience${localised},
    "accessRules": accessRules${localised},
    "status": coalesce(status, "tentative"),
    "days": days[]{ _key, date, access, "title": title${localised}, "joinInfo": joinInfo${localised} },
    "links": links[]{${linkFields}},
    accessibilityContact,
    "accessibilityIntro": accessibilityIntro${localisedBlocks}
  },
  "sessions": *[_type == "session" && ${published}] | order(date asc, order asc){
    _id,
    _updatedAt,
    "title": title${localised},
    "slug": slug.current,
    date,
    start,
    end,
    "endsNextDay": endsNextDay == true,
    timeZone,
    kind,
    access,
    order,
    language,
    "languageSupport": languageSupport[]{ kind, language, signLanguage },
    "channels": channels[]{ _key, language, url, "label": label${localised} },
    "objective": objective${localised},
    "description": description${localisedBlocks},
    "questions": questions[]${localised},
    "participants": participants[]{
      _key,
      role,
      "speakerRef": speaker._ref,
      "speaker": speaker->{ _id, name, "slug": slug.current },
      "placeholder": placeholder${localised},
      "topic": topic${localised}
    },
    "links": links[]{${linkFields}},
    "materials": materials[]{${materialFields}},
    "recordings": recordings[]{ _key, url, "title": title${localised}, language },
    qaUrl,
    feedbackUrl
  },
  "speakers": *[_type == "speaker" && ${published}] | order(name asc){${speakerFields}},
  "conceptNote": *[_type == "conceptNote" && ${published}] | order(_updatedAt desc)[0]{
    _id,
    "title": title${localised},
    "sections": sections[]{
      _key,
      anchor,
      "heading": heading${localised},
      "body": body${localisedBlocks}
    }
  },
  "report": *[_type == "report" && ${published}] | order(_updatedAt desc)[0]{ _id, "body": body${localisedBlocks} },
  "products": *[_type == "workshopProducts" && ${published}] | order(_updatedAt desc)[0]{
    _id,
    "items": items[]{ _key, "title": title${localised}, status, "body": body${localisedBlocks}, url, "file": ${fileFields} }
  },
  "asyncActivities": *[_type == "asyncActivity" && ${published}] | order(order asc, _id asc){
    _id,
    "title": title${localised},
    "description": description${localised},
    startDate,
    endDate,
    afterDay,
    url,
    order
  }
}`);

/**
 * The query without the layout whitespace, a third shorter on the wire. (The Content Lake client sends
 * a query by GET while its encoded URL stays under 11 264 characters and by POST past that; the site
 * query with all of issue #20's fields is past it, which costs nothing: builds read with useCdn false,
 * so there is no CDN cache to miss.) No string in these queries holds whitespace or punctuation whose
 * spacing matters, so dropping every space that does not separate two words keeps the meaning.
 * @example compactGroq('{ "a": b in path("x") }') // '{"a":b in path("x")}'
 */
function compactGroq(query: string): string {
  // A `//` comment would swallow the rest of the one line.
  if (query.includes('//')) throw new Error('compactGroq: a GROQ comment in the query would end only at its end');
  return query
    .replace(/\s+/g, ' ')
    .replace(/ ?([^\w$@ ]) ?/g, '$1')
    .trim();
}

/** Parameters of {@link siteQuery}. */
export interface SiteQueryParams {
  lang: Lang;
}

/**
 * The Studio's «Traducciones pendientes» list: documents (drafts included, as the Studio shows
 * them) with an English or Portuguese field left empty where the Spanish is written.
 */
export const pendingTranslationsListFilter = pendingTranslationsFilter();

/**
 * What the Studio's private-link rules read besides the session: its day (from the event's draft
 * when there is one) and every join or stream address of the event and of the sessions.
 */
export const sessionLinkRulesQuery = /* groq */ `{
  "day": coalesce(*[_id == "drafts.event"][0], *[_id == "event"][0]).days[date == $date][0]{ date, access, "title": title.es },
  "eventUrls": coalesce(*[_id == "drafts.event"][0], *[_id == "event"][0]).links[kind in ["join", "stream"]].url,
  "sessionUrls": *[_type == "session" && (defined(links) || defined(channels))]{ "urls": [...coalesce(links[kind in ["join", "stream"]].url, []), ...coalesce(channels[].url, [])] }.urls
}`;

// The Studio's own queries: they read drafts too (`raw` perspective), since editors work on them.

/** The event's days, from the draft if there is one. */
export const eventDaysQuery = /* groq */ `coalesce(*[_id == "drafts.event"][0].days, *[_id == "event"][0].days)[defined(date)]{
  date,
  "title": title.es,
  access
}`;

/**
 * Everything the session rules read from other documents, in one request. Drafts are read too
 * (`raw` perspective), since editors validate against what they are editing; the rules keep the
 * draft of each session over its published version. Release versions are left out.
 */
export const sessionRulesQuery = /* groq */ `{
  "eventTimeZone": coalesce(*[_id == "drafts.event"][0].timeZone, *[_id == "event"][0].timeZone),
  "eventDays": coalesce(*[_id == "drafts.event"][0].days[].date, *[_id == "event"][0].days[].date),
  "sessions": *[_type == "session" && date == $date && !(_id in path("versions.**"))]{
    _id,
    "title": coalesce(title.es, ""),
    "date": coalesce(date, ""),
    "start": coalesce(start, ""),
    "end": coalesce(end, ""),
    timeZone,
    order,
    endsNextDay
  }
}`;

/** GROQ condition, on the value `v` of a translatable field, "Spanish is written, one translation is not". */
function pendingAt(v: string, blocks: boolean): string {
  // `coalesce` first: a comparison with a missing value is null in GROQ, which a filter drops.
  const missing = (lang: string) => (blocks ? `count(coalesce(${v}.${lang}, [])) == 0` : `coalesce(${v}.${lang}, "") == ""`);
  const source = blocks ? `count(coalesce(${v}.es, [])) > 0` : `coalesce(${v}.es, "") != ""`;
  return `(${source} && (${TRANSLATION_LANGUAGES.map(missing).join(' || ')}))`;
}

/**
 * The GROQ filter of documents with at least one empty English or Portuguese field whose Spanish
 * is written. Made only from the fixed list above, so the text is the same on every run.
 */
export function pendingTranslationsFilter(): string {
  const perType = Object.entries(TRANSLATABLE_FIELDS).map(([type, fields]) => {
    const conditions = fields.map(({ path, blocks = false }) => {
      const [list, rest] = path.split('[]');
      if (rest === undefined) return pendingAt(path, blocks);
      // `questions[]`: the item itself; `days[].title`: a field of each item.
      const item = rest === '' ? '@' : rest.replace(/^\./u, '');
      return `count(${list}[${pendingAt(item, blocks)}]) > 0`;
    });
    return `(_type == "${type}" && (${conditions.join(' || ')}))`;
  });
  return perType.join(' || ');
}
