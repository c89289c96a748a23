// A run's frame scores under a protocol preset: from the frame values its pixel stages gave when the INFER job
// recorded the run (stored for every preset), through the preset's frame steps; a run recorded before that
// falls back to its per-frame columns and says which stages it skipped.
import { applyFrameSteps, applyProtocolToComponents, type PixelStagesResult, type PostProcessingProtocol, type ProtocolOutput } from '@vad/metrics';
import type { Store } from '@vad/db';

export function scoresOf(run: Store.InferenceRun, protocol: PostProcessingProtocol): ProtocolOutput {
  const stored = (run.protocolReductions as Record<string, PixelStagesResult> | null)?.[protocol.name];
  if (stored !== undefined && stored.version === protocol.version) {
    return { scores: applyFrameSteps(stored.frames, protocol.parameters.frameSteps), stagesNotApplied: stored.stagesNotApplied };
  }
  const classifier = run.classifier.length === 0 ? run.teacherError.map(() => 0) : run.classifier;
  return applyProtocolToComponents({ teacherError: run.teacherError, discrepancy: run.discrepancy, classifier }, protocol);
}
