/**
 * The Sanity schema of the microsite: the contract with the site is `docs/content-model.md`.
 * One type per file; the pure rules they use live in `content-models/validation/`.
 */
import type { SchemaTypeDefinition } from 'sanity';
import { institution } from './documents/institution';
import { session } from './documents/session';
import { speaker } from './documents/speaker';
import { blockContent } from './objects/blockContent';
import { conceptNoteSection } from './objects/conceptNoteSection';
import { eventDay } from './objects/eventDay';
import { languageSupport } from './objects/languageSupport';
import { link } from './objects/link';
import { localeBlockContent } from './objects/localeBlockContent';
import { localeString } from './objects/localeString';
import { localeText } from './objects/localeText';
import { recording } from './objects/recording';
import { sessionParticipant } from './objects/sessionParticipant';
import { conceptNote } from './singletons/conceptNote';
import { event } from './singletons/event';

export { SINGLETON_TYPES, type SingletonType, STUDIO_API_VERSION } from './lib/constants';

export const schemaTypes: SchemaTypeDefinition[] = [
  // Singletons
  event,
  conceptNote,
  // Documents
  session,
  speaker,
  institution,
  // Objects
  localeString,
  localeText,
  localeBlockContent,
  blockContent,
  sessionParticipant,
  link,
  eventDay,
  conceptNoteSection,
  languageSupport,
  recording,
];
