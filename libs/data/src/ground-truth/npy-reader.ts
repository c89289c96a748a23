// A reader for NumPy .npy files (format versions 1–3, little-endian, C order): ShanghaiTech ships its
// frame labels and pixel masks in this format, and the common Ped2/Avenue re-releases their frame labels.
// Reference: numpy.lib.format ("A Simple File Format for NumPy Arrays").
import { open, readFile } from 'node:fs/promises';
import { DataError, DataErrorCode } from '../data.error';

export type NpyDtype = 'b1' | 'u1' | 'i1' | 'u2' | 'i2' | 'u4' | 'i4' | 'u8' | 'i8' | 'f4' | 'f8';

const ITEM_SIZE: Readonly<Record<NpyDtype, number>> = { b1: 1, u1: 1, i1: 1, u2: 2, i2: 2, u4: 4, i4: 4, u8: 8, i8: 8, f4: 4, f8: 8 };

export interface NpyHeader {
  dtype: NpyDtype;
  shape: number[];
  /** Byte offset of the first element. */
  dataOffset: number;
  itemSize: number;
}

export interface NpyArray {
  header: NpyHeader;
  /** The elements in C order, as numbers (64-bit integers are converted, exact up to 2^53). */
  data: ArrayLike<number>;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

function invalid(file: string, problem: string): DataError {
  return new DataError(DataErrorCode.NpyInvalid, `${file} is not a readable .npy file: ${problem}`, file);
}

/** Bytes needed before the header can be parsed: the preamble, then the header length it declares. */
export function npyHeaderLength(preamble: Uint8Array, file: string): number {
  if (preamble.length < 12 || MAGIC.some((b, i) => preamble[i] !== b)) throw invalid(file, 'missing the \\x93NUMPY signature');
  const major = preamble[6];
  const view = new DataView(preamble.buffer, preamble.byteOffset, preamble.byteLength);
  if (major === 1) return 10 + view.getUint16(8, true);
  if (major === 2 || major === 3) return 12 + view.getUint32(8, true);
  throw invalid(file, `unknown format version ${major}`);
}

export function parseNpyHeader(bytes: Uint8Array, file: string): NpyHeader {
  const dataOffset = npyHeaderLength(bytes, file);
  if (bytes.length < dataOffset) throw invalid(file, 'the header is cut short');
  const start = bytes[6] === 1 ? 10 : 12;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, dataOffset - start).toString('latin1');
  const descr = /'descr'\s*:\s*'([<>|=])([a-z])(\d+)'/.exec(text);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text);
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text);
  if (descr === null || fortran === null || shapeText === null) throw invalid(file, `cannot parse the header ${JSON.stringify(text.trim())}`);
  if (descr[1] === '>') throw invalid(file, 'big-endian data is not supported; save it with a little-endian dtype');
  const dtype = `${descr[2]}${descr[3]}` as NpyDtype;
  if (!(dtype in ITEM_SIZE)) throw invalid(file, `unsupported dtype ${descr[0]}`);
  const shape = shapeText[1]
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  if (shape.some((n) => !Number.isInteger(n) || n < 0)) throw invalid(file, `bad shape (${shapeText[1]})`);
  if (fortran[1] === 'True' && shape.filter((n) => n > 1).length > 1)
    throw invalid(file, 'Fortran-ordered arrays are not supported; save with np.ascontiguousarray');
  return { dtype, shape, dataOffset, itemSize: ITEM_SIZE[dtype] };
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Converts raw little-endian element bytes to numbers. */
export function npyValues(dtype: NpyDtype, bytes: Uint8Array): ArrayLike<number> {
  // Copy to an aligned buffer: typed-array views need an offset that is a multiple of the item size.
  const aligned = new Uint8Array(bytes).buffer;
  switch (dtype) {
    case 'b1':
    case 'u1':
      return new Uint8Array(aligned);
    case 'i1':
      return new Int8Array(aligned);
    case 'u2':
      return new Uint16Array(aligned);
    case 'i2':
      return new Int16Array(aligned);
    case 'u4':
      return new Uint32Array(aligned);
    case 'i4':
      return new Int32Array(aligned);
    case 'f4':
      return new Float32Array(aligned);
    case 'f8':
      return new Float64Array(aligned);
    case 'u8':
      return Float64Array.from(new BigUint64Array(aligned), Number);
    case 'i8':
      return Float64Array.from(new BigInt64Array(aligned), Number);
  }
}

export function decodeNpy(bytes: Uint8Array, file: string): NpyArray {
  const header = parseNpyHeader(bytes, file);
  const length = elementCount(header.shape) * header.itemSize;
  if (bytes.length < header.dataOffset + length) throw invalid(file, `the data is cut short (${bytes.length - header.dataOffset} of ${length} bytes)`);
  return { header, data: npyValues(header.dtype, bytes.subarray(header.dataOffset, header.dataOffset + length)) };
}

export async function readNpy(file: string): Promise<NpyArray> {
  return decodeNpy(await readFile(file), file);
}

/** Reads only the header of a (possibly very large) .npy file, and checks the file holds all its data. */
export async function readNpyHeader(file: string): Promise<NpyHeader> {
  const handle = await open(file, 'r');
  try {
    const preamble = Buffer.alloc(12);
    await handle.read(preamble, 0, 12, 0);
    const length = npyHeaderLength(preamble, file);
    const bytes = Buffer.alloc(length);
    await handle.read(bytes, 0, length, 0);
    const header = parseNpyHeader(bytes, file);
    const { size } = await handle.stat();
    const expected = header.dataOffset + elementCount(header.shape) * header.itemSize;
    if (size < expected) throw invalid(file, `the data is cut short (${size} of ${expected} bytes)`);
    return header;
  } finally {
    await handle.close();
  }
}

/** Reads `count` consecutive slices along the first axis (e.g. mask frames) of a C-ordered array. */
export async function readNpySlices(file: string, header: NpyHeader, first: number, count: number): Promise<ArrayLike<number>> {
  const sliceBytes = elementCount(header.shape.slice(1)) * header.itemSize;
  const handle = await open(file, 'r');
  try {
    const bytes = Buffer.alloc(sliceBytes * count);
    await handle.read(bytes, 0, bytes.length, header.dataOffset + first * sliceBytes);
    return npyValues(header.dtype, bytes);
  } finally {
    await handle.close();
  }
}
