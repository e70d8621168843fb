import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locale } from '../../content-models/locales';
import { type Lang, pagePath } from '../../content-models/routes';
import { calendarFiles } from '../../site/lib/calendar';
import { type BuildRun, removeOutDir, runBuild, tempOutDir } from '../support/build';
import { fileForPath, pageDocument, readableText, requireDist } from '../support/dist';
import { readNdjson } from '../support/ndjson';

/**
 * Issue #20, what the event leaves behind, over a dataset this test writes: the seed as an export
 * would give it after the event, with materials (a local file of the export, a Content Lake file
 * asset, an address), the report in three languages, a product with text, status and file, and
 * asynchronous activities dated and undated. Every new text carries markup that must arrive as text.
 * The seed itself (dist/, built by the suite) shows the empty states.
 */

const HOSTILE = '<img src=x onerror=alert(1)>&"';
const LOCAL_NAME = 'a1b2c3d4e5-acta';
const LOCAL_BYTES = Buffer.alloc(2_500, 7);
const LAKE_REF = 'file-beef0123-pptx';
const LAKE_URL = 'https://cdn.sanity.io/files/abc123/production/beef0123.pptx';
const LAKE_SIZE = 1_234_567;
const SESSION = 'mesa-de-reflexion-1';
const REPORT = { es: 'Relatoría: acuerdos de la jornada', en: 'Report: the day’s agreements', pt: 'Relatório: acordos do dia' } as const;

const localeString = (es: string, extra: Record<string, string> = {}) => ({ _type: 'localeString', es, ...extra });
const block = (text: string, key: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
});
const doc = (id: string, type: string, fields: Record<string, unknown>) => ({ _id: id, _type: type, _updatedAt: '2020-11-02T12:00:00Z', ...fields });

function exportedDataset(dir: string, change: (docs: Record<string, unknown>[]) => void = () => {}): string {
  mkdirSync(path.join(dir, 'files'), { recursive: true });
  writeFileSync(path.join(dir, 'files', `${LOCAL_NAME}.pdf`), LOCAL_BYTES);
  const docs = readNdjson().map((d) => structuredClone(d) as Record<string, unknown>);
  const session = docs.find((d) => d._id === `session-${SESSION}`)!;
  session.materials = [
    {
      _type: 'sessionMaterial',
      _key: 'm1',
      title: localeString('Acta de la mesa', { en: 'Minutes of the panel' }),
      file: { _type: 'file', _sanityAsset: `file@file://./files/${LOCAL_NAME}.pdf` },
    },
    {
      _type: 'sessionMaterial',
      _key: 'm2',
      title: localeString('Presentación de SEGEPLAN'),
      file: { _type: 'file', asset: { _type: 'reference', _ref: LAKE_REF } },
    },
    { _type: 'sessionMaterial', _key: 'm3', title: localeString(`Enlace ${HOSTILE}`), url: 'https://example.org/documentos/guia.pdf' },
  ];
  docs.push(doc(LAKE_REF, 'sanity.fileAsset', { url: LAKE_URL, size: LAKE_SIZE, extension: 'pptx', mimeType: 'application/vnd.ms-powerpoint' }));
  docs.push(
    doc('report', 'report', {
      body: { _type: 'localeBlockContent', es: [block(REPORT.es, 'a'), block(HOSTILE, 'b')], en: [block(REPORT.en, 'a')], pt: [block(REPORT.pt, 'a')] },
    }),
  );
  const products = docs.find((d) => d._id === 'workshopProducts')!;
  const items = products.items as Record<string, unknown>[];
  items[0] = {
    ...items[0],
    status: 'published',
    body: { _type: 'localeBlockContent', es: [block('El mapeo terminado.', 'p')] },
    file: { _type: 'file', _sanityAsset: `file@file://./files/${LOCAL_NAME}.pdf` },
  };
  items[2] = { ...items[2], title: localeString(`Áreas ${HOSTILE}`) };
  docs.push(
    doc('asyncActivity-antes', 'asyncActivity', {
      title: localeString(`Lectura previa ${HOSTILE}`),
      startDate: '2020-10-20',
      url: 'https://example.org/lectura',
    }),
    doc('asyncActivity-martes', 'asyncActivity', { title: localeString('Encuesta del martes'), startDate: '2020-10-27', endDate: '2020-10-27' }),
    doc('asyncActivity-despues', 'asyncActivity', { title: localeString('Comentarios finales'), description: { _type: 'localeText', es: HOSTILE } }),
  );
  change(docs);
  const file = path.join(dir, 'data.ndjson');
  writeFileSync(file, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
  return file;
}

const sizeText = (bytes: number, lang: Lang) => {
  const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : [bytes / 1e3, 'kilobyte'];
  return new Intl.NumberFormat(locale(lang).intl, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value >= 10 ? 0 : 1 }).format(value);
};

describe('an exported dataset after the event: materials, report, products, asynchronous activities', () => {
  let run: BuildRun;
  beforeAll(async () => {
    const outDir = tempOutDir('archive');
    const dataset = exportedDataset(path.join(path.dirname(outDir), 'export'));
    run = await runBuild({ outDir, env: { CONTENT_DATASET_FILE: dataset } });
    if (run.code !== 0) throw new Error(`build failed:\n${run.output}`);
  }, 240_000);
  afterAll(() => removeOutDir(run.outDir));
  const page = (p: string) => pageDocument(p, run.outDir);
  const html = (p: string) => readFileSync(fileForPath(p, run.outDir)!, 'utf8');

  it.each(['es', 'en', 'pt'] as const)('lists the materials on the session page with type and size (%s)', (lang) => {
    const items = [...page(pagePath('session', lang, SESSION)).querySelectorAll('ul.materials li')].map((li) => ({
      href: li.querySelector('a')?.getAttribute('href'),
      // textContent, not readableText: the markup must arrive as the very characters written.
      text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
    }));
    expect(items.map((i) => i.href)).toEqual([`/materials/${LOCAL_NAME}.pdf`, LAKE_URL, 'https://example.org/documentos/guia.pdf']);
    expect(items[0]!.text).toContain(`PDF, ${sizeText(LOCAL_BYTES.length, lang)}`);
    expect(items[0]!.text).toContain(lang === 'en' ? 'Minutes of the panel' : 'Acta de la mesa');
    expect(items[1]!.text).toContain(`PPTX, ${sizeText(LAKE_SIZE, lang)}`);
    expect(items[2]!.text).toContain(`Enlace ${HOSTILE}`);
    expect(items[2]!.text).toContain('(PDF)');
  });

  it('copies the local file into dist under its stable path, byte for byte', () => {
    expect(readFileSync(path.join(run.outDir, 'materials', `${LOCAL_NAME}.pdf`)).equals(LOCAL_BYTES)).toBe(true);
  });

  it('puts the materials in schedule.json as attachments and the asynchronous activities beside the days', () => {
    const json = JSON.parse(readFileSync(path.join(run.outDir, 'schedule.json'), 'utf8'));
    const events = Object.values(json.schedule.conference.days.flatMap((d: { rooms: object }) => Object.values(d.rooms)).flat()) as {
      slug: string;
      attachments: { url: string; title: string; type?: string; size?: number }[];
    }[];
    const attachments = events.find((e) => e.slug === SESSION)!.attachments;
    expect(attachments.map((a) => [new URL(a.url).pathname.endsWith(`${LOCAL_NAME}.pdf`) ? 'local' : a.url, a.type, a.size])).toEqual([
      ['local', 'pdf', LOCAL_BYTES.length],
      [LAKE_URL, 'pptx', LAKE_SIZE],
      ['https://example.org/documentos/guia.pdf', 'pdf', undefined],
    ]);
    expect(attachments[2]!.title).toBe(`Enlace ${HOSTILE}`);
    const others = events.filter((e) => e.slug !== SESSION);
    expect(others.every((e) => e.attachments.length === 0)).toBe(true);
    const byTitle = Object.fromEntries(
      (json.schedule.asynchronous_activities as { title: string; after_day: string | null; start_date: string | null }[]).map((a) => [a.title, a]),
    );
    expect(byTitle['Encuesta del martes']).toMatchObject({ after_day: '2020-10-26', start_date: '2020-10-27' });
    expect(byTitle[`Lectura previa ${HOSTILE}`]).toMatchObject({ after_day: null });
    expect(byTitle['Comentarios finales']).toMatchObject({ after_day: '2020-10-30', start_date: null });
  });

  it('names the materials with their address in the session’s calendar description', () => {
    const ics = readFileSync(path.join(run.outDir, calendarFiles.session('en', SESSION)), 'utf8').replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('Materials:\\n');
    expect(ics).toMatch(new RegExp(`Minutes of the panel \\(PDF\\\\, ${sizeText(LOCAL_BYTES.length, 'en')}\\): http://\\S+?/materials/${LOCAL_NAME}\\.pdf`));
    expect(ics).toContain(`Presentación de SEGEPLAN (PPTX\\, ${sizeText(LAKE_SIZE, 'en')}): ${LAKE_URL}`);
  });

  it.each(['es', 'en', 'pt'] as const)('shows the report in its language (%s), the markup as text', (lang) => {
    const main = page(pagePath('report', lang)).querySelector('main')!;
    expect(main.querySelector('h1')?.textContent).toBeTruthy();
    expect(readableText(main)).toContain(REPORT[lang]);
    expect(main.querySelector('.empty-note')).toBeNull();
    if (lang === 'es') expect(main.querySelector('.prose')?.textContent).toContain(HOSTILE);
    expect(main.querySelector('img')).toBeNull();
  });

  it('shows each product with its status, text and file, and says which are still to come', () => {
    const products = [...page(pagePath('products', 'es')).querySelectorAll('ol.products > li')];
    expect(products).toHaveLength(3);
    expect(products[0]!.querySelector('.badge')?.textContent).toBe('Publicado');
    expect(readableText(products[0]!)).toContain('El mapeo terminado.');
    expect(products[0]!.querySelector('a')?.getAttribute('href')).toBe(`/materials/${LOCAL_NAME}.pdf`);
    expect(products[0]!.querySelector('.empty-note')).toBeNull();
    expect(products[1]!.querySelector('.empty-note')).not.toBeNull();
    expect(products[2]!.querySelector('h2')?.textContent).toBe(`Áreas ${HOSTILE}`);
  });

  it('lists the asynchronous activities between the days they belong to', () => {
    const order = [...page(pagePath('programme', 'es')).querySelectorAll('.programme > section')].map((s) =>
      s.classList.contains('day') ? `day ${s.getAttribute('data-day')}` : `async ${[...s.querySelectorAll('h3')].map((h) => h.textContent).join(' | ')}`,
    );
    expect(order).toEqual([
      `async Lectura previa ${HOSTILE}`,
      'day 2020-10-26',
      'async Encuesta del martes',
      'day 2020-10-28',
      'async Retroalimentación del mapeo de esquemas-tipo | Foro virtual sobre los retos de la coordinación interinstitucional en la CSS',
      'day 2020-10-30',
      'async Comentarios finales',
    ]);
    const when = [...page(pagePath('programme', 'en')).querySelectorAll('.async-item .async-when')].map((p) => p.textContent);
    expect(when).toContain('Dates to be announced');
    expect(when.some((w) => /^Tuesday.*27 October.* to Tuesday.*27 October/.test(w ?? ''))).toBe(true);
  });

  it('escapes the markup of every new field', () => {
    for (const p of [pagePath('session', 'es', SESSION), pagePath('report', 'es'), pagePath('products', 'es'), pagePath('programme', 'es')]) {
      expect(html(p), p).not.toContain('<img src=x');
    }
  });
});

describe('a broken file reference fails the build, naming the document and the field', () => {
  it('refuses a material whose asset does not exist and a product whose file is not beside the export', async () => {
    const outDir = tempOutDir('archive-broken');
    const dataset = exportedDataset(path.join(path.dirname(outDir), 'export'), (docs) => {
      docs.splice(
        docs.findIndex((d) => d._id === LAKE_REF),
        1,
      );
      const items = docs.find((d) => d._id === 'workshopProducts')!.items as Record<string, unknown>[];
      items[1] = { ...items[1], file: { _type: 'file', _sanityAsset: 'file@file://./files/missing.pdf' } };
    });
    try {
      const run = await runBuild({ outDir, env: { CONTENT_DATASET_FILE: dataset } });
      expect(run.code).not.toBe(0);
      expect(run.output).toContain(`session-${SESSION}`);
      expect(run.output).toContain('materials[1].file');
      expect(run.output).toContain(LAKE_REF);
      expect(run.output).toContain('workshopProducts');
      expect(run.output).toContain('items[1].file');
      expect(run.output).toContain('files/missing.pdf');
    } finally {
      removeOutDir(outDir);
    }
  }, 240_000);
});

describe('the seed after the event’s content is in place: pages that say what will appear', () => {
  beforeAll(() => requireDist());

  it.each(['es', 'en', 'pt'] as const)('the report page says it will be published after the event (%s)', (lang) => {
    const main = pageDocument(pagePath('report', lang)).querySelector('main')!;
    expect(main.querySelector('.empty-note')?.textContent?.length).toBeGreaterThan(20);
    expect(main.querySelector('.prose')).toBeNull();
  });

  it('the products page lists the three products the concept note names, each still to come', () => {
    const seedProducts = (readNdjson().find((d) => d._id === 'workshopProducts')?.items ?? []) as { title: { es: string } }[];
    const items = [...pageDocument(pagePath('products', 'es')).querySelectorAll('ol.products > li')];
    expect(items.map((li) => li.querySelector('h2')?.textContent)).toEqual(seedProducts.map((p) => p.title.es));
    expect(items.every((li) => li.querySelector('.empty-note'))).toBe(true);
  });

  it.each(['es', 'en', 'pt'] as const)('the footer links the report and the products (%s)', (lang) => {
    const links = [...pageDocument(pagePath('home', lang)).querySelectorAll('footer a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining([pagePath('report', lang), pagePath('products', lang)]));
  });
});
