import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { activitySlot } from '../../site/lib/content/derive-archive';
import { fileFacts, linkedFile } from '../../site/lib/materials';

/** Issue #20: where an asynchronous activity goes, and which files a page may link. */

const DAYS = ['2020-10-30', '2020-10-26', '2020-10-28'];

describe('activitySlot', () => {
  it.each([
    ['the day it names', { afterDay: '2020-10-26', startDate: '2020-10-29' }, '2020-10-26'],
    ['the last day on or before its start', { afterDay: null, startDate: '2020-10-29' }, '2020-10-28'],
    ['its own day when it opens on one', { afterDay: null, startDate: '2020-10-28' }, '2020-10-28'],
    ['before the first day when it opens earlier', { afterDay: null, startDate: '2020-10-01' }, null],
    ['after the last day when undated', { afterDay: null, startDate: null }, '2020-10-30'],
    ['by its date when the named day is not the event’s', { afterDay: '2020-10-27', startDate: '2020-10-31' }, '2020-10-30'],
  ] as const)('%s', (_name, activity, slot) => {
    expect(activitySlot(activity, DAYS)).toBe(slot);
  });
});

describe('linkedFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sts-files-'));
  writeFileSync(path.join(dir, 'placeholder'), '');

  it('links a Content Lake file on the CDN with its size and type', () => {
    const { file, problem } = linkedFile(
      { ref: 'file-abc-pdf', url: 'https://cdn.sanity.io/files/p1/production/abc.pdf', size: 42, extension: 'pdf' },
      null,
      dir,
    );
    expect(problem).toBeNull();
    expect(file).toMatchObject({ href: 'https://cdn.sanity.io/files/p1/production/abc.pdf', size: 42, extension: 'pdf', localFile: null });
  });

  it('refuses an asset reference that resolves to nothing, and a file elsewhere than the CDN', () => {
    expect(linkedFile({ ref: 'file-gone-pdf', url: null }, null, dir).problem).toContain('file-gone-pdf');
    expect(linkedFile({ ref: 'file-x-pdf', url: 'https://evil.example/x.pdf' }, null, dir).problem).toContain('cdn.sanity.io');
  });

  it('refuses a local file that is not beside the export, or a name that leaves its folder', () => {
    expect(linkedFile({ local: 'file@file://./files/missing.pdf' }, null, dir).problem).toContain('files/missing.pdf');
    expect(linkedFile({ local: 'file@file://./files/../../etc/passwd' }, null, dir).problem).toContain('no es un archivo exportado');
  });

  it('publishes a local file under /materials/ with its size on disk', () => {
    const files = path.join(dir, 'files');
    mkdirSync(files, { recursive: true });
    writeFileSync(path.join(files, 'abc-acta.PDF'), Buffer.alloc(1234));
    const { file } = linkedFile({ local: 'file@file://./files/abc-acta.PDF' }, null, dir);
    expect(file).toMatchObject({ href: '/materials/abc-acta.pdf', size: 1234, extension: 'pdf' });
  });

  it('links only safe addresses', () => {
    expect(linkedFile(null, 'https://example.org/a.docx', dir).file?.extension).toBe('docx');
    expect(linkedFile(null, 'javascript:alert(1)', dir).file).toBeNull();
  });
});

describe('fileFacts', () => {
  it('says the type and the size in the reader’s number format', () => {
    expect(fileFacts({ extension: 'pdf', size: 1_250_000 }, 'es')).toBe(`PDF, ${new Intl.NumberFormat('es', { maximumFractionDigits: 1 }).format(1.25)} MB`);
    expect(fileFacts({ extension: null, size: 999 }, 'en-GB')).toBe('1 kB');
    expect(fileFacts({ extension: 'pptx', size: null }, 'pt-BR')).toBe('PPTX');
  });
});
