import { detectionsFromMaps, regionsFromMap } from './detections-from-maps';

// 6×3 map: a strong blob (0.9 peak) on the left, a weak one (0.6) on the right.
const map = {
  width: 6,
  height: 3,
  data: Float32Array.from([0.9, 0.7, 0, 0, 0, 0, 0.7, 0.2, 0, 0, 0.6, 0.6, 0, 0, 0, 0, 0, 0]),
};

describe('regionsFromMap', () => {
  it('makes one box per component, scored with the map max inside the box', () => {
    expect(regionsFromMap(map, { thresholds: [0.5] })).toEqual([
      { box: [0, 0, 1, 1], score: 0.8999999761581421 }, // Float32 0.9; the box includes (1,1) at 0.2 but max is 0.9
      { box: [4, 1, 5, 1], score: 0.6000000238418579 },
    ]);
  });

  it('adds the regions of every threshold level and keeps a repeated box once, with its best score', () => {
    // Level 0.8: only the peak pixel [0,0,0,0]. Level 0.5: the two boxes above. Level 0.1: left blob grows to
    // the same box [0,0,1,1] again (with (1,1) now on): kept once.
    const regions = regionsFromMap(map, { thresholds: [0.8, 0.5, 0.1] });
    expect(regions.map((r) => r.box)).toEqual([
      [0, 0, 0, 0],
      [0, 0, 1, 1],
      [4, 1, 5, 1],
    ]);
  });

  it('scores by component mean when asked', () => {
    const [left] = regionsFromMap(map, { thresholds: [0.5], scoreRule: 'component-mean' });
    expect(left.score).toBeCloseTo((0.9 + 0.7 + 0.7) / 3, 6);
  });

  it('drops components smaller than minArea', () => {
    expect(regionsFromMap(map, { thresholds: [0.5], minArea: 3 }).map((r) => r.box)).toEqual([[0, 0, 1, 1]]);
  });

  it('rejects an empty threshold list', () => {
    expect(() => regionsFromMap(map, { thresholds: [] })).toThrow('threshold');
  });
});

describe('detectionsFromMaps', () => {
  it('tags each region with its video and frame', () => {
    const empty = { width: 6, height: 3, data: new Float32Array(18) };
    const detections = detectionsFromMaps('07', [empty, map], { thresholds: [0.5] });
    expect(detections.map((d) => [d.video, d.frame])).toEqual([
      ['07', 1],
      ['07', 1],
    ]);
  });
});
