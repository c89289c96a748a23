import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataErrorCode } from '../data.error';
import { decodeNpy, readNpy, readNpyHeader, readNpySlices } from './npy-reader';

const fixture = (name: string) => path.resolve(__dirname, '../../test/fixtures', name);

describe('npy reader', () => {
  it('reads int64, 2-D bool and float32 label arrays written by NumPy', async () => {
    expect(Array.from((await readNpy(fixture('labels-int64.npy'))).data)).toEqual([0, 0, 1, 1, 0]);
    const bools = await readNpy(fixture('labels-bool-2d.npy'));
    expect(bools.header.shape).toEqual([1, 3]);
    expect(Array.from(bools.data)).toEqual([0, 1, 1]);
    expect(Array.from((await readNpy(fixture('labels-float.npy'))).data)).toEqual([0, 1, 1, 0]);
  });

  it('reads the header of a mask volume and single frames by offset', async () => {
    const header = await readNpyHeader(fixture('masks-u8.npy'));
    expect(header).toMatchObject({ dtype: 'u1', shape: [3, 4, 5] });
    const frame1 = Array.from(await readNpySlices(fixture('masks-u8.npy'), header, 1, 1));
    // Row-major 4×5 frame with ones at rows 1–2, columns 2–3.
    expect(frame1.flatMap((v, i) => (v ? [i] : []))).toEqual([7, 8, 12, 13]);
  });

  it('refuses a file without the NumPy signature, a cut data block and big-endian data', async () => {
    expect(() => decodeNpy(Buffer.from('just some text, not numpy'), 'x.npy')).toThrow(expect.objectContaining({ code: DataErrorCode.NpyInvalid }));
    const bytes = readFileSync(fixture('labels-int64.npy'));
    expect(() => decodeNpy(bytes.subarray(0, bytes.length - 8), 'cut.npy')).toThrow(/cut\.npy.*cut short/);
    const swapped = Buffer.from(bytes.toString('latin1').replace("'<i8'", "'>i8'"), 'latin1');
    expect(() => decodeNpy(swapped, 'be.npy')).toThrow(/big-endian/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vad-npy-'));
    try {
      const masks = readFileSync(fixture('masks-u8.npy'));
      writeFileSync(path.join(dir, 'm.npy'), masks.subarray(0, masks.length - 3));
      await expect(readNpyHeader(path.join(dir, 'm.npy'))).rejects.toThrow(/cut short/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
