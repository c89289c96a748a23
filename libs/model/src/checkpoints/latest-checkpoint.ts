// Finds the most advanced complete checkpoint of a training run (what `--resume` continues from).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CHECKPOINT_FILES } from './checkpoint-state';

/** Path of the checkpoint with the most epochs under `dir` (complete folders only), or null. */
export async function latestCheckpoint(dir: string): Promise<string | null> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
  const epochs = names
    .map((name) => ({ name, match: /^epoch-(\d+)$/.exec(name) }))
    .filter((e): e is { name: string; match: RegExpExecArray } => e.match !== null)
    .sort((a, b) => Number(b.match[1]) - Number(a.match[1]));
  for (const e of epochs) {
    const folder = path.join(dir, e.name);
    const isComplete = await stat(path.join(folder, CHECKPOINT_FILES.state)).then(
      (s) => s.isFile(),
      () => false,
    );
    if (isComplete) return folder;
  }
  return null;
}
