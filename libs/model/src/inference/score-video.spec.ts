import { Detector } from '../detector/detector';
import { tinyConfig, useWasmBackend } from '../testing/tiny-model.fixture';
import { scoreFrames } from './score-frames';
import { scoreVideo } from './score-video';

beforeAll(useWasmBackend);

describe('scoreVideo', () => {
  it('scores every frame with its t±3 neighbours, reading each frame once', async () => {
    const detector = Detector.create(tinyConfig(), 1);
    const video = Array.from({ length: 7 }, (_, i) => new Float32Array(256).map((_, p) => Math.sin(p * 0.1 + i)));
    const reads: number[] = [];
    const progress: number[] = [];
    const scores = await scoreVideo(
      detector,
      { frameCount: 7, read: (i) => (reads.push(i), video[i]) },
      { batchSize: 3, testMasking: { mode: 'seeded', seed: 5 }, onProgress: (done) => progress.push(done) },
    );
    expect(scores).toHaveLength(7);
    expect([...reads].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(progress).toEqual([3, 6, 7]);
    // Frame 4: t−3 = 1, t+3 = 7 is past the end, so frame 4 itself.
    const [alone] = await scoreFrames(
      detector,
      { frames: video[4], previous: video[1], next: video[4], count: 1, firstIndex: 4 },
      { testMasking: { mode: 'seeded', seed: 5 } },
    );
    expect(scores[4].teacherError).toBeCloseTo(alone.teacherError, 5);
    expect(scores[4].discrepancy).toBeCloseTo(alone.discrepancy as number, 5);
    detector.dispose();
  });

  it('stops when cancelled', async () => {
    const detector = Detector.create(tinyConfig(), 1);
    const controller = new AbortController();
    controller.abort();
    await expect(scoreVideo(detector, { frameCount: 2, read: () => new Float32Array(256) }, { signal: controller.signal })).rejects.toThrow();
    detector.dispose();
  });
});
