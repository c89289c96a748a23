// Test fixtures: a model small enough to train in milliseconds, synthetic batches shaped like
// libs/data's TrainingBatch, and the wasm backend with the project's kernels. Not exported by the library.
import * as tf from '@tensorflow/tfjs';
import { registerWasmTrainingKernels } from '../backends/wasm-training-kernels';
import type { ModelConfig, TrainingConfig } from '../config/model-config';
import { modelDimensions } from '../config/model-dimensions';
import { paperModelConfig, paperTrainingConfig } from '../presets/model-presets';
import { SeededRandom } from '@vad/data/random';
import type { TrainingBatch } from '../training/training-batch';

/** 16×16 gray, patch 4 (16 tokens), widths 16/8: the paper's structure at toy size. */
export function tinyConfig(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    ...paperModelConfig({ inputHeight: 16, inputWidth: 16, patchSize: 4, colour: 'gray' }),
    encoder: { width: 16, depth: 1, heads: 2 },
    decoder: { width: 8, depth: 2, heads: 2 },
    ...overrides,
  };
}

export function tinyTraining(overrides: Partial<TrainingConfig> = {}): TrainingConfig {
  return {
    ...paperTrainingConfig(),
    teacherEpochs: 2,
    studentEpochs: 1,
    batchSize: 4,
    optimizer: { ...paperTrainingConfig().optimizer, learningRate: 3e-3 },
    ...overrides,
  };
}

/**
 * A batch of smooth random frames: input = t−3/t/t+3 (or t), target = frame t + anomaly map, where
 * every other sample has a bright square pasted into the input and marked in the map.
 */
export function syntheticBatch(config: ModelConfig, size: number, seed: number): TrainingBatch {
  const dims = modelDimensions(config);
  const rng = SeededRandom.fromSeed(seed);
  const { inputHeight: h, inputWidth: w } = config;
  const c = dims.frameChannels;
  const stack = dims.inputChannels / c;
  const input = new Float32Array(size * h * w * dims.inputChannels);
  const target = new Float32Array(size * h * w * (c + 1));
  const tokenWeights = new Float32Array(size * dims.tokens);
  const hasAnomaly = new Float32Array(size);
  for (let b = 0; b < size; b++) {
    const fx = 0.2 + rng.nextFloat();
    const fy = 0.2 + rng.nextFloat();
    const phase = rng.nextFloat() * 6;
    const anomalous = config.ablation.syntheticData && b % 2 === 1;
    hasAnomaly[b] = anomalous ? 1 : 0;
    const ax = rng.nextInt(w - 4);
    const ay = rng.nextInt(h - 4);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const inSquare = anomalous && x >= ax && x < ax + 4 && y >= ay && y < ay + 4;
        for (let s = 0; s < stack; s++) {
          const shift = (s - (stack - 1) / 2) * 0.3;
          for (let k = 0; k < c; k++) {
            const clean = 0.8 * Math.sin(fx * x + fy * y + phase + shift + k);
            input[((b * h + y) * w + x) * dims.inputChannels + s * c + k] = inSquare ? 1 : clean;
            if (s === (stack - 1) / 2) target[((b * h + y) * w + x) * (c + 1) + k] = clean;
          }
        }
        target[((b * h + y) * w + x) * (c + 1) + c] = inSquare ? 1 : 0;
      }
    }
    let sum = 0;
    for (let i = 0; i < dims.tokens; i++) sum += tokenWeights[b * dims.tokens + i] = 0.1 + rng.nextFloat();
    for (let i = 0; i < dims.tokens; i++) tokenWeights[b * dims.tokens + i] /= sum;
  }
  return {
    size,
    height: h,
    width: w,
    inputChannels: dims.inputChannels,
    targetChannels: c + 1,
    patchSize: config.patchSize,
    input,
    target,
    tokenWeights,
    hasAnomaly,
  };
}

export async function useWasmBackend(): Promise<void> {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
}
