import type { PostProcessingProtocol } from './protocol';
import { applyFrameSteps, applyProtocolToComponents, applyProtocolToMaps, applyProtocolToScores, protocolWeights } from './apply-protocol';
import { PAPER_WEIGHTS, protocolPreset } from './protocol-presets';

const normaliseOnly: PostProcessingProtocol = {
  name: 'test',
  version: '1',
  parameters: {
    normalisation: 'none',
    weights: { teacherError: 1, discrepancy: 2, classifier: 0 },
    spatioTemporalFilter: null,
    frameReduction: 'max',
    frameSteps: [{ kind: 'min-max-normalise' }],
  },
};

describe('applyFrameSteps', () => {
  it('runs the steps in order', () => {
    // Normalise [0, 10, 0] → [0, 1, 0], then a 3-tap reference-code Gaussian; vs. the reverse order.
    const smoothThenNormalise = applyFrameSteps(
      [0, 10, 0],
      [{ kind: 'temporal-gaussian', sigma: 1, taps: 3, variant: 'reference-code' }, { kind: 'min-max-normalise' }],
    );
    const normaliseThenSmooth = applyFrameSteps(
      [0, 10, 0],
      [{ kind: 'min-max-normalise' }, { kind: 'temporal-gaussian', sigma: 1, taps: 3, variant: 'reference-code' }],
    );
    expect(Math.max(...smoothThenNormalise)).toBe(1);
    expect(Math.max(...normaliseThenSmooth)).toBeLessThan(1);
  });

  it('copies the input when there are no steps', () => {
    const input = [3, 1];
    const out = applyFrameSteps(input, []);
    expect(Array.from(out)).toEqual([3, 1]);
  });
});

describe('applyProtocolToScores', () => {
  it('runs the frame steps and lists the stages it could not apply', () => {
    const result = applyProtocolToScores([2, 4, 3], normaliseOnly);
    expect(Array.from(result.scores)).toEqual([0, 1, 0.5]);
    expect(result.stagesNotApplied).toEqual(['component-weights', 'frame-reduction']);
    expect(applyProtocolToScores([1, 2], protocolPreset('paper')).stagesNotApplied).toEqual([
      'component-normalisation',
      'component-weights',
      'spatio-temporal-filter',
      'frame-reduction',
    ]);
  });
});

describe('applyProtocolToComponents', () => {
  it('weights the components before the frame steps', () => {
    // combined = e + 2d: [1, 4, 2] → normalised [0, 1, 1/3].
    const result = applyProtocolToComponents({ teacherError: [1, 0, 2], discrepancy: [0, 2, 0], classifier: [9, 9, 9] }, normaliseOnly);
    expect(result.scores[1]).toBe(1);
    expect(result.scores[2]).toBeCloseTo(1 / 3, 15);
    expect(result.stagesNotApplied).toEqual(['frame-reduction']);
  });

  it('reports the normalisation and the pixel stages of the paper preset as not applied', () => {
    const result = applyProtocolToComponents({ teacherError: [1], discrepancy: [0], classifier: [0] }, protocolPreset('paper'));
    expect(result.stagesNotApplied).toEqual(['component-normalisation', 'spatio-temporal-filter', 'frame-reduction']);
  });
});

describe('applyProtocolToMaps', () => {
  const map = (values: number[]) => ({ width: 2, height: 1, data: Float32Array.from(values) });

  it('combines, reduces each frame and runs the frame steps, with nothing left out', () => {
    const result = applyProtocolToMaps(
      {
        teacherError: { frame: { channels: 1, maps: [map([1, 0]), map([0, 0]), map([3, 0])] } },
        discrepancy: { frame: { channels: 1, maps: [map([0, 0]), map([0, 1]), map([0, 0])] } },
        classifier: [0, 0, 0],
      },
      normaliseOnly,
      null,
    );
    // Frame maxima of e + 2d: 1, 2, 3 → normalised 0, 0.5, 1.
    expect(Array.from(result.scores)).toEqual([0, 0.5, 1]);
    expect(result.stagesNotApplied).toEqual([]);
  });

  it('standardises each component with the training statistics before weighting', () => {
    const protocol: PostProcessingProtocol = {
      ...normaliseOnly,
      parameters: {
        ...normaliseOnly.parameters,
        normalisation: 'training-statistics',
        weights: { teacherError: 1, discrepancy: 1, classifier: 1 },
        frameSteps: [],
      },
    };
    const statistics = {
      teacherError: { frame: { location: 1, scale: 2 } },
      discrepancy: { frame: { location: 0, scale: 10 } },
      classifier: { location: 0.5, scale: 0.25 },
    };
    const components = {
      teacherError: { frame: { channels: 1, maps: [map([5, 1])] } },
      discrepancy: { frame: { channels: 1, maps: [map([0, 30])] } },
      classifier: [0.75],
    };
    const result = applyProtocolToMaps(components, protocol, statistics);
    // pixel 0: (5−1)/2 + 0 + 1 = 3; pixel 1: 0 + 3 + 1 = 4 → max 4
    expect(Array.from(result.scores)).toEqual([4]);
    expect(result.stagesNotApplied).toEqual([]);
    // without statistics the raw components are combined, and the result says so
    const raw = applyProtocolToMaps(components, protocol, null);
    // pixel 1: 1 + 30 + 0.75
    expect(Array.from(raw.scores)).toEqual([31.75]);
    expect(raw.stagesNotApplied).toEqual(['component-normalisation']);
  });

  it('runs the paper preset end to end', () => {
    // An impulse at frame 15 reaches 6 frames (3D filter radius) + 2 (Gaussian half-width) each way, not frame 0.
    const frames = 30;
    const flat = (value: number) => ({ width: 8, height: 8, data: new Float32Array(64).fill(value) });
    const teacherError = Array.from({ length: frames }, (_, t) => flat(t === 15 ? 1 : 0));
    const zeros = Array.from({ length: frames }, () => flat(0));
    const unit = { location: 0, scale: 1 };
    const result = applyProtocolToMaps(
      {
        teacherError: { frame: { channels: 1, maps: teacherError } },
        discrepancy: { frame: { channels: 1, maps: zeros } },
        classifier: new Float64Array(frames),
      },
      protocolPreset('paper', { gaussianSigma: 1, gaussianTaps: 5 }),
      { teacherError: { frame: unit }, discrepancy: { frame: unit }, classifier: unit },
    );
    const scores = Array.from(result.scores);
    expect(scores.indexOf(Math.max(...scores))).toBe(15);
    expect(scores[14]).toBeCloseTo(scores[16], 6);
    expect(scores[0]).toBe(0);
    expect(result.stagesNotApplied).toEqual([]);
  });
});

describe('protocolWeights', () => {
  const statistics = {
    teacherError: { frame: { location: 0, scale: 1 } },
    discrepancy: null,
    classifier: { location: 0, scale: 1 },
    weights: { teacherError: 0, discrepancy: 0, classifier: 1 },
  };
  // one frame, two cells: the teacher error marks cell 1, the classifier says 5 for the whole frame
  const components = {
    teacherError: { frame: { channels: 1, maps: [{ width: 2, height: 1, data: Float32Array.of(0, 10) }] } },
    discrepancy: null,
    classifier: [5],
  };

  it('paper-chosen-weights weighs with the weights the model version chose', () => {
    expect(protocolWeights(protocolPreset('paper-chosen-weights'), statistics)).toEqual(statistics.weights);
    expect(Array.from(applyProtocolToMaps(components, protocolPreset('paper-chosen-weights'), statistics).volume[0].data)).toEqual([5, 5]);
  });

  it("falls back to the protocol's weights for a model version that chose none", () => {
    const older = { ...statistics, weights: undefined };
    expect(protocolWeights(protocolPreset('paper-chosen-weights'), older)).toEqual(PAPER_WEIGHTS);
    expect(Array.from(applyProtocolToMaps(components, protocolPreset('paper-chosen-weights'), older).volume[0].data)).toEqual([1.5, 5.5]);
  });

  it('paper, per-video min–max and the reference code keep the paper’s weights', () => {
    expect(protocolWeights(protocolPreset('paper'), statistics)).toEqual(PAPER_WEIGHTS);
    expect(protocolWeights(protocolPreset('paper-video-min-max'), statistics)).toEqual(PAPER_WEIGHTS);
    expect(protocolWeights(protocolPreset('reference-code'), statistics)).toEqual(PAPER_WEIGHTS);
  });
});
