// Messages between the coordinating thread and a data-parallel training replica (a worker thread).
// Each replica answers every request with exactly one reply, in order.
import type { BackendChoice } from '../../backends/select-backend';
import type { BatchShard } from '../../blocks/forward-mode';
import type { NamedArray } from '../../checkpoints/named-array';
import type { ModelConfig, OptimizerConfig } from '../../config/model-config';
import type { RandomState } from '@vad/data/random';
import type { OptimizerSnapshot } from '../adam-optimizer';
import type { StageStart } from '../stage-optimizer';
import type { TrainingBatch } from '../training-batch';
import type { StepLosses, TrainingStage } from '../training-step';
import type { ReplicaChannelMemory } from './replica-channel';

/** workerData of a replica thread. */
export interface ReplicaInit {
  rank: number;
  memory: ReplicaChannelMemory;
  backend: BackendChoice;
  config: ModelConfig;
  optimizer: OptimizerConfig;
  /** The coordinator's weights, so that every replica starts from the same model. */
  weights: NamedArray[];
  randomState: RandomState;
}

export type ReplicaRequest =
  | { type: 'stage'; start: StageStart }
  | { type: 'step'; stage: TrainingStage; shard: BatchShard; batch: TrainingBatch }
  | { type: 'state' }
  /** Take another replica's state (after a step this replica sat out). */
  | { type: 'load'; weights: NamedArray[]; optimizer: OptimizerSnapshot; randomState: RandomState };

export type ReplicaReply =
  | { type: 'ready' }
  | { type: 'done' }
  | { type: 'losses'; losses: StepLosses }
  | { type: 'state'; weights: NamedArray[]; optimizer: OptimizerSnapshot; randomState: RandomState }
  | { type: 'error'; message: string; code: string | null };
