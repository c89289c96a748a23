import fc from 'fast-check';
import { MetricsErrorCode } from '../metrics.error';
import { assertBox, boxArea, boxIou, type Box } from './box';

const box = fc
  .tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }))
  .map(([x, y, w, h]): Box => [x, y, x + w, y + h]);

describe('boxArea', () => {
  it('counts pixels inclusively', () => {
    expect(boxArea([3, 3, 3, 3])).toBe(1);
    expect(boxArea([0, 0, 9, 4])).toBe(50);
  });
});

describe('boxIou', () => {
  it('uses inclusive coordinates', () => {
    // [0,0,9,9] and [5,5,14,14]: 100 px each, overlap 5×5 = 25 → 25 / 175.
    expect(boxIou([0, 0, 9, 9], [5, 5, 14, 14])).toBe(25 / 175);
    // Touching on one column shares that column: [0,0,4,0] and [4,0,8,0] → 1 / 9.
    expect(boxIou([0, 0, 4, 0], [4, 0, 8, 0])).toBe(1 / 9);
  });

  it('is 0 for disjoint boxes and 1 for equal ones', () => {
    expect(boxIou([0, 0, 4, 4], [5, 0, 9, 4])).toBe(0);
    expect(boxIou([2, 3, 7, 9], [2, 3, 7, 9])).toBe(1);
  });

  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(box, box, (a, b) => {
        const iou = boxIou(a, b);
        expect(iou).toBe(boxIou(b, a));
        expect(iou).toBeGreaterThanOrEqual(0);
        expect(iou).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('assertBox', () => {
  it.each([
    [[0, 0, 1], 'four integers'],
    [[0, 0, 1.5, 2], 'four integers'],
    [[5, 0, 4, 2], 'x2 < x1'],
  ])('rejects %j', (bad, message) => {
    expect(() => assertBox(bad as unknown as Box, 'detection 3')).toThrow(message);
    expect(() => assertBox(bad as unknown as Box, 'detection 3')).toThrow(expect.objectContaining({ code: MetricsErrorCode.InvalidBox }));
  });
});
