// `vad bench profile`: one stage-1 training step and one inference batch of a preset, kernel by kernel,
// after a warm-up of each (kernel compilation and first-call set-up are not what a run spends its time on).
// Inputs are synthetic and in memory, as in `vad bench model`; the training step is this thread's (no replicas).
import * as tf from '@tensorflow/tfjs';
import { Detector } from '../detector/detector';
import { scoreStackedFrames } from '../inference/score-frames';
import type { ModelPreset } from '../presets/model-presets';
import { SeededRandom } from '@vad/data/random';
import { batchTensors, disposeBatchTensors } from '../training/batch-tensors';
import { trainingStep } from '../training/training-step';
import { defaultBenchTrainBatch, randomInputFrames, randomTrainingBatch, stageOneOptimizer } from './bench-model';
import { profileKernels, type KernelProfile, type SummariseOptions } from './kernel-profile';

export interface ProfileModelOptions extends SummariseOptions {
  preset: ModelPreset;
  /** Samples of the training step (default: the preset's batch, at most 8, as `vad bench model`). */
  trainBatch?: number;
  /** Frames of the inference batch (default 32). */
  inferenceBatch?: number;
  seed?: number;
}

export interface ModelProfile {
  preset: string;
  backend: string;
  trainBatch: number;
  inferenceBatch: number;
  training: KernelProfile;
  inference: KernelProfile;
}

export async function profileModel(options: ProfileModelOptions): Promise<ModelProfile> {
  const { preset } = options;
  const config = preset.model;
  const seed = options.seed ?? 0;
  const trainBatch = options.trainBatch ?? defaultBenchTrainBatch(preset);
  const inferenceBatch = options.inferenceBatch ?? 32;
  await tf.ready();
  const detector = Detector.create(config, seed);
  const optimizer = stageOneOptimizer(detector, { ...preset.training.optimizer, schedule: undefined });
  const batch = batchTensors(randomTrainingBatch(preset, trainBatch, seed), config);
  const frames = randomInputFrames(config, inferenceBatch, seed);
  try {
    const rng = SeededRandom.fromSeed(seed);
    const step = async () => {
      await trainingStep(detector, optimizer, batch, 1, rng);
    };
    const infer = async () => {
      await scoreStackedFrames(detector, frames);
    };
    await step();
    const training = await profileKernels(step, options);
    await infer();
    const inference = await profileKernels(infer, options);
    return { preset: preset.name, backend: tf.getBackend(), trainBatch, inferenceBatch, training, inference };
  } finally {
    frames.dispose();
    disposeBatchTensors(batch);
    optimizer.dispose();
    detector.dispose();
  }
}
