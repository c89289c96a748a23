// Where training steps run: in this thread (LocalStepRunner), or split across worker threads
// (parallel/data-parallel-replicas.ts). trainModel drives either through this interface, so epochs,
// checkpoints, resume and progress are the same code for both.
import type { OptimizerConfig } from '../config/model-config';
import type { NamedArray } from '../checkpoints/named-array';
import type { Detector } from '../detector/detector';
import type { RandomState, SeededRandom } from '@vad/data/random';
import type { AdamOptimizer, OptimizerSnapshot } from './adam-optimizer';
import { batchTensors, disposeBatchTensors } from './batch-tensors';
import { stageOptimizer, type StageStart } from './stage-optimizer';
import type { TrainingBatch } from './training-batch';
import { trainingStep, type StepLosses, type TrainingStage } from './training-step';

/** What a checkpoint needs from the runner after an epoch. */
export interface RunnerState {
  weights: NamedArray[];
  optimizer: OptimizerSnapshot;
  randomState: RandomState;
}

export interface StepRunner {
  /** Starts a stage with a fresh optimiser, or with `start.saved` when a resumed run continues one. */
  beginStage(start: StageStart): Promise<void>;
  step(batch: TrainingBatch, stage: TrainingStage): Promise<StepLosses>;
  /** The state after the last step; the runner's `detector` holds the same weights afterwards. */
  state(): Promise<RunnerState>;
  dispose(): Promise<void>;
}

export class LocalStepRunner implements StepRunner {
  private optimizer: AdamOptimizer | null = null;

  constructor(
    private readonly detector: Detector,
    private readonly optimizerConfig: OptimizerConfig,
    private readonly rng: SeededRandom,
  ) {}

  async beginStage(start: StageStart): Promise<void> {
    this.optimizer?.dispose();
    this.optimizer = null;
    this.optimizer = stageOptimizer(this.detector, this.optimizerConfig, start);
  }

  async step(batch: TrainingBatch, stage: TrainingStage): Promise<StepLosses> {
    const tensors = batchTensors(batch, this.detector.config);
    try {
      return await trainingStep(this.detector, this.activeOptimizer(), tensors, stage, this.rng);
    } finally {
      disposeBatchTensors(tensors);
    }
  }

  async state(): Promise<RunnerState> {
    return { weights: await this.detector.parameters.snapshot(), optimizer: await this.activeOptimizer().snapshot(), randomState: this.rng.getState() };
  }

  async dispose(): Promise<void> {
    this.optimizer?.dispose();
    this.optimizer = null;
  }

  private activeOptimizer(): AdamOptimizer {
    if (this.optimizer === null) throw new Error('beginStage must run before the first step');
    return this.optimizer;
  }
}
