import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localPhotoPath, photoAttributes, photoWidths, squareRegion, usablePhoto } from '../../site/lib/photos';

const alt = { text: 'Retrato', lang: 'es' as const };
const lake = {
  ref: 'image-0123abcd-800x600-jpg',
  url: 'https://cdn.sanity.io/images/abc123/production/0123abcd-800x600.jpg',
  crop: { top: 0, bottom: 0.1, left: 0.2, right: 0 },
  hotspot: { x: 0.7, y: 0.4, width: 0.2, height: 0.2 },
  alt,
};

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sts-photos-'));
  mkdirSync(path.join(dir, 'images'));
  await sharp({ create: { width: 300, height: 200, channels: 3, background: '#0b4f6c' } })
    .png()
    .toFile(path.join(dir, 'images', 'f00d-300x200.png'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the square cut of a photo', () => {
  it('is the largest square, centred on the hotspot as far as the image allows', () => {
    expect(squareRegion(400, 200, null, null)).toEqual({ left: 100, top: 0, width: 200, height: 200 });
    expect(squareRegion(400, 200, null, { x: 0.9, y: 0.5, width: 0.1, height: 0.1 })).toEqual({ left: 200, top: 0, width: 200, height: 200 });
    expect(squareRegion(400, 200, null, { x: 0.05, y: 0.5, width: 0.1, height: 0.1 })).toEqual({ left: 0, top: 0, width: 200, height: 200 });
  });

  it('stays inside the editor\u2019s crop', () => {
    // Crop keeps x 100–400 and y 0–150: a 150 px square, pushed right by the hotspot.
    expect(squareRegion(400, 200, { top: 0, bottom: 0.25, left: 0.25, right: 0 }, { x: 1, y: 0, width: 0, height: 0 })).toEqual({
      left: 250,
      top: 0,
      width: 150,
      height: 150,
    });
  });
});

describe('a Content Lake photo', () => {
  it('is kept with its project, dataset and size when it is on Sanity\u2019s CDN', () => {
    const { photo, problem } = usablePhoto(lake, undefined);
    expect(problem).toBeNull();
    expect(photo).toMatchObject({ kind: 'lake', projectId: 'abc123', dataset: 'production', width: 800, height: 600 });
  });

  it('is dropped, with a reason, anywhere else', () => {
    for (const url of ['https://evil.example/a.jpg', 'javascript:alert(1)//.png', 'https://cdn.sanity.io/images/abc/production/x.jpg"onerror="x']) {
      const { photo, problem } = usablePhoto({ ...lake, url }, undefined);
      expect(photo, url).toBeNull();
      expect(problem, url).toContain('cdn.sanity.io');
    }
  });

  it('gets CDN addresses with the editor\u2019s crop and hotspot, a srcset, sizes, width and height', () => {
    const { photo } = usablePhoto(lake, undefined);
    const attrs = photoAttributes(photo!);
    expect(attrs).toMatchObject({ width: 128, height: 128, sizes: '128px' });
    const urls = attrs.srcset.split(', ').map((entry) => entry.split(' '));
    expect(urls.map(([, w]) => w)).toEqual(['128w', '256w', '384w']);
    for (const [url, w] of urls) {
      const u = new URL(url!);
      expect(u.origin + u.pathname).toBe('https://cdn.sanity.io/images/abc123/production/0123abcd-800x600.jpg');
      expect(u.searchParams.get('w')).toBe(w!.replace('w', ''));
      expect(u.searchParams.get('h')).toBe(w!.replace('w', ''));
      // The crop removes the left 160 px and the bottom 60 px; the square is cut from what is left.
      const [left, top, width, height] = (u.searchParams.get('rect') ?? '').split(',').map(Number);
      expect(left).toBeGreaterThanOrEqual(160);
      expect(top! + height!).toBeLessThanOrEqual(540);
      expect(width).toBe(height);
    }
    expect(attrs.src).toBe(urls[0]![0]);
  });
});

describe('a photo that is a local file of an exported dataset', () => {
  const file = { ref: null, url: null, file: 'image@file://./images/f00d-300x200.png', crop: null, hotspot: null, alt };

  it('is kept when the file is beside the dataset, and published under /photos/', () => {
    const { photo, problem } = usablePhoto(file, dir);
    expect(problem).toBeNull();
    if (photo?.kind !== 'file') throw new Error('expected a local photo');
    expect(photo.file).toBe(path.join(dir, 'images', 'f00d-300x200.png'));
    // 200 px of square: 1× and… no 2× or 3× beyond what the file holds.
    expect(photoWidths(photo)).toEqual([128]);
    expect(localPhotoPath(photo, 128)).toBe('/photos/f00d-300x200-128.png');
    expect(photoAttributes(photo)).toEqual({
      src: '/photos/f00d-300x200-128.png',
      srcset: '/photos/f00d-300x200-128.png 128w',
      sizes: '128px',
      width: 128,
      height: 128,
    });
  });

  it('is dropped when the file is missing or the reference is not an exported image', () => {
    expect(usablePhoto({ ...file, file: 'image@file://./images/gone-10x10.png' }, dir).photo).toBeNull();
    expect(usablePhoto({ ...file, file: 'image@file://./images/../../etc/passwd-1x1.png' }, dir).photo).toBeNull();
    expect(usablePhoto({ ...file, file: 'file@file://./files/cv-1x1.pdf' }, dir).photo).toBeNull();
    expect(usablePhoto(file, undefined).problem).toContain('not beside the dataset');
  });
});
