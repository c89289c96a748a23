// A reader for the subset of MATLAB level-5 MAT-files (v5/v7, little-endian, compressed or not) that
// ground truth uses: numeric and logical matrices, cell arrays (CUHK Avenue's `volLabel` masks), structs
// and char arrays. v7.3 files are HDF5 and are refused with advice.
// Reference: MathWorks, "MAT-File Format" (matfile_format.pdf), level 5.
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { DataError, DataErrorCode } from '../data.error';

export type MatValue =
  | { kind: 'numeric'; className: string; logical: boolean; dims: number[]; /** column-major */ data: ArrayLike<number> }
  | { kind: 'cell'; dims: number[]; /** column-major */ cells: MatValue[] }
  | { kind: 'struct'; dims: number[]; fields: Record<string, MatValue[]> }
  | { kind: 'char'; dims: number[]; text: string };

const MI = {
  INT8: 1,
  UINT8: 2,
  INT16: 3,
  UINT16: 4,
  INT32: 5,
  UINT32: 6,
  SINGLE: 7,
  DOUBLE: 9,
  INT64: 12,
  UINT64: 13,
  MATRIX: 14,
  COMPRESSED: 15,
  UTF8: 16,
} as const;
const MX_CLASS: Readonly<Record<number, string>> = {
  1: 'cell',
  2: 'struct',
  3: 'object',
  4: 'char',
  5: 'sparse',
  6: 'double',
  7: 'single',
  8: 'int8',
  9: 'uint8',
  10: 'int16',
  11: 'uint16',
  12: 'int32',
  13: 'uint32',
  14: 'int64',
  15: 'uint64',
};

class Cursor {
  constructor(
    readonly view: DataView,
    public offset: number,
    readonly end: number,
  ) {}
}

interface Element {
  type: number;
  data: DataView;
}

export function decodeMat(bytes: Uint8Array, file: string): Map<string, MatValue> {
  const fail = (problem: string) => new DataError(DataErrorCode.MatInvalid, `${file} is not a readable MAT-file: ${problem}`, file);
  if (bytes.length < 128) throw fail('shorter than the 128-byte header');
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, 116).toString('latin1');
  if (text.startsWith('MATLAB 7.3') || text.includes('HDF')) {
    throw fail('MATLAB v7.3 (HDF5) files are not supported; re-save with save(..., "-v7") or export the masks as PNG');
  }
  if (!text.startsWith('MATLAB 5.0')) throw fail('missing the "MATLAB 5.0 MAT-file" header');
  const endian = String.fromCharCode(bytes[126], bytes[127]);
  if (endian !== 'IM') throw fail('big-endian MAT-files are not supported');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const variables = new Map<string, MatValue>();
  const cursor = new Cursor(view, 128, bytes.byteLength);
  try {
    while (cursor.offset + 8 <= cursor.end) {
      const element = readElement(cursor, fail);
      if (element.type === MI.COMPRESSED) {
        const inflated = inflateSync(new Uint8Array(element.data.buffer, element.data.byteOffset, element.data.byteLength));
        const inner = new Cursor(new DataView(inflated.buffer, inflated.byteOffset, inflated.byteLength), 0, inflated.byteLength);
        const matrix = readElement(inner, fail);
        if (matrix.type !== MI.MATRIX) throw fail(`compressed element holds type ${matrix.type}, expected a matrix`);
        const { name, value } = readMatrix(matrix.data, fail);
        variables.set(name, value);
      } else if (element.type === MI.MATRIX) {
        const { name, value } = readMatrix(element.data, fail);
        variables.set(name, value);
      }
    }
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw fail(error instanceof Error ? error.message : String(error));
  }
  return variables;
}

export async function readMat(file: string): Promise<Map<string, MatValue>> {
  return decodeMat(await readFile(file), file);
}

function readElement(cursor: Cursor, fail: (p: string) => DataError): Element {
  const { view } = cursor;
  const first = view.getUint32(cursor.offset, true);
  // Small data element: the size is packed in the upper 16 bits and the data in the next 4 bytes.
  if (first >>> 16 !== 0) {
    const type = first & 0xffff;
    const size = first >>> 16;
    const data = new DataView(view.buffer, view.byteOffset + cursor.offset + 4, size);
    cursor.offset += 8;
    return { type, data };
  }
  const type = first;
  const size = view.getUint32(cursor.offset + 4, true);
  const start = cursor.offset + 8;
  if (start + size > cursor.end) throw fail(`an element of ${size} bytes runs past the end of the data (truncated file?)`);
  const data = new DataView(view.buffer, view.byteOffset + start, size);
  // Uncompressed elements are padded to 8 bytes; compressed ones are not.
  cursor.offset = type === MI.COMPRESSED ? start + size : start + Math.ceil(size / 8) * 8;
  return { type, data };
}

function numbers(element: Element, fail: (p: string) => DataError): ArrayLike<number> {
  const { data } = element;
  const copy = () => new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice().buffer;
  switch (element.type) {
    case MI.INT8:
      return new Int8Array(copy());
    case MI.UINT8:
    case MI.UTF8:
      return new Uint8Array(copy());
    case MI.INT16:
      return new Int16Array(copy());
    case MI.UINT16:
      return new Uint16Array(copy());
    case MI.INT32:
      return new Int32Array(copy());
    case MI.UINT32:
      return new Uint32Array(copy());
    case MI.SINGLE:
      return new Float32Array(copy());
    case MI.DOUBLE:
      return new Float64Array(copy());
    case MI.INT64:
      return Float64Array.from(new BigInt64Array(copy()), Number);
    case MI.UINT64:
      return Float64Array.from(new BigUint64Array(copy()), Number);
    default:
      throw fail(`unexpected data type ${element.type}`);
  }
}

function readMatrix(data: DataView, fail: (p: string) => DataError): { name: string; value: MatValue } {
  if (data.byteLength === 0) return { name: '', value: { kind: 'numeric', className: 'double', logical: false, dims: [0, 0], data: new Float64Array(0) } };
  const cursor = new Cursor(data, 0, data.byteLength);
  const flags = readElement(cursor, fail).data;
  const classCode = flags.getUint32(0, true) & 0xff;
  const logical = (flags.getUint32(0, true) & 0x200) !== 0;
  const dims = Array.from(numbers(readElement(cursor, fail), fail));
  const name = Buffer.from(Uint8Array.from(numbers(readElement(cursor, fail), fail))).toString('latin1');
  const count = dims.reduce((a, b) => a * b, 1);
  const className = MX_CLASS[classCode];
  if (className === undefined || className === 'object' || className === 'sparse')
    throw fail(`variable "${name}" has an unsupported class (${className ?? classCode})`);
  if (className === 'cell') {
    const cells: MatValue[] = [];
    for (let i = 0; i < count; i++) {
      const element = readElement(cursor, fail);
      cells.push(readMatrix(element.data, fail).value);
    }
    return { name, value: { kind: 'cell', dims, cells } };
  }
  if (className === 'struct') {
    const nameLength = numbers(readElement(cursor, fail), fail)[0];
    const raw = Uint8Array.from(numbers(readElement(cursor, fail), fail));
    const names: string[] = [];
    for (let i = 0; i < raw.length; i += nameLength)
      names.push(
        Buffer.from(raw.subarray(i, i + nameLength))
          .toString('latin1')
          .replace(/\0+$/, ''),
      );
    const fields: Record<string, MatValue[]> = Object.fromEntries(names.map((n) => [n, [] as MatValue[]]));
    for (let i = 0; i < count; i++) for (const field of names) fields[field].push(readMatrix(readElement(cursor, fail).data, fail).value);
    return { name, value: { kind: 'struct', dims, fields } };
  }
  const real = count === 0 && cursor.offset >= cursor.end ? new Float64Array(0) : numbers(readElement(cursor, fail), fail);
  if (className === 'char') return { name, value: { kind: 'char', dims, text: String.fromCharCode(...Array.from(real)) } };
  if (real.length !== count) throw fail(`variable "${name}" declares ${count} elements but holds ${real.length}`);
  return { name, value: { kind: 'numeric', className, logical, dims, data: real } };
}
