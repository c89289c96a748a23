import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readImageDimensions } from './image-dimensions';
import type { ImageKind } from './media-type';

describe('readImageDimensions', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vad-dims-'));
    for (const ext of ['png', 'jpg', 'tif', 'bmp']) {
      execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=37x21', '-frames:v', '1', path.join(dir, `a.${ext}`)]);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each<[string, ImageKind]>([
    ['png', 'png'],
    ['jpg', 'jpeg'],
    ['tif', 'tiff'],
    ['bmp', 'bmp'],
  ])('reads the size of a %s written by ffmpeg', (ext, kind) => {
    expect(readImageDimensions(kind, readFileSync(path.join(dir, `a.${ext}`)))).toEqual({ width: 37, height: 21 });
  });

  it('returns undefined for a header cut short', () => {
    const png = readFileSync(path.join(dir, 'a.png')).subarray(0, 14);
    expect(readImageDimensions('png', png)).toBeUndefined();
    const jpeg = readFileSync(path.join(dir, 'a.jpg')).subarray(0, 40);
    expect(readImageDimensions('jpeg', jpeg)).toBeUndefined();
  });
});
