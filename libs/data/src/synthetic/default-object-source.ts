// The object source used when the caller names none: regions cut from the training frames themselves,
// mixed with procedural shapes (so a still scene still gets anomalies), plus annotated actors when the
// data set has them (UBnormal's abnormal training videos).
import type { FrameStore } from '../cache/frame-store';
import { createRandom, combineSeeds } from '../random/seeded-random';
import { type AnnotatedVideo, createAnnotatedRegionSource } from './annotated-region-source';
import { type AnomalyObjectSource, mixObjectSources } from './anomaly-object';
import { createFrameRegionSource, type FrameRegionSourceOptions } from './frame-region-source';
import { createProceduralShapeSource } from './procedural-shapes';

export interface DefaultObjectSourceOptions {
  seed: number;
  /** Relative weights of the sources that have objects (defaults: regions 3, procedural 1, annotated 4). */
  weights?: { regions?: number; procedural?: number; annotated?: number };
  regions?: Partial<FrameRegionSourceOptions>;
  annotated?: readonly AnnotatedVideo[];
}

export async function createDefaultObjectSource(trainingVideos: readonly FrameStore[], options: DefaultObjectSourceOptions): Promise<AnomalyObjectSource> {
  const weights = { regions: 3, procedural: 1, annotated: 4, ...options.weights };
  const regions = await createFrameRegionSource(trainingVideos, createRandom(combineSeeds(options.seed, 1)), options.regions);
  const parts = [
    { source: regions, weight: weights.regions },
    { source: createProceduralShapeSource(), weight: weights.procedural },
  ];
  if (options.annotated !== undefined && options.annotated.length > 0) {
    parts.push({ source: await createAnnotatedRegionSource(options.annotated, createRandom(combineSeeds(options.seed, 2))), weight: weights.annotated });
  }
  return mixObjectSources(parts);
}
