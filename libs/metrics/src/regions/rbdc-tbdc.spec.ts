import type { Box } from './box';
import { areaToUnitFpr, evaluateRegions } from './rbdc-tbdc';
import type { Detection, GroundTruthRegion } from './region';

const A: Box = [0, 0, 9, 9];
const B: Box = [20, 20, 29, 29];
const detection = (frame: number, box: Box, score: number, video = 'v'): Detection => ({ video, frame, box, score });
const region = (track: string, frame: number, box: Box, video = 'v'): GroundTruthRegion => ({ video, track, frame, box });

// Track "a": frames 0, 1, 2 (box A); track "b": frame 5 (box B). 4 regions, 2 tracks, 10 test frames.
const groundTruth = [region('a', 0, A), region('a', 1, A), region('a', 2, A), region('b', 5, B)];

describe('evaluateRegions', () => {
  it('works through a small case by hand', () => {
    const detections = [
      detection(0, A, 0.9), // finds a@0: RBDR 1/4; track a needs ⌈0.1·3⌉ = 1 → TBDR 1/2; point (0, .25, .5)
      detection(3, A, 0.8), // no region on frame 3: FP 1 → point (0.1, .25, .5)
      detection(5, B, 0.7), // finds b@5: RBDR 2/4, TBDR 2/2 → (0.1, .5, 1)
      detection(0, A, 0.6), // matches only a@0, already found: neither → (0.1, .5, 1)
      detection(1, [5, 5, 14, 14], 0.5), // IoU with A = 25/175 ≈ 0.14 ≥ 0.1: finds a@1 → (0.1, .75, 1)
    ];
    const result = evaluateRegions(detections, groundTruth, 10);
    expect(Array.from(result.curve.fpr)).toEqual([0, 0, 0.1, 0.1, 0.1, 0.1]);
    expect(Array.from(result.curve.rbdr)).toEqual([0, 0.25, 0.25, 0.5, 0.5, 0.75]);
    expect(Array.from(result.curve.tbdr)).toEqual([0, 0.5, 0.5, 1, 1, 1]);
    // RBDC: (0,.25)→(.1,.25) gives 0.1·0.25 = 0.025; flat from FPR 0.1 to 1 at 0.75 gives 0.675 → 0.7.
    expect(result.rbdc).toBeCloseTo(0.7, 15);
    // TBDC: 0.1·0.5 = 0.05, then 0.9·1 = 0.9 → 0.95.
    expect(result.tbdc).toBeCloseTo(0.95, 15);
    expect([result.numRegions, result.numTracks, result.numDetections, result.numFrames]).toEqual([4, 2, 5, 10]);
  });

  it('finds a region at IoU exactly 0.1, not below', () => {
    // [0,0,9,0] lies inside A: 10 px shared, union 100 → IoU 0.1. [0,0,8,0]: 9 / 100 < 0.1 → a false positive.
    const gt = [region('a', 0, A)];
    expect(Array.from(evaluateRegions([detection(0, [0, 0, 9, 0], 1)], gt, 10).curve.rbdr)).toEqual([0, 1]);
    expect(Array.from(evaluateRegions([detection(0, [0, 0, 8, 0], 1)], gt, 10).curve.fpr)).toEqual([0, 0.1]);
  });

  it('gives 0 without detections', () => {
    const result = evaluateRegions([], groundTruth, 10);
    expect([result.rbdc, result.tbdc]).toEqual([0, 0]);
  });

  it('counts detections on frames without ground truth as false positives only', () => {
    const result = evaluateRegions([detection(3, A, 0.9), detection(4, A, 0.8), detection(0, A, 0.9, 'other')], groundTruth, 10);
    expect(Array.from(result.curve.fpr)).toEqual([0, 0.2, 0.3]);
    expect(result.rbdc).toBe(0);
  });

  it('lets one detection find two overlapping regions', () => {
    // Two regions of different tracks on frame 0; the detection [0,0,14,9] (150 px) covers each 100-px region
    // fully: IoU 100/150 with both, ≥ 0.1 → both found at FPR 0: RBDR 1, TBDR 1, areas 1.
    const gt = [region('x', 0, A), region('y', 0, [5, 0, 14, 9])];
    const result = evaluateRegions([detection(0, [0, 0, 14, 9], 0.5)], gt, 4);
    expect(Array.from(result.curve.rbdr)).toEqual([0, 1]);
    expect([result.rbdc, result.tbdc]).toEqual([1, 1]);
  });

  it('counts a detection that matches only already-found regions as neither true nor false positive', () => {
    const result = evaluateRegions([detection(0, A, 0.9), detection(0, [1, 1, 9, 9], 0.8)], [region('a', 0, A)], 10);
    expect(Array.from(result.curve.fpr)).toEqual([0, 0, 0]);
    expect(Array.from(result.curve.rbdr)).toEqual([0, 1, 1]);
  });

  it('cuts the curve at FPR 1, so later detections do not count', () => {
    // 2 frames. TP (RBDR .5) at FPR 0; three FPs take FPR to 0.5, 1, 1.5; the last TP arrives at FPR 1.5.
    const gt = [region('a', 0, A), region('b', 1, A)];
    const detections = [detection(0, A, 0.9), detection(5, A, 0.8), detection(6, A, 0.7), detection(7, A, 0.6), detection(1, A, 0.5)];
    const result = evaluateRegions(detections, gt, 2);
    // Area: RBDR 0.5 over FPR [0, 1] = 0.5; the point (1.5, 1) lies beyond 1 and its segment starts at (1.5, .5).
    expect(result.rbdc).toBe(0.5);
  });

  it('interpolates at FPR 1 when a segment crosses it', () => {
    // 4 frames. (0, .5) after a TP; FPs to (0.75, .5); then one tie group of two FPs and a TP → (1.25, 1).
    // At FPR 1: RBDR = .5 + .5·(.25/.5) = .75. Area = .75·.5 + .25·(.5 + .75)/2 = .375 + .15625 = .53125.
    const gt = [region('a', 0, A), region('b', 1, A)];
    const detections = [
      detection(0, A, 0.9),
      detection(5, A, 0.8),
      detection(6, A, 0.8),
      detection(7, A, 0.8),
      detection(8, A, 0.5),
      detection(9, A, 0.5),
      detection(1, A, 0.5),
    ];
    expect(evaluateRegions(detections, gt, 4).rbdc).toBe(0.53125);
  });

  it('makes one operating point of tied scores, whatever their order', () => {
    // One TP and one FP at the same score, 1 frame: the only point is (1, 1) → diagonal, area 0.5.
    const gt = [region('a', 0, A)];
    const tp = detection(0, A, 0.5);
    const fp = detection(3, A, 0.5);
    expect(evaluateRegions([tp, fp], gt, 1).rbdc).toBe(0.5);
    expect(evaluateRegions([fp, tp], gt, 1).rbdc).toBe(0.5);
  });

  it('detects a track of 30 regions once 3 are found (10%, without float drift)', () => {
    const gt = Array.from({ length: 30 }, (_, frame) => region('long', frame, A));
    const found = (n: number) => Array.from({ length: n }, (_, frame) => detection(frame, A, 1 - frame / 100));
    expect(evaluateRegions(found(2), gt, 100).curve.tbdr.at(-1)).toBe(0);
    expect(evaluateRegions(found(3), gt, 100).curve.tbdr.at(-1)).toBe(1);
  });

  it('keeps tracks of different videos apart even with the same track id', () => {
    const gt = [region('a', 0, A, 'v1'), region('a', 0, A, 'v2')];
    expect(evaluateRegions([detection(0, A, 1, 'v1')], gt, 10).numTracks).toBe(2);
    expect(evaluateRegions([detection(0, A, 1, 'v1')], gt, 10).tbdc).toBe(0.5);
  });

  it('rejects bad input with a message that names it', () => {
    expect(() => evaluateRegions([], [], 10)).toThrow('no ground-truth regions');
    expect(() => evaluateRegions([], groundTruth, 0)).toThrow('number of test frames');
    expect(() => evaluateRegions([detection(0, A, Number.NaN)], groundTruth, 10)).toThrow('detection 0: score is NaN');
    expect(() => evaluateRegions([detection(-1, A, 1)], groundTruth, 10)).toThrow('detection 0: frame -1');
  });
});

describe('areaToUnitFpr', () => {
  it('extends the last value flat to FPR 1', () => {
    expect(areaToUnitFpr([0, 0.5], [0, 1])).toBe(0.25 + 0.5);
  });

  it('is 0 for the bare origin', () => {
    expect(areaToUnitFpr([0], [0])).toBe(0);
  });
});
