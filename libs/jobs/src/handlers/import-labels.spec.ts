// Properties of uploadLabels, the parser of the labels sent with an uploaded video (issue 9): whatever
// numbers arrive, it either answers one 0/1 per frame or fails with a plain Error that names the video.
import fc from 'fast-check';
import { uploadLabels } from './import.handler';

/** Per-frame labels to inclusive [start, end] runs of abnormal frames. */
function intervalsOf(labels: readonly number[]): number[][] {
  const intervals: number[][] = [];
  labels.forEach((label, i) => {
    if (label === 1 && (i === 0 || labels[i - 1] !== 1)) intervals.push([i, i]);
    if (label === 1) intervals[intervals.length - 1][1] = i;
  });
  return intervals;
}

const anyNumber = fc.oneof(fc.integer({ min: -5, max: 60 }), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0.5, 2 ** 53));
/** What the job parameters admit: an array of numbers, or an array of arrays of numbers. */
const anyLabels = fc.oneof(fc.array(anyNumber, { maxLength: 60 }), fc.array(fc.array(anyNumber, { maxLength: 4 }), { minLength: 1, maxLength: 8 }));
const labelling = fc.array(fc.constantFrom(0, 1), { minLength: 1, maxLength: 300 });

describe('uploadLabels', () => {
  it('answers one 0/1 per frame or throws a plain Error naming the video, for any numbers', () => {
    fc.assert(
      fc.property(anyLabels, fc.integer({ min: 1, max: 50 }), (labels, frameCount) => {
        let result: number[];
        try {
          result = uploadLabels(labels, frameCount, 'clip-7');
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).constructor).toBe(Error);
          expect((error as Error).message).toMatch(/^clip-7: /);
          return;
        }
        expect(result).toHaveLength(frameCount);
        expect(result.every((l) => l === 0 || l === 1)).toBe(true);
      }),
    );
  });

  it('keeps a valid per-frame labelling as it is', () => {
    fc.assert(fc.property(labelling, (labels) => expect(uploadLabels(labels, labels.length, 'v')).toEqual(labels)));
  });

  it('turns the intervals of a labelling with abnormal frames back into that labelling', () => {
    fc.assert(
      fc.property(
        labelling.filter((labels) => labels.includes(1)),
        (labels) => expect(uploadLabels(intervalsOf(labels), labels.length, 'v')).toEqual(labels),
      ),
    );
  });

  it('refuses every interval that leaves the video, naming it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (frameCount, start, end) => {
        fc.pre(start > end || end >= frameCount);
        expect(() => uploadLabels([[start, end]], frameCount, 'v')).toThrow(`v: interval [${start}, ${end}] is not within frames 0..${frameCount - 1}`);
      }),
    );
  });

  it('refuses NaN, fractions and other values among per-frame labels', () => {
    for (const odd of [Number.NaN, 0.5, 2, -1, Infinity]) {
      expect(() => uploadLabels([0, odd, 1], 3, 'v')).toThrow('v: labels must be 0 or 1');
    }
    expect(() => uploadLabels([0, 1], 3, 'v')).toThrow('v: 2 labels for 3 frames');
  });

  // [] is what abnormalIntervals() gives for a normal video: an empty list of intervals.
  it('reads an empty interval list as a video without abnormal frames', () => {
    expect(uploadLabels([], 5, 'v')).toEqual([0, 0, 0, 0, 0]);
  });
});
