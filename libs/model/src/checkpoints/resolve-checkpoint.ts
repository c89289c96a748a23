// Turns what a user passes as `--model` into one checkpoint folder: the folder itself when it is a
// checkpoint, else the checkpoint a finished run selected (selection.json), else the run's latest.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ModelError, ModelErrorCode } from '../model.error';
import { CHECKPOINT_FILES } from './checkpoint-state';
import { latestCheckpoint } from './latest-checkpoint';

/** Written by trainModel into the run folder when a run completes. */
export interface RunSelection {
  format: 'vad-model-selection';
  rule: 'last-epoch' | 'validation-loss';
  epoch: number;
  /** Folder name inside the run folder. */
  checkpoint: string;
}

export const SELECTION_FILE = 'selection.json';

const isFile = (p: string) =>
  stat(p).then(
    (s) => s.isFile(),
    () => false,
  );

export async function resolveCheckpoint(modelPath: string): Promise<string> {
  if (await isFile(path.join(modelPath, CHECKPOINT_FILES.state))) return modelPath;
  const selectionPath = path.join(modelPath, SELECTION_FILE);
  if (await isFile(selectionPath)) {
    const selection = JSON.parse(await readFile(selectionPath, 'utf8')) as RunSelection;
    return path.join(modelPath, selection.checkpoint);
  }
  const latest = await latestCheckpoint(modelPath);
  if (latest === null) {
    throw new ModelError(ModelErrorCode.InvalidCheckpoint, `${modelPath} is neither a checkpoint folder nor a training run folder with checkpoints`);
  }
  return latest;
}
