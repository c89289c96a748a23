// The learning rate of an optimiser step: constant (the paper), or warm-up then cosine annealing, which
// lets a short CPU schedule use a larger rate without the first steps of a fresh model blowing up.
import type { OptimizerConfig } from '../config/model-config';
import { ModelError, ModelErrorCode } from '../model.error';

/**
 * lr of 1-based step `step` of a stage of `stageSteps` steps. Warm-up rises linearly to lr over
 * `warmupSteps`; cosine then falls from lr to lr·finalFactor at the stage's last step (and stays there if
 * a stage runs longer than planned).
 * @example learningRateAt({ ...PAPER_OPTIMIZER, learningRate: 1e-3, schedule: { warmupSteps: 10, decay: 'cosine', finalFactor: 0 } }, 5, 110) // 5e-4
 */
export function learningRateAt(config: OptimizerConfig, step: number, stageSteps: number | null): number {
  const { learningRate: lr, schedule } = config;
  if (schedule === undefined) return lr;
  if (step <= schedule.warmupSteps) return (lr * step) / schedule.warmupSteps;
  if (schedule.decay === 'constant') return lr;
  if (stageSteps === null) {
    throw new ModelError(ModelErrorCode.InvalidConfig, 'a cosine learning-rate schedule needs the number of steps of the stage (stepsPerEpoch)');
  }
  const span = stageSteps - schedule.warmupSteps;
  const progress = span <= 0 ? 1 : Math.min(1, (step - schedule.warmupSteps) / span);
  const factor = schedule.finalFactor + (1 - schedule.finalFactor) * 0.5 * (1 + Math.cos(Math.PI * progress));
  return lr * factor;
}
