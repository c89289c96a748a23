import { spatioTemporalFilter } from './spatio-temporal-filter';

const parameters = { sigmaSpatial: 1, radiusSpatial: 2, sigmaTemporal: 1, radiusTemporal: 1 };

function volume(frames: number, width: number, height: number, value: (t: number, x: number, y: number) => number) {
  return Array.from({ length: frames }, (_, t) => {
    const data = new Float32Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = value(t, x, y);
    return { width, height, data };
  });
}

describe('spatioTemporalFilter', () => {
  it('leaves a constant volume unchanged, borders included', () => {
    const filtered = spatioTemporalFilter(
      volume(3, 5, 4, () => 2.5),
      parameters,
    );
    filtered.forEach((map) => map.data.forEach((v) => expect(v).toBeCloseTo(2.5, 5)));
  });

  it('spreads a point in x, y and t, and keeps its total inside the volume', () => {
    const filtered = spatioTemporalFilter(
      volume(5, 9, 9, (t, x, y) => (t === 2 && x === 4 && y === 4 ? 1 : 0)),
      parameters,
    );
    const at = (t: number, x: number, y: number) => filtered[t].data[y * 9 + x];
    expect(at(2, 4, 4)).toBeGreaterThan(at(2, 5, 4));
    expect(at(2, 5, 4)).toBeCloseTo(at(2, 4, 5), 6);
    expect(at(1, 4, 4)).toBeGreaterThan(0);
    expect(at(0, 4, 4)).toBe(0); // temporal radius 1
    const total = filtered.reduce((sum, map) => sum + Array.from(map.data).reduce((a, b) => a + b, 0), 0);
    expect(total).toBeCloseTo(1, 5);
  });

  it('is the identity with σ = 0', () => {
    const input = volume(2, 3, 3, (t, x, y) => t + x * 10 + y * 100);
    const filtered = spatioTemporalFilter(input, { sigmaSpatial: 0, radiusSpatial: 3, sigmaTemporal: 0, radiusTemporal: 3 });
    filtered.forEach((map, t) => expect(Array.from(map.data)).toEqual(Array.from(input[t].data)));
  });
});
