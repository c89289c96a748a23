// Writes one checkpoint folder atomically: everything goes to a temporary sibling folder, which is
// renamed into place at the end, so a crash never leaves a half-written checkpoint under the real name.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OptimizerSnapshot } from '../training/adam-optimizer';
import type { NamedArray } from './named-array';
import { writeTensorFile } from './tensor-file';
import { CHECKPOINT_FILES, checkpointFolderName, type CheckpointState } from './checkpoint-state';

export interface CheckpointContents {
  state: CheckpointState;
  weights: readonly NamedArray[];
  /** Optimiser of the stage that just ran. */
  optimizer: OptimizerSnapshot;
}

/** Saves under `<dir>/epoch-NNNN` and returns that path; an existing folder of the same epoch is replaced. */
export async function saveCheckpoint(dir: string, contents: CheckpointContents): Promise<string> {
  const finalPath = path.join(dir, checkpointFolderName(contents.state.epoch));
  const tempPath = `${finalPath}.tmp-${process.pid}`;
  await mkdir(dir, { recursive: true });
  await rm(tempPath, { recursive: true, force: true });
  await mkdir(tempPath);
  try {
    await writeTensorFile(tempPath, CHECKPOINT_FILES.weights, contents.weights);
    await writeTensorFile(tempPath, CHECKPOINT_FILES.optimizer, contents.optimizer.moments);
    const state = { ...contents.state, optimizerStep: contents.optimizer.step };
    await writeFile(path.join(tempPath, CHECKPOINT_FILES.state), JSON.stringify(state, null, 1) + '\n');
    await rm(finalPath, { recursive: true, force: true });
    await rename(tempPath, finalPath);
  } catch (error) {
    await rm(tempPath, { recursive: true, force: true });
    throw error;
  }
  return finalPath;
}
