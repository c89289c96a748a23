import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { grayPng, makeVideo } from '../../test/media-fixtures';
import { DataErrorCode } from '../data.error';
import { decodeAllFrames } from './frame-decoder';
import { framePng } from './frame-png';
import { openFrameSource } from './frame-source';

/** The RGB values of a PNG, as decodeFrames lays them out. */
function rgbOf(png: Buffer): Uint8Array {
  const image = PNG.sync.read(png);
  const rgb = new Uint8Array(image.width * image.height * 3);
  for (let i = 0; i < image.width * image.height; i++) rgb.set(image.data.subarray(i * 4, i * 4 + 3), i * 3);
  return rgb;
}

describe('framePng', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'vad-frame-png-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('encodes exactly the frame the stream of all frames has at that index, of a video and of a frame folder', async () => {
    const video = makeVideo(path.join(dir, 'clip.mp4'), { frames: 9, width: 64, height: 48 });
    const folder = path.join(dir, 'folder');
    mkdirSync(folder);
    for (let i = 0; i < 4; i++)
      writeFileSync(
        path.join(folder, `${i}.png`),
        grayPng(8, 6, () => 40 * i),
      );
    for (const [file, width, height] of [
      [video, 64, 48],
      [folder, 8, 6],
    ] as const) {
      const source = await openFrameSource(file);
      const all = await decodeAllFrames(source, { width, height, colour: 'rgb' });
      for (const index of [0, 2, all.length - 1]) expect(rgbOf(await framePng(source, index))).toEqual(all[index]);
    }
  });

  it('says that a frame past the end does not exist', async () => {
    const source = await openFrameSource(makeVideo(path.join(dir, 'short.mp4'), { frames: 3 }));
    await expect(framePng(source, 3)).rejects.toMatchObject({ code: DataErrorCode.ZeroFrames });
  });
});
