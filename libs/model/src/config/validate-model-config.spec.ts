import { ModelErrorCode } from '../model.error';
import { paperModelConfig, paperTrainingConfig } from '../presets/model-presets';
import { assertValidModelConfig, assertValidTrainingConfig, modelConfigProblems } from './validate-model-config';

const valid = paperModelConfig({ inputHeight: 32, inputWidth: 48, patchSize: 8, colour: 'gray' });

describe('model config validation', () => {
  it('accepts the paper architecture', () => {
    expect(modelConfigProblems(valid)).toEqual([]);
  });

  it('lists every problem at once', () => {
    const problems = modelConfigProblems({ ...valid, inputWidth: 50, encoder: { width: 30, depth: 3, heads: 4 }, maskRatio: 1 });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/multiples of patchSize 8/);
    expect(problems.join('\n')).toMatch(/encoder.heads \(4\) must divide encoder.width \(30\)/);
    expect(problems.join('\n')).toMatch(/maskRatio/);
  });

  it('needs whole rows of visible tokens for the packed layout', () => {
    // 4×6 grid, 24 tokens; ratio 0.5 keeps 12 = 3 rows of 4, ratio 0.25 keeps 18 (not a multiple of 4).
    expect(modelConfigProblems({ ...valid, visibleTokenLayout: 'packed' })).toEqual([]);
    expect(modelConfigProblems({ ...valid, visibleTokenLayout: 'packed', maskRatio: 0.25 })).toHaveLength(1);
  });

  it('throws a ModelError with a stable code', () => {
    expect(() => assertValidModelConfig({ ...valid, studentBranchAfter: 3 })).toThrow(expect.objectContaining({ code: ModelErrorCode.InvalidConfig }));
    expect(() => assertValidTrainingConfig({ ...paperTrainingConfig(), optimizer: { ...paperTrainingConfig().optimizer, weightDecay: 0.05 } })).toThrow(
      /weightDecay needs kind adamw/,
    );
  });
});
