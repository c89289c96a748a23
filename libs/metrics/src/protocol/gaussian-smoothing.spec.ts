import fc from 'fast-check';
import { referenceGaussianCases } from '../../fixtures/sklearn-fixtures';
import { gaussianKernel, temporalGaussian } from './gaussian-smoothing';

describe('gaussianKernel', () => {
  it('centred: symmetric, peaked in the middle, summing to 1', () => {
    const kernel = Array.from(gaussianKernel(2, 9, 'centred'));
    expect(kernel.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(kernel).toEqual([...kernel].reverse());
    expect(kernel.indexOf(Math.max(...kernel))).toBe(4);
  });

  it('reference-code: peaks one tap before the centre and is not normalised', () => {
    const kernel = Array.from(gaussianKernel(11, 37, 'reference-code'));
    expect(kernel.indexOf(Math.max(...kernel))).toBe(17); // centre is 18
    expect(kernel[17]).toBeCloseTo(1 / (11 * Math.sqrt(2 * Math.PI)), 15);
    expect(kernel.reduce((a, b) => a + b, 0)).toBeLessThan(0.95);
  });

  it.each(referenceGaussianCases.map((c) => [c.sigma, c.taps, c] as const))('reference-code σ %s, %s taps equals the fixture kernel', (_, __, c) => {
    Array.from(gaussianKernel(c.sigma, c.taps, 'reference-code')).forEach((v, i) => expect(v).toBeCloseTo(c.kernel[i], 14));
  });

  it('rejects an even centred kernel and a non-positive σ', () => {
    expect(() => gaussianKernel(1, 4, 'centred')).toThrow('odd');
    expect(() => gaussianKernel(0, 5, 'reference-code')).toThrow('σ');
  });
});

describe('temporalGaussian', () => {
  it.each(referenceGaussianCases.map((c) => [c.sigma, c.taps, c.scores.length, c] as const))(
    'reference-code σ %s, %s taps on %s frames equals numpy.convolve(mode="same")',
    (_, __, ___, c) => {
      const smoothed = temporalGaussian(c.scores, c.sigma, c.taps, 'reference-code');
      expect(smoothed).toHaveLength(c.scores.length);
      smoothed.forEach((v, i) => expect(v).toBeCloseTo(c.smoothed[i], 12));
    },
  );

  it('centred: leaves a constant video unchanged, ends included', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -100, max: 100 }), fc.integer({ min: 1, max: 60 }), (value, n) => {
        temporalGaussian(new Array<number>(n).fill(value), 3, 11, 'centred').forEach((v) => expect(v).toBeCloseTo(value, 10));
      }),
    );
  });

  it('centred: spreads an impulse symmetrically around its frame', () => {
    const scores = new Array<number>(21).fill(0);
    scores[10] = 1;
    const smoothed = temporalGaussian(scores, 2, 9, 'centred');
    expect(smoothed[10]).toBeGreaterThan(smoothed[9]);
    expect(smoothed[9]).toBeCloseTo(smoothed[11], 15);
    expect(smoothed[5]).toBe(0); // outside the 9-tap window
  });

  it('reference-code: shifts an impulse one frame earlier', () => {
    const scores = new Array<number>(41).fill(0);
    scores[20] = 1;
    const smoothed = Array.from(temporalGaussian(scores, 3, 13, 'reference-code'));
    expect(smoothed.indexOf(Math.max(...smoothed))).toBe(19);
  });
});
