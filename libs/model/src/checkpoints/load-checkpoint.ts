// Reads a checkpoint folder back: state, weights and optimiser moments, checked for format and config.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { modelConfigProblems } from '../config/validate-model-config';
import { ModelError, ModelErrorCode } from '../model.error';
import type { OptimizerSnapshot } from '../training/adam-optimizer';
import { CHECKPOINT_FILES, type CheckpointState } from './checkpoint-state';
import type { NamedArray } from './named-array';
import { readTensorFile } from './tensor-file';

export interface LoadedCheckpoint {
  path: string;
  state: CheckpointState;
  weights: NamedArray[];
  optimizer: OptimizerSnapshot;
}

export async function readCheckpointState(folder: string): Promise<CheckpointState & { optimizerStep: number }> {
  let state: CheckpointState & { optimizerStep: number };
  try {
    state = JSON.parse(await readFile(path.join(folder, CHECKPOINT_FILES.state), 'utf8')) as CheckpointState & { optimizerStep: number };
  } catch (error) {
    throw new ModelError(
      ModelErrorCode.InvalidCheckpoint,
      `${folder} is not a readable checkpoint (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (state.format !== 'vad-model-checkpoint' || state.formatVersion !== 1) {
    throw new ModelError(ModelErrorCode.InvalidCheckpoint, `${folder}: not a vad model checkpoint of format version 1`);
  }
  const problems = modelConfigProblems(state.config);
  if (problems.length > 0) throw new ModelError(ModelErrorCode.InvalidCheckpoint, `${folder}: invalid model config: ${problems.join('; ')}`);
  return state;
}

export async function loadCheckpoint(folder: string): Promise<LoadedCheckpoint> {
  const state = await readCheckpointState(folder);
  const weights = await readTensorFile(folder, CHECKPOINT_FILES.weights);
  const moments = await readTensorFile(folder, CHECKPOINT_FILES.optimizer);
  return { path: folder, state, weights, optimizer: { step: state.optimizerStep, moments } };
}
