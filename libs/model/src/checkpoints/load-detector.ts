// Rebuilds a detector from a checkpoint folder: its config, then its weights (BatchNorm statistics included).
import { Detector } from '../detector/detector';
import { loadCheckpoint, type LoadedCheckpoint } from './load-checkpoint';

export function detectorFromCheckpoint(checkpoint: LoadedCheckpoint): Detector {
  const detector = Detector.create(checkpoint.state.config, checkpoint.state.seed);
  try {
    detector.parameters.restore(checkpoint.weights);
  } catch (error) {
    detector.dispose();
    throw error;
  }
  return detector;
}

export async function loadDetector(folder: string): Promise<{ detector: Detector; checkpoint: LoadedCheckpoint }> {
  const checkpoint = await loadCheckpoint(folder);
  return { detector: detectorFromCheckpoint(checkpoint), checkpoint };
}
