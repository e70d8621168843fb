/**
 * The Sanity schema of the microsite: the contract with the site is `docs/content-model.md`.
 * One type per file; the pure rules they use live in `content-models/validation/`.
 */
import type { SchemaTypeDefinition } from 'sanity';
import { asyncActivity } from './documents/asyncActivity';
import { institution } from './documents/institution';
import { session } from './documents/session';
import { speaker } from './documents/speaker';
import { blockContent } from './objects/blockContent';
import { conceptNoteSection } from './objects/conceptNoteSection';
import { eventDay } from './objects/eventDay';
import { languageChannel } from './objects/languageChannel';
import { languageSupport } from './objects/languageSupport';
import { link } from './objects/link';
import { localeBlockContent } from './objects/localeBlockContent';
import { localeString } from './objects/localeString';
import { localeText } from './objects/localeText';
import { recording } from './objects/recording';
import { sessionMaterial } from './objects/sessionMaterial';
import { sessionParticipant } from './objects/sessionParticipant';
import { workshopProduct } from './objects/workshopProduct';
import { conceptNote } from './singletons/conceptNote';
import { event } from './singletons/event';
import { report } from './singletons/report';
import { workshopProducts } from './singletons/workshopProducts';

export { SINGLETON_TYPES, type SingletonType, STUDIO_API_VERSION } from './lib/constants';

export const schemaTypes: SchemaTypeDefinition[] = [
  // Singletons
  event,
  conceptNote,
  report,
  workshopProducts,
  // Documents
  session,
  speaker,
  institution,
  asyncActivity,
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
  sessionMaterial,
  workshopProduct,
  languageChannel,
  recording,
];
