// Which `vad start` runs on a data folder: it leaves its API's address there while it runs, so that a local
// command (`vad dataset import`) goes through it instead of opening the embedded store beside it — a store the
// dashboard would never show, and one that two processes must not write at once.
import fs from 'node:fs';
import path from 'node:path';

const FILE = 'platform.json';

interface RunningPlatformRecord {
  pid: number;
  api: string;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, another user's
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Records this process's API on the data folder; returns the function that removes the record. */
export function recordRunningPlatform(dataDir: string, api: string): () => void {
  const file = path.join(dataDir, FILE);
  fs.writeFileSync(file, `${JSON.stringify({ pid: process.pid, api } satisfies RunningPlatformRecord)}\n`);
  return () => {
    // a later platform may have replaced it
    if (runningPlatformRecord(dataDir)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
}

function runningPlatformRecord(dataDir: string): RunningPlatformRecord | null {
  try {
    const record = JSON.parse(fs.readFileSync(path.join(dataDir, FILE), 'utf8')) as Partial<RunningPlatformRecord>;
    return typeof record.pid === 'number' && typeof record.api === 'string' ? { pid: record.pid, api: record.api } : null;
  } catch {
    return null;
  }
}

/** The API of another live `vad start` on this data folder, or null (none, or a record left by one that died). */
export function runningPlatform(dataDir: string): string | null {
  const record = runningPlatformRecord(dataDir);
  return record !== null && record.pid !== process.pid && isAlive(record.pid) ? record.api : null;
}
