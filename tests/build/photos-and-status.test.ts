import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagePath } from '../../content-models/routes';
import { type BuildRun, removeOutDir, runBuild, tempOutDir } from '../support/build';
import { pageDocument, readableText } from '../support/dist';
import { readNdjson } from '../support/ndjson';

/**
 * The seed as `sanity dataset export` would give it once editors add photos, a "how to join" text
 * and confirm the agenda: Rita Mishaan's photo is a local file beside data.ndjson (made here: red on
 * the left, blue on the right, hotspot on the blue), María Belén Bogado's a Content Lake image.
 */
const JOIN_TEXT = 'El enlace de Zoom se enviará el 27 de octubre a las personas inscritas.';
const LOCAL = 'c0ffee-600x300';
const LAKE_REF = 'image-beef01-1200x800-jpg';

async function exportedDataset(dir: string): Promise<string> {
  mkdirSync(path.join(dir, 'images'), { recursive: true });
  const half = (color: string) =>
    sharp({ create: { width: 300, height: 300, channels: 3, background: color } })
      .png()
      .toBuffer();
  await sharp({ create: { width: 600, height: 300, channels: 3, background: '#ff0000' } })
    .composite([{ input: await half('#0000ff'), left: 300, top: 0 }])
    .png()
    .toFile(path.join(dir, 'images', `${LOCAL}.png`));
  const docs = readNdjson().map((doc) => {
    const copy = structuredClone(doc) as Record<string, unknown>;
    if (doc._type === 'event') {
      copy.status = 'confirmed';
      copy.days = (copy.days as Record<string, unknown>[]).map((d) =>
        d.date === '2020-10-28' ? { ...d, joinInfo: { _type: 'localeText', es: JOIN_TEXT } } : d,
      );
    }
    const alt = (es: string) => ({ _type: 'localeString', es });
    if (doc._id === 'speaker-rita-mishaan') {
      copy.photo = {
        _type: 'image',
        _sanityAsset: `image@file://./images/${LOCAL}.png`,
        hotspot: { x: 0.8, y: 0.5, width: 0.1, height: 0.1 },
        alt: alt('Retrato de Rita Mishaan'),
      };
    }
    if (doc._id === 'speaker-maria-belen-bogado') {
      copy.photo = {
        _type: 'image',
        asset: { _type: 'reference', _ref: LAKE_REF },
        crop: { top: 0.1, bottom: 0, left: 0, right: 0.25 },
        alt: alt('Retrato de María Belén Bogado'),
      };
    }
    return copy;
  });
  docs.push({ _id: LAKE_REF, _type: 'sanity.imageAsset', url: 'https://cdn.sanity.io/images/abc123/production/beef01-1200x800.jpg' });
  const file = path.join(dir, 'data.ndjson');
  writeFileSync(file, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
  return file;
}

describe('an exported dataset with photos, a how-to-join text and a confirmed agenda', () => {
  let run: BuildRun;
  beforeAll(async () => {
    const outDir = tempOutDir('photos');
    const dataset = await exportedDataset(path.join(path.dirname(outDir), 'export'));
    run = await runBuild({ outDir, env: { CONTENT_DATASET_FILE: dataset } });
    if (run.code !== 0) throw new Error(`build failed:\n${run.output}`);
  }, 180_000);
  afterAll(() => removeOutDir(run.outDir));

  it('publishes a local photo at build time, cut to the editor\u2019s square around the hotspot', async () => {
    for (const lang of ['es', 'en', 'pt'] as const) {
      const img = pageDocument(pagePath('speaker', lang, 'rita-mishaan'), run.outDir).querySelector('img.speaker-photo');
      expect(img?.getAttribute('src')).toBe(`/photos/${LOCAL}-128.png`);
      expect(img?.getAttribute('srcset')).toBe(`/photos/${LOCAL}-128.png 128w, /photos/${LOCAL}-256.png 256w`);
      expect([img?.getAttribute('width'), img?.getAttribute('height'), img?.getAttribute('sizes')]).toEqual(['128', '128', '128px']);
      expect(img?.getAttribute('alt')).toBe('Retrato de Rita Mishaan');
    }
    for (const width of [128, 256]) {
      const file = path.join(run.outDir, 'photos', `${LOCAL}-${width}.png`);
      const { data, info } = await sharp(readFileSync(file)).raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([width, width]);
      // The hotspot sits on the blue half, so the square is the blue one: no red at all.
      const reds = [...Array(info.width * info.height).keys()].filter((i) => data[i * info.channels]! > 128).length;
      expect(reds).toBe(0);
    }
    // A 300 px square holds no 384 px version.
    expect(existsSync(path.join(run.outDir, 'photos', `${LOCAL}-384.png`))).toBe(false);
  });

  it('builds Content Lake photo addresses with the crop, sizes and dimensions', () => {
    const img = pageDocument(pagePath('speaker', 'es', 'maria-belen-bogado'), run.outDir).querySelector('img.speaker-photo');
    const src = new URL(img?.getAttribute('src') ?? '');
    expect(src.origin + src.pathname).toBe('https://cdn.sanity.io/images/abc123/production/beef01-1200x800.jpg');
    expect(Object.fromEntries(src.searchParams)).toMatchObject({ w: '128', h: '128', fit: 'crop', auto: 'format' });
    // Crop: top 80 px and right 300 px gone; the 720 px square is cut inside what is left.
    const [left, top, width, height] = (src.searchParams.get('rect') ?? '').split(',').map(Number);
    expect([width, height]).toEqual([720, 720]);
    expect(top).toBeGreaterThanOrEqual(80);
    expect(left! + width!).toBeLessThanOrEqual(900);
    expect(
      img
        ?.getAttribute('srcset')
        ?.split(', ')
        .map((s) => s.split(' ')[1]),
    ).toEqual(['128w', '256w', '384w']);
    // The speakers list uses the same picture.
    expect(pageDocument(pagePath('speakers', 'es'), run.outDir).querySelectorAll('img.speaker-photo').length).toBe(2);
  });

  it('shows the organisers\u2019 how-to-join text on its day and its sessions, the defaults elsewhere', () => {
    const programme = pageDocument(pagePath('programme', 'es'), run.outDir);
    const line = (date: string) => readableText(programme.querySelector(`section[data-day="${date}"] [data-take-part]`)!);
    expect(line('2020-10-28')).toContain(JOIN_TEXT);
    expect(line('2020-10-26')).toContain('El enlace para participar se publicará aquí.');
    expect(line('2020-10-30')).toContain('Las personas inscritas reciben el enlace por correo electrónico.');
    const session = pageDocument(pagePath('session', 'es', 'espacio-interactivo-1'), run.outDir);
    expect(readableText(session.querySelector('[data-take-part]')!)).toContain(JOIN_TEXT);
    // Untranslated, the Spanish text is shown and marked as Spanish.
    const en = pageDocument(pagePath('programme', 'en'), run.outDir).querySelector('section[data-day="2020-10-28"] [data-take-part] [lang="es"]');
    expect(en?.textContent).toContain(JOIN_TEXT);
  });

  it('drops the tentative note and writes STATUS:CONFIRMED once the agenda is confirmed', () => {
    expect(pageDocument(pagePath('programme', 'es'), run.outDir).querySelector('[data-programme-status]')).toBeNull();
    const ics = readFileSync(path.join(run.outDir, 'ics', 'evento.ics'), 'utf8');
    expect(ics).not.toContain('STATUS:TENTATIVE');
    expect(ics.match(/^STATUS:CONFIRMED\r$/gm)?.length).toBe(ics.match(/^BEGIN:VEVENT/gm)?.length);
  });
});
