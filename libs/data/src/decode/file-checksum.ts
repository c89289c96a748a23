// Content checksums that identify a video independently of its name or location: the key of the
// frame cache and an input of the data set version.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Incremental checksum of a frame folder: each frame's name and content digest, in frame order. */
export class FrameFolderHasher {
  private readonly outer = createHash('sha256');

  add(name: string, bytes: Uint8Array): void {
    const inner = createHash('sha256').update(bytes).digest('hex');
    this.outer.update(`${name}\0${inner}\n`);
  }

  digest(): string {
    return this.outer.digest('hex');
  }
}
