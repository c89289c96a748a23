// Test-time masking (docs/method.md §2, §9): the code keeps masking at test time, unseeded, so scores vary
// between runs. Here it is seeded per frame index — a frame gets the same mask whatever batch it is
// scored in — or switched off.
import type { Detector } from '../detector/detector';
import { randomTokenMask, type TokenMask } from '../masking/token-mask';
import { deriveSeed, SeededRandom } from '@vad/data/random';

export type TestMasking = { mode: 'off' } | { mode: 'seeded'; seed: number };

/** The mask of frames firstIndex … firstIndex + count − 1, or null when masking is off. */
export function testMask(detector: Detector, masking: TestMasking, firstIndex: number, count: number): TokenMask | null {
  if (masking.mode === 'off' || !(detector.config.maskRatio > 0)) return null;
  const { seed } = masking;
  return randomTokenMask({
    batch: count,
    tokens: detector.dims.tokens,
    visible: detector.dims.visibleTokens,
    randomFor: (b) => SeededRandom.fromSeed(deriveSeed(seed, 'test-mask', firstIndex + b)),
    sorted: detector.config.visibleTokenLayout === 'grid',
  });
}
