// A temporary ffconcat list that feeds the frames of a folder to ffmpeg in our (natural) order,
// which ffmpeg's own glob would not guarantee; the list is removed when the callback settles.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export function formatConcatList(files: readonly string[]): string {
  const lines = ['ffconcat version 1.0'];
  for (const file of files) {
    // Inside single quotes only the quote itself needs escaping.
    lines.push(`file '${file.replace(/'/g, "'\\''")}'`, 'duration 1');
  }
  return lines.join('\n') + '\n';
}

export interface ConcatList {
  path: string;
  dispose(): Promise<void>;
}

export async function createConcatList(files: readonly string[]): Promise<ConcatList> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vad-concat-'));
  const listPath = path.join(dir, 'frames.ffconcat');
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    await writeFile(listPath, formatConcatList(files));
  } catch (error) {
    await dispose();
    throw error;
  }
  return { path: listPath, dispose };
}

export async function withConcatList<T>(files: readonly string[], use: (listPath: string) => Promise<T>): Promise<T> {
  const list = await createConcatList(files);
  try {
    return await use(list.path);
  } finally {
    await list.dispose();
  }
}

/** Input arguments that make ffmpeg or ffprobe read a frame folder through a concat list. */
export function concatInputArgs(listPath: string): string[] {
  return ['-f', 'concat', '-safe', '0', '-i', listPath];
}
