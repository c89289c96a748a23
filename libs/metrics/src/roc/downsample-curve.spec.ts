import fc from 'fast-check';
import { downsampleCurve } from './downsample-curve';
import { rocAuc } from './roc-auc';
import { rocCurve, type RocCurve } from './roc-curve';

function trapezoid(curve: RocCurve): number {
  let area = 0;
  for (let i = 1; i < curve.fpr.length; i++) area += ((curve.fpr[i] - curve.fpr[i - 1]) * (curve.tpr[i] + curve.tpr[i - 1])) / 2;
  return area;
}

function randomCurve(seed: number, n: number): RocCurve {
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const labels = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const scores = labels.map((l) => next() + 0.3 * l);
  return rocCurve({ scores, labels }, { dropIntermediate: false });
}

describe('downsampleCurve', () => {
  it('returns a short curve unchanged', () => {
    const curve = rocCurve({ scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1] });
    const thinned = downsampleCurve(curve, 512);
    expect(Array.from(thinned.fpr)).toEqual(Array.from(curve.fpr));
    expect(Array.from(thinned.tpr)).toEqual(Array.from(curve.tpr));
  });

  it('keeps at most maxPoints points, both ends, in order, all taken from the curve', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 50, max: 3000 }), fc.integer({ min: 2, max: 600 }), (seed, n, maxPoints) => {
        const curve = randomCurve(seed, n);
        const thinned = downsampleCurve(curve, maxPoints);
        expect(thinned.fpr.length).toBeLessThanOrEqual(maxPoints);
        expect([thinned.fpr[0], thinned.tpr[0]]).toEqual([0, 0]);
        expect([thinned.fpr.at(-1), thinned.tpr.at(-1)]).toEqual([1, 1]);
        let j = 0;
        for (let i = 0; i < thinned.fpr.length; i++) {
          while (j < curve.fpr.length && (curve.fpr[j] !== thinned.fpr[i] || curve.tpr[j] !== thinned.tpr[i])) j++;
          expect(j).toBeLessThan(curve.fpr.length);
          j++;
        }
      }),
      { numRuns: 50 },
    );
  });

  it('keeps the area within 1% on a 20,000-point curve', () => {
    const labels = Array.from({ length: 40000 }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const scores = labels.map((l, i) => Math.sin(i * 12.9898) * 0.5 + 0.4 * l);
    const curve = rocCurve({ scores, labels });
    const thinned = downsampleCurve(curve);
    expect(curve.fpr.length).toBeGreaterThan(10000);
    expect(thinned.fpr.length).toBeLessThanOrEqual(512);
    expect(Math.abs(trapezoid(thinned) - rocAuc({ scores, labels }))).toBeLessThan(0.01);
  });

  it('rejects a budget below two points', () => {
    expect(() => downsampleCurve(randomCurve(1, 100), 1)).toThrow('maxPoints');
  });
});
