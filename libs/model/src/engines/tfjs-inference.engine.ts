// The `tfjs` engine: scoreFrames on whichever tfjs backend is active (the caller selects it with
// selectBackend). Masking off by default, like the ONNX graph; seeded masking is available here only.
import * as tf from '@tensorflow/tfjs';
import type { Detector } from '../detector/detector';
import type { FrameScore } from '../inference/frame-score';
import { scoreFrames } from '../inference/score-frames';
import type { FrameInput } from '../inference/stack-frames';
import type { TestMasking } from '../inference/test-masking';
import type { InferenceEngine, MatMulProbe } from './inference-engine';

export interface TfjsEngineOptions {
  /** Default: off (all tokens visible), the graph the ONNX export holds. */
  testMasking?: TestMasking;
}

export class TfjsInferenceEngine implements InferenceEngine {
  readonly name = 'tfjs';
  private readonly testMasking: TestMasking;

  /** The engine uses `detector` without owning it: the caller disposes it. */
  constructor(
    private readonly detector: Detector,
    options: TfjsEngineOptions = {},
  ) {
    this.testMasking = options.testMasking ?? { mode: 'off' };
  }

  get device(): string {
    return `tfjs/${tf.getBackend()}`;
  }

  async score(input: FrameInput): Promise<FrameScore[]> {
    return await scoreFrames(this.detector, input, { testMasking: this.testMasking });
  }

  async matMulProbe(size: number): Promise<MatMulProbe> {
    const [a, b] = tf.tidy(() => [tf.randomUniform([size, size], -1, 1, 'float32', 1), tf.randomUniform([size, size], -1, 1, 'float32', 2)]);
    return {
      size,
      run: async () => {
        const c = tf.matMul(a, b);
        // Reading the result waits for asynchronous backends to finish.
        await c.data();
        c.dispose();
      },
      dispose: async () => tf.dispose([a, b]),
    };
  }

  async dispose(): Promise<void> {
    // Nothing owned: the detector belongs to the caller.
  }
}
