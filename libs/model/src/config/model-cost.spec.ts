import { getPreset, paperModelConfig } from '../presets/model-presets';
import type { ModelConfig } from './model-config';
import { countParameters, cvtBlockParameters, gflopsPerFrame, macsPerFrame } from './model-cost';

/** 8×8 gray frame, patch 4 (4 tokens), width 4 everywhere, one block each: small enough to count by hand. */
const handSized: ModelConfig = {
  ...paperModelConfig({ inputHeight: 8, inputWidth: 8, patchSize: 4, colour: 'gray' }),
  temporalInput: 'single-frame',
  encoder: { width: 4, depth: 1, heads: 1 },
  decoder: { width: 4, depth: 1, heads: 1 },
  studentBranchAfter: 0,
};

describe('model cost', () => {
  it('counts a CvT block as 2 LayerNorms + 3 × (depthwise 3×3 + BatchNorm + linear) + output + MLP', () => {
    // C = 4: norms 16; q/k/v 3 × (36 + 8 + 20) = 192; output 20; MLP 4·8+8 + 8·4+4 = 76.
    expect(cvtBlockParameters(4, 2)).toBe(16 + 192 + 20 + 76);
  });

  it('puts the paper-avenue preset within 5% of the paper’s 3.0M parameters', () => {
    const params = countParameters(getPreset('paper-avenue').model);
    expect(Math.abs(params - 3.0e6) / 3.0e6).toBeLessThan(0.05);
  });

  it('counts multiply–adds of one frame by hand on a tiny config', () => {
    const patch = 4 * 16 * 1 * 4; // tokens · d² · Cin · width
    // Encoder: 2 visible tokens + [CLS]; depthwise convolutions over the full 2×2 grid.
    const encoder = 3 * 9 * 4 * 4 + 4 * 3 * 16 + 2 * 9 * 4 + 2 * 2 * 4 * 8;
    const embed = 3 * 4 * 4;
    const decoderBlock = 3 * 9 * 4 * 4 + 4 * 5 * 16 + 2 * 25 * 4 + 2 * 4 * 4 * 8;
    const head = 4 * 4 * 32; // tokens · width · d²(c+1)
    const expected = patch + encoder + embed + decoderBlock + head + decoderBlock + head + 4;
    expect(macsPerFrame(handSized)).toBe(expected);
    expect(gflopsPerFrame(handSized)).toBeCloseTo((2 * expected) / 1e9, 15);
  });

  it('costs more with test-time masking off, and less without the student', () => {
    const config = getPreset('cpu-ped2').model;
    expect(gflopsPerFrame(config, { testMasking: false })).toBeGreaterThan(gflopsPerFrame(config));
    const noStudent = { ...config, ablation: { ...config.ablation, selfDistillation: false } };
    expect(gflopsPerFrame(noStudent)).toBeLessThan(gflopsPerFrame(config));
  });
});
