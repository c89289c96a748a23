// Small helpers the importers share to look around a data set's folders.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError, DataErrorCode } from '../data.error';
import { isImageFileName, isVideoFileName } from '../decode/frame-source';
import { sortNatural } from '../decode/natural-order';

export async function isDirectory(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
}

export async function isFile(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isFile() ?? false;
}

/** The child of `dir` whose name equals one of `names`, ignoring case, or undefined (symbolic links are followed). */
export async function findChild(dir: string, names: readonly string[], kind: 'dir' | 'file' = 'dir'): Promise<string | undefined> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.map((n) => n.toLowerCase())) {
    for (const entry of entries.filter((e) => e.toLowerCase() === name)) {
      const full = path.join(dir, entry);
      if (kind === 'dir' ? await isDirectory(full) : await isFile(full)) return full;
    }
  }
  return undefined;
}

async function holdsImages(dir: string): Promise<boolean> {
  return (await readdir(dir)).some(isImageFileName);
}

export interface VideoEntry {
  name: string;
  path: string;
}

/**
 * Video files and frame folders directly inside `dir`, in natural order; `skip` filters out entries
 * such as UCSD's `Test001_gt` mask folders.
 */
export async function listVideoEntries(dir: string, skip: (name: string) => boolean = () => false): Promise<VideoEntry[]> {
  const found: VideoEntry[] = [];
  for (const name of sortNatural(await readdir(dir))) {
    if (name.startsWith('.') || skip(name)) continue;
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => undefined);
    if (info?.isFile() && isVideoFileName(name)) found.push({ name: name.slice(0, name.length - path.extname(name).length), path: full });
    else if (info?.isDirectory() && (await holdsImages(full))) found.push({ name, path: full });
  }
  return found;
}

export function layoutError(root: string, format: string, expected: string): DataError {
  return new DataError(DataErrorCode.LayoutNotRecognised, `${root} does not look like a ${format} data set: expected ${expected}`, root);
}
