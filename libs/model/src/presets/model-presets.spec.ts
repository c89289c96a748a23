import { ModelErrorCode } from '../model.error';
import { modelConfigProblems, trainingConfigProblems } from '../config/validate-model-config';
import { modelDimensions } from '../config/model-dimensions';
import { getPreset, PRESET_NAMES } from './model-presets';

describe('presets', () => {
  it.each(PRESET_NAMES)('%s is a valid config', (name) => {
    const preset = getPreset(name);
    expect(preset.name).toBe(name);
    expect(modelConfigProblems(preset.model)).toEqual([]);
    expect(trainingConfigProblems(preset.training)).toEqual([]);
  });

  it('follows the paper’s patch sizes and the code’s 20×40 token grid', () => {
    const grid = (name: string) => {
      const d = modelDimensions(getPreset(name).model);
      return [getPreset(name).model.patchSize, d.gridHeight, d.gridWidth];
    };
    expect(grid('paper-avenue')).toEqual([16, 20, 40]);
    expect(grid('paper-shanghaitech')).toEqual([8, 20, 40]);
    expect(grid('paper-ubnormal')).toEqual([8, 20, 40]);
    expect(grid('paper-ped2')).toEqual([4, 20, 40]);
  });

  it('hands out copies', () => {
    getPreset('cpu-ped2').model.maskRatio = 0.9;
    expect(getPreset('cpu-ped2').model.maskRatio).toBe(0.5);
  });

  it('names the presets when asked for an unknown one', () => {
    expect(() => getPreset('avenue')).toThrow(
      expect.objectContaining({ code: ModelErrorCode.UnknownPreset, message: expect.stringContaining('paper-avenue') }),
    );
  });
});
