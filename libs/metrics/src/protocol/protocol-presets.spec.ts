import { isProtocolPresetName, protocolPreset } from './protocol-presets';

describe('protocolPreset', () => {
  it('paper: components standardised with training statistics, eq. 6 weights, 3D filter, frame max, centred Gaussian', () => {
    const { name, version, parameters } = protocolPreset('paper');
    expect([name, version]).toEqual(['paper', '3']);
    expect(parameters.weightsFromModelVersion).toBe(false);
    expect(parameters.normalisation).toBe('training-statistics');
    expect(parameters.weights).toEqual({ teacherError: 0.4, discrepancy: 0.3, classifier: 0.3 });
    expect(parameters.spatioTemporalFilter).not.toBeNull();
    expect(parameters.frameReduction).toBe('max');
    expect(parameters.frameSteps).toEqual([{ kind: 'temporal-gaussian', sigma: 11, taps: 37, variant: 'centred' }]);
  });

  it('paper-video-min-max: the paper preset with each component rescaled within each video', () => {
    const paper = protocolPreset('paper').parameters;
    const { name, parameters } = protocolPreset('paper-video-min-max');
    expect(name).toBe('paper-video-min-max');
    expect(parameters).toEqual({ ...paper, normalisation: 'per-video-min-max' });
  });

  it('paper-chosen-weights: the paper preset weighing with the model version’s chosen weights', () => {
    expect(protocolPreset('paper-chosen-weights').parameters).toEqual({ ...protocolPreset('paper').parameters, weightsFromModelVersion: true });
  });

  it('reference-code: raw components, no 3D filter, frame mean, the off-centre Gaussian', () => {
    const { parameters } = protocolPreset('reference-code');
    expect(parameters.normalisation).toBe('none');
    expect(parameters.spatioTemporalFilter).toBeNull();
    expect(parameters.frameReduction).toBe('mean');
    expect(parameters.frameSteps).toEqual([{ kind: 'temporal-gaussian', sigma: 11, taps: 37, variant: 'reference-code' }]);
  });

  it('records overrides in the parameters (the ShanghaiTech setting)', () => {
    const { parameters } = protocolPreset('reference-code', { gaussianSigma: 282, gaussianTaps: 899, minMaxAfterSmoothing: true });
    expect(parameters.frameSteps).toEqual([{ kind: 'temporal-gaussian', sigma: 282, taps: 899, variant: 'reference-code' }, { kind: 'min-max-normalise' }]);
  });

  it('is plain JSON data', () => {
    const protocol = protocolPreset('paper');
    expect(JSON.parse(JSON.stringify(protocol))).toEqual(protocol);
  });
});

describe('isProtocolPresetName', () => {
  it('knows the three presets and nothing else', () => {
    expect(['paper', 'paper-video-min-max', 'reference-code', 'Paper', 'sklearn'].map(isProtocolPresetName)).toEqual([true, true, true, false, false]);
  });
});
