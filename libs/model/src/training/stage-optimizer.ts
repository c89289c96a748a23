// The optimiser of one training stage: Adam(W) over that stage's trainable parameters (METHOD.md §5).
import type { OptimizerConfig } from '../config/model-config';
import { STAGE_ROLES, type Detector } from '../detector/detector';
import { AdamOptimizer, type OptimizerSnapshot } from './adam-optimizer';
import type { TrainingStage } from './training-step';

/** A fresh optimiser for `stage`, or one carried on from `saved` (a resumed run's state). */
export function stageOptimizer(detector: Detector, config: OptimizerConfig, stage: TrainingStage, saved: OptimizerSnapshot | null): AdamOptimizer {
  const params = detector.parameters.trainable(STAGE_ROLES[stage]).map((e) => ({ name: e.name, variable: e.variable }));
  const optimizer = new AdamOptimizer(config, params);
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
