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

// A folder that is read-only, full, or blocked by a file of the same name.
const UNWRITABLE_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EEXIST']);

export function assertValidKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.split('/').some((part) => part === '.' || part === '..')) {
    throw new StorageError(StorageErrorCode.InvalidKey, `invalid storage key "${key}"`);
  }
}

export class LocalStorage implements ArtifactStorage {
  constructor(readonly root: string) {}

  localPath(key: string): string {
    assertValidKey(key);
    return path.join(this.root, key);
  }

  async write(key: string, content: Readable | Buffer): Promise<number> {
    const target = this.localPath(key);
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.partial`);
    try {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
      await pipeline(source, fs.createWriteStream(temporary, { flags: 'wx' }));
      const { size } = await fs.promises.stat(temporary);
      await fs.promises.rename(temporary, target);
      return size;
    } catch (error) {
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
      const code = (error as NodeJS.ErrnoException).code;
      if (code && UNWRITABLE_CODES.has(code)) {
        throw new StorageError(StorageErrorCode.Unwritable, `cannot write "${key}" to ${this.root} (${code})`, { cause: error });
      }
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    const file = this.localPath(key);
    if (!(await this.exists(key))) throw new StorageError(StorageErrorCode.NotFound, `no artifact "${key}"`);
    return fs.createReadStream(file);
  }

  async exists(key: string): Promise<boolean> {
    return fs.promises.access(this.localPath(key)).then(
      () => true,
      () => false,
    );
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.localPath(key), { recursive: true, force: true });
  }

  async list(prefix: string): Promise<string[]> {
    const entries = await fs.promises.readdir(this.localPath(prefix)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    return entries.filter((name) => !name.startsWith('.')).map((name) => `${prefix}/${name}`).sort();
  }
}
