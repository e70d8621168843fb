import { fileURLToPath } from 'node:url';
import type { SanityDocument } from 'sanity';
import { describe, expect, it } from 'vitest';
import { readNdjson } from '../../content-models/ndjson';
import { validateInStudio } from './studio-validation';

const seedPath = fileURLToPath(new URL('../../studio/seed/production.ndjson', import.meta.url));
const seed = readNdjson(seedPath) as SanityDocument[];

/** Validates a document of the seed the way the Studio does, with the whole seed as the Content Lake. */
async function studioMarkers(document: SanityDocument, documents: SanityDocument[] = seed) {
  const markers = await validateInStudio(document, documents);
  return markers.map((marker) => ({ id: document._id, level: marker.level, path: marker.path.map(String).join('.'), message: marker.message }));
}

describe('the embedded dataset (studio/seed/production.ndjson)', () => {
  it('publishes without errors, and its only warnings are the overlap of the two Mesas de reflexión', async () => {
    const markers = (await Promise.all(seed.map((document) => studioMarkers(document)))).flat();
    expect(markers.filter((marker) => marker.level === 'error')).toEqual([]);
    const warnings = markers.filter((marker) => marker.level === 'warning');
    expect(warnings.map((warning) => `${warning.id} ${warning.path}`).sort()).toEqual([
      'session-mesa-de-reflexion-1 start',
      'session-mesa-de-reflexion-2 start',
    ]);
    expect(warnings.find((warning) => warning.id === 'session-mesa-de-reflexion-1')?.message).toContain('«Mesa de reflexión 2');
    expect(warnings.find((warning) => warning.id === 'session-mesa-de-reflexion-2')?.message).toContain('«Mesa de reflexión 1');
  });

  it('flags its introduction as out of order when read literally as Peru time', async () => {
    const introduction = seed.find((document) => document._id === 'session-introduccion');
    if (!introduction) throw new Error('the seed has no session-introduccion');
    const literal = { ...introduction, timeZone: 'America/Lima' };
    const markers = await studioMarkers(literal, [...seed.filter((document) => document._id !== literal._id), literal]);
    expect(markers).toContainEqual(
      expect.objectContaining({ level: 'error', path: 'start', message: expect.stringContaining('va después de «Inauguración del encuentro»') }),
    );
  });
});
