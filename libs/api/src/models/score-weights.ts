// The eq. 6 weights a model version is scored with under `paper-chosen-weights`, read from its stored component
// statistics through the protocol's own rule (protocolWeights), so that what the API shows is what scoring does.
import { protocolPreset, protocolWeights, type ComponentStatistics } from '@vad/metrics';

/** The part of a stored component-statistics file this reads (libs/jobs writes it). */
interface StoredStatistics {
  statistics?: ComponentStatistics;
  weightChoice?: { aucBySet?: Record<string, number>; referenceAucBySet?: Record<string, number> };
}

const asList = (byName: Record<string, number> | undefined) => Object.entries(byName ?? {}).map(([set, auc]) => ({ set, auc }));

export function scoreWeightsOf(componentStatistics: unknown) {
  const stored = (componentStatistics ?? null) as StoredStatistics | null;
  const statistics = stored?.statistics ?? null;
  const weights = protocolWeights(protocolPreset('paper-chosen-weights'), statistics);
  const chosen = statistics?.weights !== undefined;
  return {
    ...weights,
    source: chosen ? 'chosen' : 'paper',
    validationAuc: chosen ? asList(stored?.weightChoice?.aucBySet) : [],
    paperWeightsValidationAuc: chosen ? asList(stored?.weightChoice?.referenceAucBySet) : [],
  };
}
