import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildRun, removeOutDir, runBuild, tempOutDir } from '../support/build';
import { pageDocument } from '../support/dist';
import { readNdjson } from '../support/ndjson';

const REGISTRATION = 'https://example.org/inscripcion';
const STREAM = 'https://example.org/directo';
const JOIN = 'https://meet.example.org/mesa-1';
const MATERIAL = 'https://example.org/material.pdf';

/** The seed with event links for the public day, a join link on a public session and material on a private one. */
function datasetWithLinks(file: string): void {
  const docs = readNdjson().map((doc) => {
    const copy = structuredClone(doc) as Record<string, unknown>;
    if (doc._type === 'event') {
      copy.links = [
        { _key: 'r', _type: 'link', kind: 'registration', url: REGISTRATION },
        { _key: 's', _type: 'link', kind: 'stream', url: STREAM },
      ];
    }
    if (doc._id === 'session-mesa-de-reflexion-1') copy.links = [{ _key: 'j', _type: 'link', kind: 'join', url: JOIN }];
    if (doc._id === 'session-espacio-interactivo-1') copy.links = [{ _key: 'm', _type: 'link', kind: 'material', url: MATERIAL }];
    return copy;
  });
  writeFileSync(file, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
}

// The home page's live rows (each public session's join or stream link, shown only while it runs) are left out.
const hrefs = (dist: string, page: string) =>
  [...pageDocument(page, dist).querySelectorAll('main a[href^="https://example"], main a[href^="https://meet"]')]
    .filter((a) => !a.closest('.live-list'))
    .map((a) => a.getAttribute('href'));

describe('links entered by the organisers', () => {
  let run: BuildRun;
  beforeAll(async () => {
    const outDir = tempOutDir('links');
    const dataset = path.join(path.dirname(outDir), 'links.ndjson');
    datasetWithLinks(dataset);
    run = await runBuild({ outDir, env: { CONTENT_DATASET_FILE: dataset } });
    if (run.code !== 0) throw new Error(`build failed:\n${run.output}`);
  });
  afterAll(() => removeOutDir(run.outDir));

  it('offers registration and the live stream on the home page when a day is public', () => {
    expect(hrefs(run.outDir, '/')).toEqual([REGISTRATION, STREAM]);
    expect(hrefs(run.outDir, '/en/')).toEqual([REGISTRATION, STREAM]);
  });

  it("shows a public session's join link with the event's registration and stream", () => {
    expect(hrefs(run.outDir, '/programa/mesa-de-reflexion-1/')).toEqual([JOIN, REGISTRATION, STREAM]);
  });

  it('never shows a live link on a participants-only session, only its material', () => {
    expect(hrefs(run.outDir, '/programa/espacio-interactivo-1/')).toEqual([MATERIAL]);
  });
});
