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
  /** A local path for tools that need one (ffmpeg, tfjs checkpoints); local storage returns the file itself. */
  localPath(key: string): string;
}
