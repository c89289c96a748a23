import { MetricsErrorCode } from '../metrics.error';
import { assertVideoFrames } from './video-frames';

describe('assertVideoFrames', () => {
  it('accepts distinct, well-formed videos', () => {
    expect(() =>
      assertVideoFrames([
        { video: '01', scores: [1], labels: [0] },
        { video: '02', scores: [2], labels: [1] },
      ]),
    ).not.toThrow();
  });

  it('rejects an empty test set', () => {
    expect(() => assertVideoFrames([])).toThrow(expect.objectContaining({ code: MetricsErrorCode.EmptyInput }));
  });

  it('rejects a video given twice', () => {
    const video = { video: '01', scores: [1], labels: [0] };
    expect(() => assertVideoFrames([video, video])).toThrow(expect.objectContaining({ code: MetricsErrorCode.DuplicateVideo }));
  });

  it('names the video whose scores and labels disagree in length', () => {
    expect(() => assertVideoFrames([{ video: '04', scores: [1, 2], labels: [0] }])).toThrow('video "04": 2 scores but 1 labels');
  });
});
