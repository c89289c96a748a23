// The frame-level report stored with an evaluation: micro and macro AUC, EER, a plottable ROC curve and the
// per-video AUCs, all from one pass over the data. Every number is a fraction in [0, 1], not a percentage.
import { aucFromCounts } from '../roc/roc-auc';
import { rocCurveFromCounts } from '../roc/roc-curve';
import { equalErrorRate } from '../roc/eer';
import { DEFAULT_CURVE_POINTS, downsampleCurve } from '../roc/downsample-curve';
import { thresholdCounts } from '../roc/threshold-counts';
import { macroAuc } from './macro-auc';
import { concatenateVideos } from './micro-auc';
import { assertVideoFrames, type VideoFrames } from './video-frames';

export interface FrameEvaluationOptions {
  /** Macro AUC padding as in the reference code (see macro-auc.ts). Default false: skip single-class videos. */
  readonly macroPad?: boolean;
  /** Most points in the returned ROC curve. Default 512. */
  readonly curvePoints?: number;
}

/** Plain JSON data, ready to store. */
export interface FrameEvaluation {
  readonly microAuc: number;
  readonly macroAuc: number | null;
  /** Equal error rate of the micro (all-frames) ROC. */
  readonly eer: number;
  readonly videosSkipped: number;
  readonly skippedVideos: readonly string[];
  readonly macroPad: boolean;
  readonly perVideoAuc: Readonly<Record<string, number | null>>;
  readonly numVideos: number;
  readonly numFrames: number;
  readonly numAnomalousFrames: number;
  /** Micro ROC curve, downsampled for plotting. */
  readonly rocCurve: { readonly fpr: readonly number[]; readonly tpr: readonly number[] };
}

export function evaluateFrames(videos: readonly VideoFrames[], options: FrameEvaluationOptions = {}): FrameEvaluation {
  assertVideoFrames(videos);
  const counts = thresholdCounts(concatenateVideos(videos), 'all frames');
  const fullCurve = rocCurveFromCounts(counts);
  const curve = downsampleCurve(fullCurve, options.curvePoints ?? DEFAULT_CURVE_POINTS);
  const macro = macroAuc(videos, { pad: options.macroPad === true });
  return {
    microAuc: aucFromCounts(counts),
    macroAuc: macro.macroAuc,
    eer: equalErrorRate(fullCurve),
    videosSkipped: macro.skippedVideos.length,
    skippedVideos: macro.skippedVideos,
    macroPad: options.macroPad === true,
    perVideoAuc: macro.perVideoAuc,
    numVideos: videos.length,
    numFrames: counts.positives + counts.negatives,
    numAnomalousFrames: counts.positives,
    rocCurve: { fpr: Array.from(curve.fpr), tpr: Array.from(curve.tpr) },
  };
}
