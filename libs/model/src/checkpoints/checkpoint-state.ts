// What a checkpoint folder records besides tensors: enough to rebuild the model, to resume training
// exactly, and to say which data and which selection rule produced it.
import type { CheckpointSelection, ModelConfig, TrainingConfig } from '../config/model-config';
import type { RandomState } from '@vad/data/random';

/** One finished epoch, as recorded in every later checkpoint. */
export interface EpochRecord {
  /** 1-based epoch number over both stages. */
  epoch: number;
  stage: 1 | 2;
  steps: number;
  frames: number;
  /** Mean training loss of the epoch. */
  loss: number;
  /** Mean of each named loss part (reconstruction, classification, distillation). */
  parts: Record<string, number>;
  /** Loss on the validation split (never test labels), when one was given. */
  validationLoss: number | null;
  seconds: number;
}

export interface CheckpointState {
  format: 'vad-model-checkpoint';
  formatVersion: 1;
  /** Epochs completed (1-based; the folder is named after it). */
  epoch: number;
  /** Stage of the epoch just completed. */
  stage: 1 | 2;
  /** Optimiser steps over the whole run. */
  globalStep: number;
  /** Base seed of the run. */
  seed: number;
  /** State of the training stream (masks, dropout) after this epoch. */
  randomState: RandomState;
  config: ModelConfig;
  training: TrainingConfig;
  /** Content hash / version of the training data set, as given by the caller. */
  datasetVersion: string | null;
  history: EpochRecord[];
  /** The rule that picks the reported checkpoint, recorded with the result. */
  selectionRule: CheckpointSelection;
}

export const CHECKPOINT_FILES = {
  state: 'state.json',
  weights: 'weights',
  optimizer: 'optimizer',
} as const;

/** Folder name of the checkpoint after `epoch` epochs: epoch-0001, epoch-0002, ... */
export function checkpointFolderName(epoch: number): string {
  return `epoch-${String(epoch).padStart(4, '0')}`;
}
