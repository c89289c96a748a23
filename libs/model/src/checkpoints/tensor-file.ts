// A set of named float32 arrays as two files: `<base>.bin` (the values back to back, little-endian)
// and `<base>.json` (names, shapes, dtype, byte offsets). The manifest is plain JSON so that other
// tools (an ONNX exporter, a Python check) can read the weights without this library.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ModelError, ModelErrorCode } from '../model.error';
import type { NamedArray } from './named-array';

export interface TensorManifestEntry {
  name: string;
  shape: number[];
  dtype: 'float32';
  /** Byte offset in the .bin file. */
  offset: number;
  byteLength: number;
}

export interface TensorManifest {
  format: 'vad-tensors';
  formatVersion: 1;
  byteOrder: 'little-endian';
  tensors: TensorManifestEntry[];
}

export async function writeTensorFile(dir: string, base: string, arrays: readonly NamedArray[]): Promise<void> {
  const tensors: TensorManifestEntry[] = [];
  let offset = 0;
  for (const a of arrays) {
    const byteLength = a.values.length * 4;
    tensors.push({ name: a.name, shape: [...a.shape], dtype: 'float32', offset, byteLength });
    offset += byteLength;
  }
  const buffer = Buffer.alloc(offset);
  arrays.forEach((a, i) => {
    const bytes = Buffer.from(a.values.buffer, a.values.byteOffset, a.values.byteLength);
    // Float32Array is host-endian; every platform Node supports in practice is little-endian, checked on read.
    bytes.copy(buffer, tensors[i].offset);
  });
  const manifest: TensorManifest = { format: 'vad-tensors', formatVersion: 1, byteOrder: 'little-endian', tensors };
  await writeFile(path.join(dir, `${base}.bin`), buffer);
  await writeFile(path.join(dir, `${base}.json`), JSON.stringify(manifest, null, 1) + '\n');
}

export async function readTensorFile(dir: string, base: string): Promise<NamedArray[]> {
  const fail = (why: string): never => {
    throw new ModelError(ModelErrorCode.InvalidCheckpoint, `${path.join(dir, base)}: ${why}`);
  };
  let manifest: TensorManifest;
  let buffer: Buffer;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, `${base}.json`), 'utf8')) as TensorManifest;
    buffer = await readFile(path.join(dir, `${base}.bin`));
  } catch (error) {
    return fail(`cannot read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (manifest.format !== 'vad-tensors' || manifest.formatVersion !== 1) fail('not a vad-tensors manifest of version 1');
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) fail('this machine is big-endian; the tensor files are little-endian');
  return manifest.tensors.map((t) => {
    const count = t.shape.reduce((p, v) => p * v, 1);
    if (t.dtype !== 'float32' || t.byteLength !== count * 4 || t.offset + t.byteLength > buffer.length) {
      fail(`entry ${t.name} does not match the binary file`);
    }
    // Copy into a fresh, aligned buffer: the file buffer's offsets need not be multiples of 4.
    const values = new Float32Array(count);
    new Uint8Array(values.buffer).set(buffer.subarray(t.offset, t.offset + t.byteLength));
    return { name: t.name, shape: t.shape, values };
  });
}
