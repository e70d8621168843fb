import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildRun, removeOutDir, runBuild, tempOutDir } from '../support/build';
import { pageDocument, readableText } from '../support/dist';
import { readNdjson } from '../support/ndjson';

/**
 * The same programme organised from Madrid, shown also in Brazil and Mexico: nothing about
 * Guatemala or Peru may be left in the texts, and every time follows the IANA rules of those zones
 * (Madrid UTC+1 and Mexico City UTC−6 after 25 Oct 2020, São Paulo UTC−3).
 */
function madridDataset(file: string): void {
  const docs = readNdjson().map((doc) => {
    const copy = structuredClone(doc) as Record<string, unknown>;
    if (doc._type === 'event') {
      copy.timeZone = 'Europe/Madrid';
      copy.secondaryTimeZones = ['America/Sao_Paulo', 'America/Mexico_City'];
    }
    // 00:30 in Madrid on 28 Oct is still 27 Oct in Mexico City (17:30).
    if (doc._id === 'session-objetivos-y-metodologia-del-taller') Object.assign(copy, { start: '00:30', end: '00:40' });
    return copy;
  });
  writeFileSync(file, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
}

const lines = (dist: string, page: string, session: string) =>
  [...pageDocument(page, dist).querySelectorAll(`[data-session="${session}"] .times p:not([data-chosen])`)].map((p) => readableText(p).trim());

describe('an event organised in another zone', () => {
  let run: BuildRun;
  beforeAll(async () => {
    const outDir = tempOutDir('zones');
    const dataset = path.join(path.dirname(outDir), 'madrid.ndjson');
    madridDataset(dataset);
    run = await runBuild({ outDir, env: { CONTENT_DATASET_FILE: dataset } });
    if (run.code !== 0) throw new Error(`build failed:\n${run.output}`);
  });
  afterAll(() => removeOutDir(run.outDir));

  it('shows each time in the event zone first, then the secondary zones, with their real offsets', () => {
    expect(lines(run.outDir, '/programa/', 'session-inauguracion')).toEqual([
      '9:00 – 9:20 Hora de España (UTC+1)',
      '5:00 – 5:20 Hora de Brasil (UTC−3)',
      '2:00 – 2:20 Hora de México (UTC−6)',
    ]);
    const opening = pageDocument('/programa/', run.outDir).querySelector('[data-session="session-inauguracion"] time');
    expect(opening?.getAttribute('datetime')).toBe('2020-10-26T08:00:00Z');
  });

  it('says so when a zone is on another calendar day', () => {
    const [madrid, , mexico] = lines(run.outDir, '/en/programme/', 'session-objetivos-y-metodologia-del-taller');
    expect(madrid).toBe('0:30 – 0:40 Spain time (UTC+1)');
    expect(mexico).toMatch(/^17:30 – 17:40 Mexico time \(UTC−6\) · Tue,? 27 Oct/);
  });

  it('names the event zones, not Guatemala and Peru, in the texts about times', () => {
    const doc = pageDocument('/programa/', run.outDir);
    expect(doc.querySelector('#zone-picker-select option[value=""]')?.textContent).toBe('Solo España, Brasil y México');
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toContain('España, Brasil y México');
    const main = doc.querySelector('main')!.cloneNode(true) as HTMLElement;
    for (const el of main.querySelectorAll('.zone-picker, table')) el.remove();
    expect(readableText(main)).not.toMatch(/Guatemala|Perú/);
  });
});
