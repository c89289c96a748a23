// The optimiser of one training stage: Adam(W) over that stage's trainable parameters (docs/method.md §5).
import type { OptimizerConfig } from '../config/model-config';
import { STAGE_ROLES, type Detector } from '../detector/detector';
import { AdamOptimizer, type OptimizerSnapshot } from './adam-optimizer';
import type { TrainingStage } from './training-step';

/** Where a stage's optimiser starts: fresh, or carried on from `saved` (a resumed run's state), over `stageSteps` steps if known. */
export interface StageStart {
  stage: TrainingStage;
  saved: OptimizerSnapshot | null;
  stageSteps: number | null;
}

/** The optimiser of a stage, fresh or restored. */
export function stageOptimizer(detector: Detector, config: OptimizerConfig, start: StageStart): AdamOptimizer {
  const { stage, saved, stageSteps } = start;
  const params = detector.parameters.trainable(STAGE_ROLES[stage]).map((e) => ({ name: e.name, variable: e.variable }));
  const optimizer = new AdamOptimizer(config, params, stageSteps);
  if (saved !== null) {
    try {
      optimizer.restore(saved);
    } catch (error) {
      optimizer.dispose();
      throw error;
    }
  }
  return optimizer;
}
