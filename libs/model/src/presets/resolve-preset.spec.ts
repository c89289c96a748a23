import { ModelErrorCode } from '../model.error';
import { getPreset } from './model-presets';
import { presetOverridesProblems, resolvePreset } from './resolve-preset';

describe('resolvePreset', () => {
  it('is the preset itself without overrides', () => {
    expect(resolvePreset('cpu-ped2')).toEqual(getPreset('cpu-ped2'));
  });

  it('applies the schedule and model settings asked for and keeps the rest of the preset', () => {
    const preset = resolvePreset('cpu-tiny', {
      teacherEpochs: 3,
      studentEpochs: null,
      batchSize: 2,
      checkpointSelection: 'validation-loss',
      model: { maskRatio: 0.5 },
    });
    const base = getPreset('cpu-tiny');
    expect(preset.training).toEqual({ ...base.training, teacherEpochs: 3, batchSize: 2, checkpointSelection: 'validation-loss' });
    expect(preset.model).toEqual({ ...base.model, maskRatio: 0.5 });
  });

  it('names every problem, of the schedule and of the model, in one error', () => {
    expect(() => resolvePreset('cpu-tiny', { batchSize: 0, model: { patchSize: 7 } })).toThrow(
      /batchSize must be a positive integer.*patch|patch.*batchSize must be a positive integer/,
    );
    expect(presetOverridesProblems('cpu-tiny', { model: { maskRatio: '0.5' } })).toEqual(['overrides.model.maskRatio must be a number, got string']);
    expect(presetOverridesProblems('cpu-tiny', { model: { magic: 1 } })[0]).toMatch(/overrides.model.magic is not a model setting/);
  });

  it('refuses a preset it does not know with its own code', () => {
    expect(() => resolvePreset('paper-mars')).toThrow(expect.objectContaining({ code: ModelErrorCode.UnknownPreset }));
    expect(presetOverridesProblems('paper-mars', {})[0]).toMatch(/unknown preset "paper-mars"/);
  });
});
