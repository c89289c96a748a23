// Removes the partial files of uploads that no request is writing any more. multer deletes a partial
// file when its request fails, but a process killed mid-upload (crash, SIGKILL, power loss) leaves it
// behind, and nothing else would ever delete it.
import fs from 'node:fs';
import path from 'node:path';

/**
 * Node's HTTP server ends every request after `requestTimeout` (300 s by default), so a partial file not
 * written to for longer belongs to no live request — not even to another API process sharing the folder,
 * which is why a fresh partial is kept even at start-up.
 */
export const ABANDONED_UPLOAD_MS = 300_000;

/** Deletes `*.partial` files in `folder` last written more than `olderThanMs` ago; returns how many. */
export async function removeAbandonedUploads(folder: string, olderThanMs: number = ABANDONED_UPLOAD_MS, now: number = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await fs.promises.readdir(folder).catch(() => [] as string[])) {
    if (!name.endsWith('.partial')) continue;
    const file = path.join(folder, name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat === null || now - stat.mtimeMs <= olderThanMs) continue;
    await fs.promises.rm(file, { force: true });
    removed++;
  }
  return removed;
}
