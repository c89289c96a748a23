import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataErrorCode } from '../data.error';
import { decodeMat, readMat } from './mat-reader';

const fixture = (name: string) => path.resolve(__dirname, '../../test/fixtures', name);

describe('MAT-file reader', () => {
  it('reads an Avenue-style compressed cell of logical masks written by SciPy', async () => {
    const vars = await readMat(fixture('avenue-label.mat'));
    const volLabel = vars.get('volLabel');
    expect(volLabel?.kind).toBe('cell');
    if (volLabel?.kind !== 'cell') return;
    expect(volLabel.dims).toEqual([1, 3]);
    const second = volLabel.cells[1];
    expect(second).toMatchObject({ kind: 'numeric', dims: [4, 5] });
    if (second.kind !== 'numeric') return;
    // Column-major: element (row r, col c) is at c·rows + r; ones at rows 1–2, columns 2–3.
    const ones = Array.from(second.data).flatMap((v, i) => (v ? [[i % 4, Math.floor(i / 4)]] : []));
    expect(ones).toEqual([
      [1, 2],
      [2, 2],
      [1, 3],
      [2, 3],
    ]);
    expect(vars.get('note')).toMatchObject({ kind: 'char', text: 'fixture' });
  });

  it('reads an uncompressed double matrix', async () => {
    const x = (await readMat(fixture('plain-double.mat'))).get('x');
    expect(x).toMatchObject({ kind: 'numeric', className: 'double', dims: [2, 3] });
    if (x?.kind === 'numeric') expect(Array.from(x.data)).toEqual([1.5, 4, 2, 5, 3, 6.25]);
  });

  it('refuses v7.3 (HDF5) files, text files and truncated files with a clear message', () => {
    const hdf = Buffer.alloc(128);
    hdf.write('MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 HDF5 schema 1.00 .');
    expect(() => decodeMat(hdf, 'new.mat')).toThrow(/new\.mat.*v7\.3/);
    expect(() => decodeMat(Buffer.from('hello'), 'text.mat')).toThrow(expect.objectContaining({ code: DataErrorCode.MatInvalid }));
    const bytes = readFileSync(fixture('plain-double.mat'));
    expect(() => decodeMat(bytes.subarray(0, bytes.length - 20), 'cut.mat')).toThrow(/cut\.mat/);
  });
});
