import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { latestCheckpoint } from './latest-checkpoint';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vad-ckpt-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('latestCheckpoint', () => {
  it('finds the latest complete checkpoint and ignores unfinished folders', async () => {
    expect(await latestCheckpoint(path.join(dir, 'missing'))).toBeNull();
    await mkdir(path.join(dir, 'epoch-0002'));
    await writeFile(path.join(dir, 'epoch-0002', 'state.json'), '{}');
    await mkdir(path.join(dir, 'epoch-0010'));
    await mkdir(path.join(dir, 'epoch-0011.tmp-123'));
    await writeFile(path.join(dir, 'epoch-0011.tmp-123', 'state.json'), '{}');
    expect(await latestCheckpoint(dir)).toBe(path.join(dir, 'epoch-0002'));
  });
});
