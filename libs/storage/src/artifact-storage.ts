// Where artifacts live (uploaded videos, frame caches, checkpoints, anomaly maps), addressed by keys such
// as "teams/<id>/videos/<id>.mp4". Callers never see paths, so object storage can replace the local
// folder later without touching them.
import type { Readable } from 'node:stream';

export interface ArtifactStorage {
  /** Writes a stream under key atomically: readers see the whole file or nothing. Returns bytes written. */
  write(key: string, content: Readable | Buffer): Promise<number>;
  /**
   * For writers that need a file path (formats written in place): `produce` writes the artifact at a temporary
   * local path, which is renamed under key once it resolves. Same atomicity and errors as `write`.
   */
  writeFile(key: string, produce: (temporaryPath: string) => Promise<unknown>): Promise<void>;
  read(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Removes a file or a whole prefix ("folder"); missing keys are not an error. */
  remove(key: string): Promise<void>;
  /** Keys directly below a prefix. */
  list(prefix: string): Promise<string[]>;
  /**
   * Lends a stored file or folder to a tool that needs a local path (ffmpeg, tfjs checkpoints) for the time
   * of `use`; local storage lends the stored file itself. The path must not be kept or recorded: keys are.
   */
  withLocalFile<T>(key: string, use: (file: string) => Promise<T>): Promise<T>;
  /**
   * A local working folder whose contents are the artifacts under `key` (a training run's checkpoints, which a
   * resumed job continues): local storage works in the stored folder itself, so nothing is lost on a crash.
   */
  withWorkFolder<T>(key: string, use: (folder: string) => Promise<T>): Promise<T>;
  /** Takes in a local file (an upload received in `stagingFolder()`), moving it under `key`. */
  adopt(key: string, file: string): Promise<void>;
  /** Where files on their way in wait (on the same disk as local storage, so that adopting them is a rename). */
  stagingFolder(): string;
  /** `text` with this storage's local paths written as the keys they hold (for errors that people read). */
  pathsAsKeys(text: string): string;
}
