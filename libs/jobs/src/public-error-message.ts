// The error a failed job records, which every member of its team reads: without the absolute paths of the
// server's files (data folder, storage, caches), which say how the server is laid out. A path is shortened
// to its last part, which is what a person needs to recognise the file; a file in storage is named by its key.
import type { ArtifactStorage } from '@vad/storage';

const ABSOLUTE_PATH = /(?<![\w.:/~-])\/(?:[^\s/"'`(),;:<>]+\/)+([^\s/"'`(),;:<>]+)/g;

export function publicErrorMessage(message: string, storage?: Pick<ArtifactStorage, 'pathsAsKeys'>): string {
  return (storage ? storage.pathsAsKeys(message) : message).replace(ABSOLUTE_PATH, '$1');
}
