import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeVideo } from '@vad/data/testing';
import { LocalStorage } from '@vad/storage';
import { FrameImages } from './frame-images';

describe('FrameImages', () => {
  let dir: string;
  let file: string;
  let storage: LocalStorage;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-frame-images-'));
    storage = new LocalStorage(dir);
    file = path.join(dir, 'clip.mp4');
    makeVideo(file, { frames: 6 });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const video = () => ({ name: 'clip', path: file, checksum: 'c'.repeat(64) });

  it('reads a stored video by its key as it reads a file in place', async () => {
    const byKey = await new FrameImages(storage).png({ name: 'clip', path: 'clip.mp4', checksum: 'e'.repeat(64) }, 2);
    const inPlace = await new FrameImages(storage).png(video(), 2);
    expect(byKey.equals(inPlace)).toBe(true);
  });

  it('keeps encoded frames in memory: a frame asked for again needs no decoder', async () => {
    const copy = path.join(dir, 'copy.mp4');
    fs.copyFileSync(file, copy);
    const images = new FrameImages(storage);
    const first = await images.png({ ...video(), path: copy }, 2);
    fs.rmSync(copy);
    expect(await images.png({ ...video(), path: copy }, 2)).toEqual(first);
  });

  it('answers 503 when more requests wait for a decoder than it queues', async () => {
    const images = new FrameImages(storage, { maxDecoders: 1, maxWaiting: 1 });
    const answers = await Promise.allSettled([0, 1, 2].map((frame) => images.png(video(), frame)));
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((answers[2] as PromiseRejectedResult).reason).toMatchObject({ status: 503, code: 'BUSY' });
  });

  it('answers 422 without the decoder’s message for a frame that cannot be decoded', async () => {
    const broken = path.join(dir, 'broken.mp4');
    fs.writeFileSync(broken, fs.readFileSync(file).subarray(0, 200));
    await expect(new FrameImages(storage).png({ ...video(), path: broken, checksum: 'd'.repeat(64) }, 0)).rejects.toMatchObject({ status: 422 });
  });
});
