/**
 * Names and values the schema, the Studio configuration and the tests share.
 */
import { defaultLang, locales } from '../../locales';

/** Singleton documents: one of each, edited at a fixed id equal to the type name. */
export const SINGLETON_TYPES = ['event', 'conceptNote', 'report', 'workshopProducts'] as const;
export type SingletonType = (typeof SINGLETON_TYPES)[number];

/** The API version of every query the Studio runs itself (validation, structure). */
export const STUDIO_API_VERSION = '2025-01-01';

/**
 * The event's reference zone, used where the event document cannot be read: document previews
 * (they only see the previewed document) and validation when the Content Lake cannot be reached.
 * It must match the `timeZone` of the `event` document.
 */
export const FALLBACK_EVENT_TIME_ZONE = 'America/Guatemala';

/** The site's languages as translation fields (content-models/locales.ts); the source language is required. */
export const LANGUAGES = locales.map((l) => ({ id: l.id, title: l.studioTitle, required: l.id === defaultLang }));
