import { trainingOverridesProblems } from './training-overrides';

describe('trainingOverridesProblems', () => {
  it('accepts nothing, an empty object and settings of the preset’s types that make a valid model', () => {
    expect(trainingOverridesProblems('cpu-tiny', null)).toEqual([]);
    expect(trainingOverridesProblems('cpu-tiny', {})).toEqual([]);
    expect(trainingOverridesProblems('cpu-tiny', { model: { maskRatio: 0.5, ablation: { selfDistillation: false } } })).toEqual([]);
  });

  it.each([
    [[], /must be an object like \{ model/],
    [{ training: {} }, /may only hold "model", not "training"/],
    [{ model: { ablation: null } }, /overrides.model.ablation must be an object, got null/],
    [{ model: { maskRatio: '0.5' } }, /overrides.model.maskRatio must be a number, got string/],
    [{ model: { colour: 'ultraviolet' } }, /colour/],
    [{ model: { magic: 1 } }, /overrides.model.magic is not a model setting/],
    [{ model: { patchSize: 7 } }, /patch/i],
  ])('names what is wrong in %j', (overrides, problem) => {
    expect(trainingOverridesProblems('cpu-tiny', overrides).join('; ')).toMatch(problem);
  });
});
