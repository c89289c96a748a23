// Confines imports of folders already on the server to the folders the operator allows (VAD_IMPORT_ROOTS).
// Paths are compared after resolving symbolic links, so neither `..` nor a link inside a root leads out of it.
// Whether a path outside the roots exists is never said: the same answer as for a path that does not.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { DataError, DataErrorCode } from '../data.error';

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** The real path of `candidate` when it lies in one of `roots`; else a DataError that says no more than that. */
export async function resolveWithinRoots(candidate: string, roots: readonly string[]): Promise<string> {
  if (roots.length === 0) {
    throw new DataError(
      DataErrorCode.OutsideImportRoots,
      'importing folders from the server is off; the server’s operator can allow folders with VAD_IMPORT_ROOTS',
    );
  }
  const refused = new DataError(DataErrorCode.OutsideImportRoots, `"${candidate}" is not a folder or file under the server’s import roots (VAD_IMPORT_ROOTS)`);
  if (!path.isAbsolute(candidate)) throw refused;
  const real = await realpath(candidate).catch(() => undefined);
  if (real === undefined) throw refused;
  for (const root of roots) {
    const realRoot = await realpath(root).catch(() => undefined);
    if (realRoot !== undefined && isInside(realRoot, real)) return real;
  }
  throw refused;
}
