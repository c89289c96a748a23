import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeAbandonedUploads } from './abandoned-uploads';

describe('removeAbandonedUploads', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-incoming-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const file = (name: string, ageMs: number) => {
    fs.writeFileSync(path.join(folder, name), 'part of a video');
    const at = new Date(Date.now() - ageMs);
    fs.utimesSync(path.join(folder, name), at, at);
  };

  it('deletes partial files idle for longer than the limit and keeps those still being written', async () => {
    file('old.partial', 10 * 60_000);
    file('live.partial', 1000);
    file('old-but-not-partial.mp4', 10 * 60_000);
    expect(await removeAbandonedUploads(folder, 5 * 60_000)).toBe(1);
    expect(fs.readdirSync(folder).sort()).toEqual(['live.partial', 'old-but-not-partial.mp4']);
  });

  it('treats a missing folder as empty', async () => {
    expect(await removeAbandonedUploads(path.join(folder, 'nothing'))).toBe(0);
  });
});
