// Progress reports of a training run, for the job system and the CLI, and the estimate of time left.

import type { StepLosses, TrainingStage } from './training-step';

export interface TrainingProgress {
  stage: TrainingStage;
  /** 1-based epoch over both stages. */
  epoch: number;
  totalEpochs: number;
  /** 1-based step within the epoch. */
  step: number;
  /** Steps of an epoch, once known (after the first epoch, or from the caller's hint). */
  stepsPerEpoch: number | null;
  globalStep: number;
  loss: number;
  parts: StepLosses;
  /** Training frames per second over the epoch so far. */
  framesPerSecond: number;
  /** Seconds left for the whole run, once it can be estimated. */
  etaSeconds: number | null;
}

/** Time left = steps left × mean seconds per step so far (stage 2 steps are cheaper: an overestimate). */
export function estimateSecondsLeft(args: {
  secondsPerStep: number;
  step: number;
  stepsPerEpoch: number | null;
  epoch: number;
  totalEpochs: number;
}): number | null {
  if (args.stepsPerEpoch === null || !(args.secondsPerStep > 0)) return null;
  const leftThisEpoch = Math.max(0, args.stepsPerEpoch - args.step);
  return (leftThisEpoch + (args.totalEpochs - args.epoch) * args.stepsPerEpoch) * args.secondsPerStep;
}
