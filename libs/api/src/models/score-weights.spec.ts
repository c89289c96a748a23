import { PAPER_WEIGHTS } from '@vad/metrics';
import { scoreWeightsOf } from './score-weights';

describe('scoreWeightsOf', () => {
  const statistics = { teacherError: { frame: { location: 0, scale: 1 } }, discrepancy: null, classifier: null };

  it('shows the weights a version chose, with the AUCs they were chosen on', () => {
    const stored = {
      statistics: { ...statistics, weights: { teacherError: 0.7, discrepancy: 0.1, classifier: 0.2 } },
      weightChoice: { aucBySet: { 'pasted-objects': 0.9, 'faster-motion': 0.8 }, referenceAucBySet: { 'pasted-objects': 0.85, 'faster-motion': 0.7 } },
    };
    expect(scoreWeightsOf(stored)).toEqual({
      teacherError: 0.7,
      discrepancy: 0.1,
      classifier: 0.2,
      source: 'chosen',
      validationAuc: [
        { set: 'pasted-objects', auc: 0.9 },
        { set: 'faster-motion', auc: 0.8 },
      ],
      paperWeightsValidationAuc: [
        { set: 'pasted-objects', auc: 0.85 },
        { set: 'faster-motion', auc: 0.7 },
      ],
    });
  });

  it("shows the paper's weights for a version that chose none, or has no statistics", () => {
    for (const stored of [{ statistics }, null]) {
      expect(scoreWeightsOf(stored)).toEqual({ ...PAPER_WEIGHTS, source: 'paper', validationAuc: [], paperWeightsValidationAuc: [] });
    }
  });
});
