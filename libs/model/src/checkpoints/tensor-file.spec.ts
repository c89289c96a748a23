import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readTensorFile, writeTensorFile } from './tensor-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vad-ckpt-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('tensor files', () => {
  it('writes weights as a binary file and a JSON manifest that round-trip', async () => {
    const arrays = [
      { name: 'a', shape: [2, 3], values: Float32Array.from([1, 2, 3, 4, 5, 6]) },
      { name: 'b/c', shape: [1], values: Float32Array.from([-0.5]) },
    ];
    await writeTensorFile(dir, 'w', arrays);
    expect((await readdir(dir)).sort()).toEqual(['w.bin', 'w.json']);
    expect(await readTensorFile(dir, 'w')).toEqual(arrays);
  });
});
