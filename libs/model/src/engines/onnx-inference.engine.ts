// The `onnx` engine: the exported inference graph (onnx/export-onnx.ts) run by ONNX Runtime for
// Node. `onnxruntime-node` ships its CPU binaries; the CUDA provider's binaries are fetched by the
// package's install script, which this repository skips (ONNXRUNTIME_NODE_INSTALL=skip, and npm's
// allowScripts). To enable CUDA 12 on a machine with CUDA 12 + cuDNN 9:
//   ONNXRUNTIME_NODE_INSTALL_CUDA=v12 npm rebuild onnxruntime-node --foreground-scripts
// (with the package's install script allowed), then use provider `cuda`.
// The runtime is loaded on first use, so importing @vad/model never needs the native binding.
import type * as Ort from 'onnxruntime-node';
import type { ModelConfig } from '../config/model-config';
import { modelDimensions } from '../config/model-dimensions';
import type { Detector } from '../detector/detector';
import type { FrameScore } from '../inference/frame-score';
import { tokenMapsAt } from '../inference/token-maps';
import type { FrameInput } from '../inference/stack-frames';
import { ModelError, ModelErrorCode } from '../model.error';
import { exportOnnx, ONNX_OUTPUT_NAMES } from '../onnx/export-onnx';
import { OnnxGraphBuilder } from '../onnx/onnx-graph-builder';
import { encodeOnnxModel } from '../onnx/onnx-model.proto';
import type { InferenceEngine, MatMulProbe } from './inference-engine';

export const ONNX_PROVIDERS = ['cpu', 'cuda'] as const;
export type OnnxProvider = (typeof ONNX_PROVIDERS)[number];

export interface OnnxEngineOptions {
  /** Default `cpu`. */
  provider?: OnnxProvider;
  /** Threads inside one operator (default: ONNX Runtime's choice, one per core). */
  intraOpThreads?: number;
}

type OrtModule = typeof Ort;

function loadRuntime(): OrtModule {
  try {
    // Loaded on first use (see header).
    return require('onnxruntime-node') as OrtModule;
  } catch (error) {
    throw new ModelError(ModelErrorCode.BackendUnavailable, `onnxruntime-node cannot be loaded (${String(error)}); run npm install in the repository root`);
  }
}

/** Whether `onnxruntime-node` and its native binding load in this process. */
export function isOnnxRuntimeAvailable(): boolean {
  try {
    loadRuntime();
    return true;
  } catch {
    return false;
  }
}

async function createSession(ort: OrtModule, model: Uint8Array, options: OnnxEngineOptions): Promise<Ort.InferenceSession> {
  const provider = options.provider ?? 'cpu';
  try {
    return await ort.InferenceSession.create(model, {
      executionProviders: [provider],
      graphOptimizationLevel: 'all',
      ...(options.intraOpThreads === undefined ? {} : { intraOpNumThreads: options.intraOpThreads }),
    });
  } catch (error) {
    const hint =
      provider === 'cuda' ? '; the CUDA provider needs its binaries: ONNXRUNTIME_NODE_INSTALL_CUDA=v12 npm rebuild onnxruntime-node (CUDA 12, cuDNN 9)' : '';
    throw new ModelError(ModelErrorCode.BackendUnavailable, `ONNX Runtime could not start on ${provider}: ${String(error)}${hint}`);
  }
}

export class OnnxInferenceEngine implements InferenceEngine {
  readonly name = 'onnx';

  private constructor(
    private readonly ort: OrtModule,
    private readonly session: Ort.InferenceSession,
    private readonly config: ModelConfig,
    private readonly options: OnnxEngineOptions,
  ) {}

  /** An engine over `.onnx` bytes written by exportOnnx for a model with `config`. */
  static async fromModel(model: Uint8Array, config: ModelConfig, options: OnnxEngineOptions = {}): Promise<OnnxInferenceEngine> {
    const ort = loadRuntime();
    return new OnnxInferenceEngine(ort, await createSession(ort, model, options), config, options);
  }

  /** Exports `detector` (masking off) and loads the graph; the detector is not kept. */
  static async fromDetector(detector: Detector, options: OnnxEngineOptions = {}): Promise<OnnxInferenceEngine> {
    return OnnxInferenceEngine.fromModel(await exportOnnx(detector), detector.config, options);
  }

  get device(): string {
    return `onnx/${this.options.provider ?? 'cpu'}`;
  }

  async score(input: FrameInput): Promise<FrameScore[]> {
    const { config } = this;
    const shape = [input.count, config.inputHeight, config.inputWidth, modelDimensions(config).frameChannels];
    const size = shape.reduce((p, v) => p * v, 1);
    const tensor = (data: Float32Array, name: string) => {
      if (data.length !== size) {
        throw new ModelError(
          ModelErrorCode.ShapeMismatch,
          `${name} has ${data.length} values; ${input.count} frames of ${shape.slice(1).join('×')} need ${size}`,
        );
      }
      return new this.ort.Tensor('float32', data, shape);
    };
    const feeds: Record<string, Ort.Tensor> = { frames: tensor(input.frames, 'frames') };
    if (config.temporalInput === 'stack-t3') {
      // A missing neighbour is frame t, as stackFrames does.
      feeds.previous = tensor(input.previous ?? input.frames, 'previous');
      feeds.next = tensor(input.next ?? input.frames, 'next');
    }
    const out = await this.session.run(feeds);
    const read = (name: string): Float32Array | null => (out[name] === undefined ? null : (out[name].data as Float32Array));
    const teacherError = read(ONNX_OUTPUT_NAMES.teacherError) as Float32Array;
    const discrepancy = read(ONNX_OUTPUT_NAMES.discrepancy);
    const classifier = read(ONNX_OUTPUT_NAMES.classifier);
    const predictedAnomaly = read(ONNX_OUTPUT_NAMES.predictedAnomaly);
    const teacherFrame = read(ONNX_OUTPUT_NAMES.teacherErrorMap);
    if (teacherFrame === null) throw new ModelError(ModelErrorCode.BackendUnavailable, 'this model.onnx has no token-map outputs; export it again');
    const { gridHeight: height, gridWidth: width, frameChannels } = modelDimensions(config);
    const discrepancyFrame = read(ONNX_OUTPUT_NAMES.discrepancyMap);
    const maps = {
      teacherError: { frame: teacherFrame, anomalyMap: read(ONNX_OUTPUT_NAMES.teacherAnomalyMapError) },
      discrepancy: discrepancyFrame === null ? null : { frame: discrepancyFrame, anomalyMap: read(ONNX_OUTPUT_NAMES.discrepancyAnomalyMap) },
      width,
      height,
      frameChannels,
    };
    const scores = Array.from({ length: input.count }, (_, i): FrameScore => ({
      teacherError: teacherError[i],
      discrepancy: discrepancy === null ? null : discrepancy[i],
      classifier: classifier === null ? null : classifier[i],
      predictedAnomaly: predictedAnomaly === null ? null : predictedAnomaly[i],
      maps: tokenMapsAt(maps, i),
    }));
    for (const t of Object.values(out)) t.dispose();
    return scores;
  }

  async matMulProbe(size: number): Promise<MatMulProbe> {
    const g = new OnnxGraphBuilder();
    const values = () => Float32Array.from({ length: size * size }, (_, i) => ((i * 7919) % 2001) / 1000 - 1);
    const a = g.input('a', [size, size]);
    g.output('c', g.op('MatMul', [a, g.weight('b', values(), [size, size])], {}), [size, size]);
    const model = encodeOnnxModel(
      g.build({
        irVersion: 8,
        opsetVersion: 17,
        producerName: '@vad/model',
        producerVersion: '0.1.0',
        docString: 'matMul probe',
        metadata: {},
        graphName: 'matmul',
      }),
    );
    const session = await createSession(this.ort, model, this.options);
    const feeds = { a: new this.ort.Tensor('float32', values(), [size, size]) };
    return {
      size,
      run: async () => {
        const out = await session.run(feeds);
        for (const t of Object.values(out)) t.dispose();
      },
      dispose: () => session.release(),
    };
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}
