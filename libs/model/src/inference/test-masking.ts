// Test-time masking (docs/method.md §2, §9): the code keeps masking at test time, unseeded, so scores vary
// between runs. Here it is seeded per frame index — a frame gets the same mask whatever batch it is
// scored in — or switched off, or `complementary`: two passes with the two colours of a checkerboard of
// tokens masked in turn, each token's maps taken from the pass that masked it, so that every token is
// predicted from its context exactly once and no random draw decides which tokens are inpainted.
import type { Detector } from '../detector/detector';
import { randomTokenMask, type TokenMask } from '../masking/token-mask';
import { ModelError, ModelErrorCode } from '../model.error';
import { deriveSeed, SeededRandom } from '@vad/data/random';

export type TestMasking = { mode: 'off' } | { mode: 'seeded'; seed: number } | { mode: 'complementary' };

/** The mask of frames firstIndex … firstIndex + count − 1 for `seeded`, or null when masking is off. */
export function testMask(detector: Detector, masking: TestMasking, firstIndex: number, count: number): TokenMask | null {
  if (masking.mode === 'off' || !(detector.config.maskRatio > 0)) return null;
  if (masking.mode === 'complementary') throw new RangeError('complementary masking takes two masks: use checkerboardMask');
  const { seed } = masking;
  return randomTokenMask({
    batch: count,
    tokens: detector.dims.tokens,
    visible: detector.dims.visibleTokens,
    randomFor: (b) => SeededRandom.fromSeed(deriveSeed(seed, 'test-mask', firstIndex + b)),
    sorted: detector.config.visibleTokenLayout === 'grid',
  });
}

/** 1 where token i (raster order) is masked by checkerboard pass `phase`: pass 0 masks the tokens whose row + column is odd. */
export function maskedInCheckerboardPass(i: number, gridWidth: number, phase: 0 | 1): boolean {
  return (Math.floor(i / gridWidth) + (i % gridWidth) + phase) % 2 === 1;
}

/**
 * Pass `phase` of complementary masking for `count` frames. Needs half the tokens visible (mask ratio 0.5)
 * and an even number of tokens, so that both colours of the checkerboard have the model's visible count.
 * @throws ModelError for other models.
 */
export function checkerboardMask(detector: Detector, phase: 0 | 1, count: number): TokenMask {
  const { tokens: n, visibleTokens: v, gridWidth } = detector.dims;
  if (2 * v !== n) {
    throw new ModelError(
      ModelErrorCode.InvalidConfig,
      `complementary test masking needs half of an even number of tokens visible; this model keeps ${v} of ${n} (mask ratio ${detector.config.maskRatio})`,
    );
  }
  const visibleIndex = new Int32Array(count * v);
  const restoreIndex = new Int32Array(count * n);
  const masked = new Float32Array(count * n);
  for (let b = 0; b < count; b++) {
    let shown = 0;
    let hidden = 0;
    for (let i = 0; i < n; i++) {
      if (maskedInCheckerboardPass(i, gridWidth, phase)) {
        restoreIndex[b * n + i] = v + hidden++;
        masked[b * n + i] = 1;
      } else {
        visibleIndex[b * v + shown] = i;
        restoreIndex[b * n + i] = shown++;
      }
    }
  }
  return { batch: count, tokens: n, visible: v, visibleIndex, restoreIndex, masked };
}

/** For logs: `off`, `seeded with 3`, `complementary (two checkerboard passes)`. */
export function describeTestMasking(masking: TestMasking): string {
  switch (masking.mode) {
    case 'off':
      return 'off';
    case 'seeded':
      return `seeded with ${masking.seed}`;
    case 'complementary':
      return 'complementary (two checkerboard passes)';
  }
}
