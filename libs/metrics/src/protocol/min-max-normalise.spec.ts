import fc from 'fast-check';
import { minMaxNormalise } from './min-max-normalise';

describe('minMaxNormalise', () => {
  it('maps the minimum to 0 and the maximum to 1', () => {
    expect(Array.from(minMaxNormalise([2, 4, 3]))).toEqual([0, 1, 0.5]);
  });

  it('turns a constant video into zeros', () => {
    expect(Array.from(minMaxNormalise([7, 7]))).toEqual([0, 0]);
  });

  it('keeps every value in [0, 1] and the order of the scores', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 50 }), (scores) => {
        const out = minMaxNormalise(scores);
        out.forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          if (i > 0 && scores[i] > scores[i - 1]) expect(v).toBeGreaterThanOrEqual(out[i - 1]);
        });
      }),
    );
  });
});
