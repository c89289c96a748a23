// Uploaded videos are recorded by storage key. Versions before 0.2 recorded the absolute path of the stored
// file instead; this rewrites those rows as the keys they point at, once per start (a no-op when none are left).
// Videos that a server-folder import reads in place keep their absolute path: they are not in storage.
import type { PrismaClient } from '../generated/prisma/client';

/** Rows rewritten: videos whose path lies in the storage folder `storageRoot` (an absolute folder). */
export function videoPathsAsStorageKeys(prisma: PrismaClient, storageRoot: string): Promise<number> {
  const prefix = `${storageRoot.replace(/\/+$/, '')}/`;
  return prisma.$executeRaw`UPDATE "Video" SET "path" = substr("path", ${prefix.length + 1}) WHERE starts_with("path", ${prefix})`;
}
