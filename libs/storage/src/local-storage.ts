// Artifact storage in a local folder (the embedded default, or a network file system shared by workers).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ArtifactStorage } from './artifact-storage';
import { StorageError, StorageErrorCode } from './storage.error';

// Keys are relative, slash-separated and free of "." / ".." segments: a key can never leave the root.
const KEY_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/;

// A folder that is read-only, full, or blocked by a file of the same name, said in words for the job's error.
const UNWRITABLE_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  ENOTDIR: 'a file is in the way of a folder',
  EEXIST: 'a file is in the way of a folder',
};

export function assertValidKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.split('/').some((part) => part === '.' || part === '..')) {
    throw new StorageError(StorageErrorCode.InvalidKey, `invalid storage key "${key}"`);
  }
}

export class LocalStorage implements ArtifactStorage {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    assertValidKey(key);
    return path.join(this.root, key);
  }

  async withLocalFile<T>(key: string, use: (file: string) => Promise<T>): Promise<T> {
    return use(this.pathOf(key));
  }

  async withWorkFolder<T>(key: string, use: (folder: string) => Promise<T>): Promise<T> {
    const folder = this.pathOf(key);
    await fs.promises.mkdir(folder, { recursive: true });
    return use(folder);
  }

  async adopt(key: string, file: string): Promise<void> {
    const target = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.rename(file, target);
  }

  stagingFolder(): string {
    return path.join(this.root, 'uploads', 'incoming');
  }

  pathsAsKeys(text: string): string {
    return text.split(`${this.root}${path.sep}`).join('');
  }

  async write(key: string, content: Readable | Buffer): Promise<number> {
    let size = 0;
    await this.writeFile(key, async (temporary) => {
      const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
      await pipeline(source, fs.createWriteStream(temporary, { flags: 'wx' }));
      size = (await fs.promises.stat(temporary)).size;
    });
    return size;
  }

  async writeFile(key: string, produce: (temporaryPath: string) => Promise<unknown>): Promise<void> {
    const target = this.pathOf(key);
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.partial`);
    try {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await produce(temporary);
      await fs.promises.rename(temporary, target);
    } catch (error) {
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
      const code = (error as NodeJS.ErrnoException).code;
      if (code && Object.hasOwn(UNWRITABLE_REASONS, code)) {
        throw new StorageError(StorageErrorCode.Unwritable, `cannot write "${key}" in ${this.root}: ${UNWRITABLE_REASONS[code]} (${code})`, { cause: error });
      }
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    if (!(await this.exists(key))) throw new StorageError(StorageErrorCode.NotFound, `no artifact "${key}"`);
    return fs.createReadStream(file);
  }

  async exists(key: string): Promise<boolean> {
    return fs.promises.access(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { recursive: true, force: true });
  }

  async list(prefix: string): Promise<string[]> {
    const entries = await fs.promises.readdir(this.pathOf(prefix)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    return entries
      .filter((name) => !name.startsWith('.'))
      .map((name) => `${prefix}/${name}`)
      .sort();
  }
}
