// Test double for a disk that fills up or a folder that turns read-only: local storage whose writes fail with
// a chosen errno code, switched on and off by the test. Root ignores permission bits and a full disk cannot be
// made on demand, so the fault is injected here, at the storage boundary, and goes through LocalStorage's
// real clean-up and error reporting.
import type { Readable } from 'node:stream';
import type { ArtifactStorage } from '../artifact-storage';
import { LocalStorage } from '../local-storage';

export type WriteFaultCode = 'ENOSPC' | 'EACCES' | 'EROFS';

export class FailingWritesStorage implements ArtifactStorage {
  /** The code every write fails with, or null while writes succeed. */
  fault: WriteFaultCode | null = null;
  private readonly inner: LocalStorage;

  constructor(readonly root: string) {
    this.inner = new LocalStorage(root);
  }

  write(key: string, content: Readable | Buffer): Promise<number> {
    if (this.fault === null) return this.inner.write(key, content);
    return this.writeFile(key, async () => undefined).then(() => 0);
  }

  /** A failing write fails after `produce` has written its temporary file, as a disk that fills up mid-write. */
  writeFile(key: string, produce: (temporaryPath: string) => Promise<unknown>): Promise<void> {
    const fault = this.fault;
    if (fault === null) return this.inner.writeFile(key, produce);
    return this.inner.writeFile(key, async (temporary) => {
      await produce(temporary);
      throw Object.assign(new Error(`${fault}: injected write failure, write '${temporary}'`), { code: fault });
    });
  }

  read(key: string): Promise<Readable> {
    return this.inner.read(key);
  }

  exists(key: string): Promise<boolean> {
    return this.inner.exists(key);
  }

  remove(key: string): Promise<void> {
    return this.inner.remove(key);
  }

  list(prefix: string): Promise<string[]> {
    return this.inner.list(prefix);
  }

  withLocalFile<T>(key: string, use: (file: string) => Promise<T>): Promise<T> {
    return this.inner.withLocalFile(key, use);
  }

  withWorkFolder<T>(key: string, use: (folder: string) => Promise<T>): Promise<T> {
    return this.inner.withWorkFolder(key, use);
  }

  adopt(key: string, file: string): Promise<void> {
    return this.inner.adopt(key, file);
  }

  stagingFolder(): string {
    return this.inner.stagingFolder();
  }

  pathsAsKeys(text: string): string {
    return this.inner.pathsAsKeys(text);
  }
}
