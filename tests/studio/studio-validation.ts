import { type DocumentValidationMarker, type ValidationSource, validateDocumentWithWorkspace } from '@sanity/validation';
import { createSchema, type SanityDocument } from 'sanity';
import { schemaTypes } from '../../content-models/schema';
import { createFakeLake, type FakeLake } from './fakeClient';

/** The project's schema, compiled as the Studio compiles it. */
export const schema = createSchema({ name: 'test', types: schemaTypes });

/**
 * Validates one document the way the Studio does (`environment: 'studio'`: in CLI mode some
 * object-level rules are reported as warnings), with `documents` as the Content Lake. `i18n` is left
 * out: validation then uses its built-in English strings, as `validateDocument` does.
 */
export function validateInStudio(
  document: SanityDocument,
  documents: readonly SanityDocument[],
  lake: FakeLake = createFakeLake(documents),
): Promise<DocumentValidationMarker[]> {
  const getClient = (({ apiVersion }: { apiVersion: string }) => lake.client.withConfig({ apiVersion })) as unknown as ValidationSource['getClient'];
  return validateDocumentWithWorkspace({
    document,
    workspace: { schema, getClient } as unknown as ValidationSource,
    getDocumentExists: lake.getDocumentExists,
    environment: 'studio',
  });
}
