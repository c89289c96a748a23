// One process at a time may open an embedded (PGlite) data folder: two would corrupt it.
// A lock file holds the owner's pid; a lock left by a dead process is taken over.
import fs from 'node:fs';
import path from 'node:path';
import { DbError, DbErrorCode } from '../db.error';

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): DataDirLock {
  const file = path.join(dir, 'vad.lock');
  for (let tries = 0; tries < 2; tries++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return { release: () => fs.rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DbError(
          DbErrorCode.DataDirLocked,
          `the embedded database in ${dir} is in use by process ${owner}; stop it, or give this instance its own VAD_DATA_DIR`,
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DbError(DbErrorCode.DataDirLocked, `could not lock the embedded database in ${dir}`);
}
