// Where a video's frames are read from: a storage key for what the platform stores (uploads), or the absolute
// path of a file a server-folder import reads in place (the data set stays where the server keeps it).
import path from 'node:path';
import type { ArtifactStorage } from './artifact-storage';

/** Lends the local files of `locations` (keys or in-place paths) to `use`, in the same order. */
export function withSourceFiles<T>(storage: ArtifactStorage, locations: readonly string[], use: (files: string[]) => Promise<T>): Promise<T> {
  const lend = (index: number, files: string[]): Promise<T> => {
    if (index === locations.length) return use(files);
    const location = locations[index];
    if (path.isAbsolute(location)) return lend(index + 1, [...files, location]);
    return storage.withLocalFile(location, (file) => lend(index + 1, [...files, file]));
  };
  return lend(0, []);
}
