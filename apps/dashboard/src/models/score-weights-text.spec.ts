import { scoreWeightsText } from './score-weights-text';

describe('scoreWeightsText', () => {
  it('says the weights were chosen on training data, with the AUCs beside the paper weights’', () => {
    const text = scoreWeightsText({
      teacherError: 0.6,
      discrepancy: 0.1,
      classifier: 0.3,
      source: 'chosen',
      validationAuc: [
        { set: 'pasted-objects', auc: 0.964 },
        { set: 'faster-motion', auc: 0.873 },
      ],
      paperWeightsValidationAuc: [
        { set: 'pasted-objects', auc: 0.951 },
        { set: 'faster-motion', auc: 0.802 },
      ],
    });
    expect(text).toEqual({
      weights: 'α 0.6 · β 0.1 · γ 0.3',
      source:
        "chosen on pseudo-anomalies in held-out training videos: AUC pasted objects 96.4, faster motion 87.3 (the paper's weights: pasted objects 95.1, faster motion 80.2)",
    });
  });

  it("names the paper's weights for a version that chose none", () => {
    const text = scoreWeightsText({ teacherError: 0.4, discrepancy: 0.3, classifier: 0.3, source: 'paper', validationAuc: [], paperWeightsValidationAuc: [] });
    expect(text).toEqual({ weights: 'α 0.4 · β 0.3 · γ 0.3', source: "the paper's (this version chose none)" });
  });
});
