// Chooses α, β, γ of eq. 6 for one model version from training data only. The paper fixes them per data set
// without saying how they were found; a fixed triple also ignores that each training run ends with components
// of different quality (one seed's discrepancy separates well, another's does not). So each candidate on a
// simplex grid scores frames of HELD-OUT TRAINING videos that carry pseudo-anomalies made from training
// data (pasted objects, faster motion: libs/jobs pseudo-anomaly-sets.ts) and the candidate with the best
// mean AUC over the sets wins. The frames are scored as `paper` scores a frame before its temporal stages:
// components standardised with the training statistics, weighted, max over map cells. No test video is read.
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import { rocAuc } from '../roc/roc-auc';
import { combineMapComponents, type MapComponents } from './combine-components';
import { normaliseComponents, type ComponentStatistics } from './component-normalisation';
import type { ComponentWeights } from './protocol';
import { reduceFrames } from './reduce-frames';

/** Frames with pseudo-anomalies: each frame scored on its own (no temporal order), labels 1 where one was made. */
export interface PseudoAnomalySet {
  readonly name: string;
  readonly components: MapComponents;
  readonly labels: ArrayLike<number>;
}

export interface ComponentWeightsChoice {
  readonly weights: ComponentWeights;
  /** Mean AUC over the sets of the chosen weights, and each set's. */
  readonly auc: number;
  readonly aucBySet: Readonly<Record<string, number>>;
  /** The same for the reference weights (the paper's), for comparison. */
  readonly referenceAuc: number;
  readonly referenceAucBySet: Readonly<Record<string, number>>;
  readonly candidates: number;
}

export interface ChooseComponentWeightsOptions {
  /** Grid step on the simplex α + β + γ = 1 (default 0.1: 66 candidates with all three components). */
  readonly step?: number;
  /** Ties go to the candidate closest to these (the paper's 0.4 / 0.3 / 0.3). */
  readonly reference: ComponentWeights;
}

const KEYS = ['teacherError', 'discrepancy', 'classifier'] as const;

/** Weight triples on the simplex with the given step; a component the model lacks always weighs 0. */
export function simplexWeights(step: number, present: Readonly<Record<(typeof KEYS)[number], boolean>>): ComponentWeights[] {
  const divisions = Math.round(1 / step);
  if (!(step > 0) || Math.abs(divisions * step - 1) > 1e-9) {
    throw new MetricsError(MetricsErrorCode.InvalidParameter, `weight grid step ${step} must divide 1`);
  }
  const out: ComponentWeights[] = [];
  for (let a = 0; a <= divisions; a++) {
    for (let b = 0; a + b <= divisions; b++) {
      const weights = { teacherError: a / divisions, discrepancy: b / divisions, classifier: (divisions - a - b) / divisions };
      if (KEYS.every((key) => present[key] || weights[key] === 0)) out.push(weights);
    }
  }
  return out;
}

function distance(a: ComponentWeights, b: ComponentWeights): number {
  return KEYS.reduce((sum, key) => sum + Math.abs(a[key] - b[key]), 0);
}

/**
 * @throws MetricsError when there is no set, or a set lacks normal or pseudo-anomalous frames.
 */
export function chooseComponentWeights(
  sets: readonly PseudoAnomalySet[],
  statistics: ComponentStatistics,
  options: ChooseComponentWeightsOptions,
): ComponentWeightsChoice {
  if (sets.length === 0) throw new MetricsError(MetricsErrorCode.EmptyInput, 'no pseudo-anomaly sets to choose component weights on');
  const normalised = sets.map((set) => ({ ...set, components: normaliseComponents(set.components, 'training-statistics', statistics) }));
  const first = sets[0].components;
  const candidates = simplexWeights(options.step ?? 0.1, {
    teacherError: true,
    discrepancy: first.discrepancy !== null,
    classifier: first.classifier !== null,
  });
  const evaluate = (weights: ComponentWeights) => {
    const aucBySet: Record<string, number> = {};
    for (const set of normalised) {
      const scores = reduceFrames(combineMapComponents(set.components, weights), 'max');
      aucBySet[set.name] = rocAuc({ scores, labels: set.labels }, `pseudo-anomaly set "${set.name}"`);
    }
    const values = Object.values(aucBySet);
    return { weights, aucBySet, auc: values.reduce((a, b) => a + b, 0) / values.length };
  };
  let best = evaluate(candidates[0]);
  for (const weights of candidates.slice(1)) {
    const result = evaluate(weights);
    const better = result.auc > best.auc + 1e-12;
    const tieCloser = Math.abs(result.auc - best.auc) <= 1e-12 && distance(weights, options.reference) < distance(best.weights, options.reference);
    if (better || tieCloser) best = result;
  }
  const reference = evaluate(options.reference);
  return {
    weights: best.weights,
    auc: best.auc,
    aucBySet: best.aucBySet,
    referenceAuc: reference.auc,
    referenceAucBySet: reference.aucBySet,
    candidates: candidates.length,
  };
}
