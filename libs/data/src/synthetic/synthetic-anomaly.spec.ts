import { createRandom } from '../random/seeded-random';
import { createProceduralShapeSource, drawShape } from './procedural-shapes';
import { blurObject, resizeObject } from './object-transform';
import { pasteObject } from './paste-object';
import { mixObjectSources, poolSource } from './anomaly-object';
import { positionAt } from './trajectory';
import { renderSyntheticAnomaly, sampleSyntheticAnomaly } from './synthetic-anomaly';

const square = { width: 4, height: 4, pixels: new Uint8Array(16).fill(200), mask: new Uint8Array(16).fill(1), origin: 'test' };

describe('procedural shapes', () => {
  it('draws the same shape for the same seed, with a non-empty mask', () => {
    const a = drawShape(createRandom(5));
    const b = drawShape(createRandom(5));
    expect(b).toEqual(a);
    expect(a.mask.reduce((s, v) => s + v, 0)).toBeGreaterThan(a.width * a.height * 0.3);
    expect(drawShape(createRandom(6))).not.toEqual(a);
  });
});

describe('object transforms and pasting', () => {
  it('resizes pixels and mask to the requested size', () => {
    const big = resizeObject(square, 10, 6);
    expect(big).toMatchObject({ width: 10, height: 6 });
    expect(big.mask.every((v) => v === 1)).toBe(true);
    expect(big.pixels.every((v) => v === 200)).toBe(true);
  });

  it('blurs edges but keeps flat areas', () => {
    const object = { ...square, pixels: Uint8Array.from([0, 0, 0, 0, 0, 90, 90, 0, 0, 90, 90, 0, 0, 0, 0, 0]) };
    const blurred = blurObject(object);
    expect(blurred.pixels[0]).toBe(10);
    expect(blurred.pixels[5]).toBe(40);
  });

  it('pastes the gray value on every channel, clips at the border and marks the map', () => {
    const frame = new Uint8Array(6 * 5 * 3);
    const map = new Uint8Array(6 * 5);
    pasteObject(frame, { width: 6, height: 5, channels: 3 }, square, 4, 3, map);
    expect(map.reduce((s, v) => s + v, 0)).toBe(4); // a 2×2 corner is inside
    expect([...frame.subarray((3 * 6 + 4) * 3, (3 * 6 + 4) * 3 + 3)]).toEqual([200, 200, 200]);
    expect(frame[0]).toBe(0);
  });
});

describe('synthetic anomalies', () => {
  const frame = { width: 120, height: 80 };

  it('is deterministic under a seed and respects the size limits', () => {
    const source = createProceduralShapeSource();
    const a = sampleSyntheticAnomaly(createRandom(11), source, frame);
    expect(sampleSyntheticAnomaly(createRandom(11), source, frame)).toEqual(a);
    for (let seed = 0; seed < 50; seed++) {
      const { object } = sampleSyntheticAnomaly(createRandom(seed), source, frame);
      expect(object.width).toBeLessThanOrEqual(60);
      expect(object.height).toBeLessThanOrEqual(40);
      expect(object.height).toBeGreaterThanOrEqual(2);
    }
  });

  it('moves consistently: equal steps along a straight line, at a speed in the configured range', () => {
    const { trajectory } = sampleSyntheticAnomaly(createRandom(3), poolSource('one', [square]), frame);
    const [before, now, after] = [-3, 0, 3].map((k) => positionAt(trajectory, k));
    expect(after.x - now.x).toBeCloseTo(now.x - before.x, -0.5);
    expect(after.y - now.y).toBeCloseTo(now.y - before.y, -0.5);
    const speed = Math.hypot(trajectory.vx, trajectory.vy);
    expect(speed).toBeGreaterThanOrEqual(0.01 * 120);
    expect(speed).toBeLessThanOrEqual(0.05 * 120);
  });

  it('renders the object and its map at frame t fully inside the frame', () => {
    const source = poolSource('one', [square]);
    const shape = { ...frame, channels: 1 };
    for (let seed = 0; seed < 20; seed++) {
      const anomaly = sampleSyntheticAnomaly(createRandom(seed), source, frame);
      const map = new Uint8Array(120 * 80);
      renderSyntheticAnomaly(anomaly, new Uint8Array(120 * 80), shape, 0, map);
      expect(map.reduce((s, v) => s + v, 0)).toBe(anomaly.object.mask.reduce((s, v) => s + v, 0));
    }
  });

  it('mixes sources by weight', () => {
    const a = poolSource('a', [{ ...square, origin: 'a' }]);
    const b = poolSource('b', [{ ...square, origin: 'b' }]);
    const mixed = mixObjectSources([
      { source: a, weight: 3 },
      { source: b, weight: 1 },
    ]);
    const random = createRandom(1);
    const fromA = Array.from({ length: 4000 }, () => mixed.sample(random).origin).filter((o) => o === 'a').length;
    expect(fromA / 4000).toBeCloseTo(0.75, 1);
    expect(() => mixObjectSources([{ source: poolSource('empty', []), weight: 1 }])).toThrow(RangeError);
  });
});
