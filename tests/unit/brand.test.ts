import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brandOf } from '../../site/lib/brand';
import { loadSite } from '../../site/lib/content/load';
import { ndjsonSource } from '../../site/lib/content/source';
import { peopleLine } from '../../site/lib/people-line';
import { type Doc, readNdjson, seedDatasetFile } from '../support/ndjson';

/** The seed with some documents changed and assets added, written where groq-js can read it. */
function datasetFile(change: (docs: Doc[]) => Doc[]): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'brand-')), 'data.ndjson');
  writeFileSync(
    file,
    change(readNdjson())
      .map((d) => JSON.stringify(d))
      .join('\n'),
  );
  return file;
}

const asset = (id: string, url: string, width: number, height: number): Doc => ({
  _id: id,
  _type: 'sanity.imageAsset',
  url,
  metadata: { _type: 'sanity.imageMetadata', dimensions: { _type: 'sanity.imageDimensions', width, height } },
});
const withLogo = (doc: Doc, ref: string): Doc => ({ ...doc, logo: { _type: 'image', asset: { _type: 'reference', _ref: ref } } });

describe('the site identity (brandOf)', () => {
  it('is a wordmark of the organiser acronym and the short name when there is no logo (the seed)', async () => {
    const site = await loadSite('pt', ndjsonSource(seedDatasetFile));
    expect(brandOf(site)).toEqual({ logo: null, mark: 'PIFCSS', name: 'Seminário-Oficina CSS' });
  });

  it("uses the event's logo before the organiser's, scaled to 40 px high, through the real query", async () => {
    const file = datasetFile((docs) => [
      ...docs.map((d) => (d._id === 'event' ? withLogo(d, 'image-event') : d._id === 'institution-pifcss' ? withLogo(d, 'image-org') : d)),
      asset('image-event', 'https://cdn.sanity.io/images/p/production/event-300x100.svg', 300, 100),
      asset('image-org', 'https://cdn.sanity.io/images/p/production/org-80x80.png', 80, 80),
    ]);
    const site = await loadSite('es', ndjsonSource(file));
    expect(brandOf(site).logo).toEqual({ url: 'https://cdn.sanity.io/images/p/production/event-300x100.svg', width: 120, height: 40 });
    const orgOnly = datasetFile((docs) => [
      ...docs.map((d) => (d._id === 'institution-pifcss' ? withLogo(d, 'image-org') : d)),
      asset('image-org', 'https://cdn.sanity.io/images/p/production/org-80x80.png', 80, 80),
    ]);
    expect(brandOf(await loadSite('es', ndjsonSource(orgOnly))).logo?.url).toBe('https://cdn.sanity.io/images/p/production/org-80x80.png');
  });

  it('falls back to the wordmark for a logo the page may not load (a local file, another host)', async () => {
    const file = datasetFile((docs) => [
      ...docs.map((d) => (d._id === 'event' ? withLogo(d, 'image-elsewhere') : d)),
      asset('image-elsewhere', 'https://evil.example/logo.svg"onload="alert(1)', 10, 10),
    ]);
    const brand = brandOf(await loadSite('es', ndjsonSource(file)));
    expect(brand.logo).toBeNull();
    expect(brand.mark).toBe('PIFCSS');
  });

  it('does not repeat an acronym the short name already starts with', () => {
    const event = { name: { text: 'PIFCSS 2020', lang: 'es' as const }, shortName: null, logo: null, organizer: { acronym: 'PIFCSS', logo: null } };
    expect(brandOf({ event } as unknown as Parameters<typeof brandOf>[0]).mark).toBeNull();
  });
});

describe('the people line of a compact card (peopleLine)', () => {
  it('names each speaker once with their acronym and counts the places to be confirmed', async () => {
    const site = await loadSite('es', ndjsonSource(seedDatasetFile));
    const mesa = site.sessions.find((s) => s.slug === 'mesa-de-reflexion-1')!;
    const line = peopleLine(mesa);
    const named = mesa.participants.filter((p) => p.speaker).map((p) => p.speaker!._id);
    expect(line.named.length).toBe(new Set(named).size);
    expect(line.toConfirm).toBe(mesa.participants.length - named.length);
    expect(line.toConfirm).toBeGreaterThan(0);
    const opening = site.sessions.find((s) => s.slug === 'inauguracion')!;
    const first = peopleLine(opening).named[0]!;
    expect(peopleLine(opening, opening.participants.find((p) => p.speaker)!.speaker!._id).named.map((p) => p.slug)).not.toContain(first.slug);
  });
});
