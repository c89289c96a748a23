// One-shot speed benchmark of @vad/model on a GPU machine without Node or network: tfjs on WebGPU
// (Dawn for Node, `webgpu` 0.6.2) against ONNX Runtime on the CPU. Bundled by esbuild (see build.mjs)
// and run by .gpu/run.sh. Prints one JSON object per line on stdout (`# ` lines are for people).
//
// Usage: node gpu-bench.cjs [probe|webgpu|onnx|all]  (default all; probe: the WebGPU adapter only)
// Environment:
//   GPU_BENCH_QUICK=1            one small preset, 2 runs (a smoke test)
//   GPU_BENCH_PRESETS=a,b        presets to measure (default cpu-ped2,paper-avenue, then the others while time lasts)
//   GPU_BENCH_RUNS=n             timed runs per figure (median reported)
//   GPU_BENCH_BUDGET_S=s         seconds this process may spend; stages that would not fit are skipped
//   GPU_BENCH_ORT_THREADS=n      ONNX Runtime intra-op threads (default 16)
//   GPU_BENCH_BATCHES=1,32       inference batch sizes (tfjs and ONNX)
//   GPU_BENCH_TRAIN_BATCH=n      tfjs training batch (default: the preset's, at most 32)
//   GPU_BENCH_DAWN_FLAGS='a b'   options for Dawn's create(), space separated (e.g. backend=vulkan)
//   GPU_BENCH_TFJS_FALLBACK=cpu  without a WebGPU adapter, run the tfjs figures on tfjs' cpu backend
//                                (to exercise the code path on a machine without a GPU)
//
// Why an asynchronous copy of benchModel: benchModel (like scoreStackedFrames and trainingStep) reads
// results with dataSync, and tfjs-backend-webgpu 4.22 implements synchronous reads through
// OffscreenCanvas, which Node lacks. Where dataSync fails, the same computation (componentTensors,
// stageLoss, the Adam step, BatchNorm updates) is timed with `await data()` instead; rows say which.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { applyBatchNormUpdates } from '../../libs/model/src/blocks/batch-norm';
import { INFERENCE, type BatchNormUpdate, type ForwardMode } from '../../libs/model/src/blocks/forward-mode';
import { benchModel, median, randomTrainingBatch } from '../../libs/model/src/bench/bench-model';
import { benchTrain } from '../../libs/model/src/bench/bench-train';
import { selectBackend } from '../../libs/model/src/backends/select-backend';
import { countParameters, gflopsPerFrame } from '../../libs/model/src/config/model-cost';
import { modelDimensions } from '../../libs/model/src/config/model-dimensions';
import { Detector, STAGE_ROLES } from '../../libs/model/src/detector/detector';
import { benchInference } from '../../libs/model/src/engines/bench-inference';
import { componentTensors } from '../../libs/model/src/inference/score-frames';
import { getPreset, type ModelPreset, type PresetName } from '../../libs/model/src/presets/model-presets';
import { SeededRandom } from '../../libs/data/src/random/seeded-random';
import { AdamOptimizer } from '../../libs/model/src/training/adam-optimizer';
import { batchTensors, disposeBatchTensors, type BatchTensors } from '../../libs/model/src/training/batch-tensors';
import { stageLoss, trainingMask } from '../../libs/model/src/training/training-step';

/** Filled in by build.mjs (esbuild define). */
declare const BUILD_INFO: Record<string, string>;

type Part = 'probe' | 'webgpu' | 'onnx' | 'train' | 'all';
type Json = Record<string, unknown>;

interface GpuAdapterLike {
  readonly features: ReadonlySet<string>;
  readonly limits: Record<string, number>;
  readonly info?: object;
  requestDevice(descriptor: { requiredFeatures?: string[]; requiredLimits?: Record<string, number> }): Promise<GpuDeviceLike>;
}

interface GpuDeviceLike {
  readonly lost: Promise<{ reason?: string; message?: string }>;
  onuncapturederror?: ((event: { error?: { message?: string }; preventDefault?: () => void }) => void) | null;
}

interface GpuLike {
  requestAdapter(options?: { powerPreference?: string; featureLevel?: string }): Promise<GpuAdapterLike | null>;
}

interface DawnModule {
  create(flags: string[]): GpuLike;
  globals: Record<string, unknown>;
}

const START = performance.now();
const env = process.env;
const QUICK = env.GPU_BENCH_QUICK === '1';
const BUDGET_S = Number(env.GPU_BENCH_BUDGET_S ?? (QUICK ? 120 : 330));
const RUNS = Number(env.GPU_BENCH_RUNS ?? (QUICK ? 2 : 5));
const ORT_THREADS = Number(env.GPU_BENCH_ORT_THREADS ?? 16);
const INFERENCE_BATCHES = (env.GPU_BENCH_BATCHES ?? '1,32').split(',').map(Number);
const TRAIN_BATCH = env.GPU_BENCH_TRAIN_BATCH === undefined ? undefined : Number(env.GPU_BENCH_TRAIN_BATCH);
/** Timed runs of one figure stop early once they have used this many seconds (at least one run is kept). */
const FIGURE_CAP_S = QUICK ? 10 : 20;
const MAIN_PRESETS: PresetName[] = QUICK ? ['cpu-tiny'] : ['cpu-ped2', 'paper-avenue'];
const EXTRA_PRESETS: PresetName[] = QUICK ? [] : ['paper-ped2', 'paper-shanghaitech', 'cpu-tiny'];
/** Rough seconds a preset needs per part: a stage is skipped when less than this is left. */
const PRESET_MIN_S: Partial<Record<PresetName, number>> = {
  'paper-avenue': 45,
  'paper-shanghaitech': 30,
  'paper-ubnormal': 30,
  'paper-ped2': 20,
  'cpu-ped2': 15,
  'cpu-tiny': 5,
};

const elapsed = () => (performance.now() - START) / 1000;
const remaining = () => BUDGET_S - elapsed();
const round = (v: number, digits = 3) => Number(v.toPrecision(digits + 2));

/**
 * Synchronous writes: the process may end with process.exit, and stdout is usually a pipe (tee),
 * which Node may have made non-blocking: a full pipe answers EAGAIN, so wait and write the rest.
 */
function writeOut(text: string): void {
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(1, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

function emit(kind: string, fields: Json): void {
  writeOut(`${JSON.stringify({ kind, t: round(elapsed(), 2), ...fields })}\n`);
}

function say(line: string): void {
  writeOut(`# ${line}\n`);
}

/** Uncaptured WebGPU errors (validation, out of memory): counted, the first few of each stage printed. */
const gpuErrors = { count: 0, last: '', stageStart: 0 };
const GPU_ERRORS_PRINTED = 3;

function recordGpuError(text: string): void {
  gpuErrors.count += 1;
  gpuErrors.last = text.split('\n')[0];
  const inStage = gpuErrors.count - gpuErrors.stageStart;
  if (inStage <= GPU_ERRORS_PRINTED) emit('webgpu-error', { n: gpuErrors.count, error: text });
  if (inStage === GPU_ERRORS_PRINTED) say('further WebGPU errors of this stage are counted, not printed');
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function stage(name: string, body: () => Promise<void>): Promise<boolean> {
  say(`--- ${name}`);
  gpuErrors.stageStart = gpuErrors.count;
  try {
    await body();
    return true;
  } catch (error) {
    emit('error', { stage: name, error: message(error), stack: error instanceof Error ? error.stack?.split('\n').slice(1, 6).join(' | ') : undefined });
    return false;
  }
}

function presetList(): PresetName[] {
  if (env.GPU_BENCH_PRESETS) return env.GPU_BENCH_PRESETS.split(',').map((s) => getPreset(s.trim()).name);
  return [...MAIN_PRESETS, ...EXTRA_PRESETS];
}

function fits(preset: PresetName, part: string): boolean {
  const need = PRESET_MIN_S[preset] ?? 20;
  if (remaining() >= need) return true;
  emit('skip', { part, preset, reason: `${remaining().toFixed(0)} s left of the ${BUDGET_S} s budget, ${need} s needed` });
  return false;
}

/** Primitive fields of a native object (own and prototype getters), for printing. */
function plain(value: object | undefined): Json {
  const out: Json = {};
  if (value === undefined || value === null) return out;
  const keys = new Set<string>([...Object.keys(value), ...Object.keys(Object.getPrototypeOf(value) ?? {})]);
  for (let proto = Object.getPrototypeOf(value); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const k of Object.getOwnPropertyNames(proto)) if (k !== 'constructor') keys.add(k);
  }
  for (const k of keys) {
    try {
      const v = (value as Record<string, unknown>)[k];
      if (['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
    } catch {
      // A getter that throws is left out.
    }
  }
  return out;
}

// ---------------------------------------------------------------- timing

interface Timing {
  seconds: number;
  runs: number;
}

/** Median seconds of up to `runs` awaited runs after `warmup`; stops early past FIGURE_CAP_S. */
async function timeAsync(runs: number, warmup: number, run: () => Promise<void>): Promise<Timing> {
  // A failed WebGPU call does not throw: it is reported to the device, and the figure would time garbage.
  const errorsBefore = gpuErrors.count;
  const checked = async () => {
    // A scope per run: whatever a failed run leaves behind is released with it.
    tf.engine().startScope();
    try {
      await run();
    } finally {
      tf.engine().endScope();
    }
    if (gpuErrors.count > errorsBefore) throw new Error(`${gpuErrors.count - errorsBefore} WebGPU error(s) in this figure, latest: ${gpuErrors.last}`);
  };
  for (let i = 0; i < warmup; i++) await checked();
  const seconds: number[] = [];
  const begin = performance.now();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await checked();
    seconds.push((performance.now() - start) / 1000);
    if ((performance.now() - begin) / 1000 > FIGURE_CAP_S) break;
  }
  return { seconds: median(seconds), runs: seconds.length };
}

// ---------------------------------------------------------------- tfjs model figures

interface ModelRowBase {
  engine: 'tfjs';
  backend: string;
  preset: string;
  params: number;
}

function inferenceRow(base: ModelRowBase, preset: ModelPreset, batch: number, fps: number, runs: number, impl: string): Json {
  // Seeded test-time masking, as benchModel scores: the encoder sees the visible tokens only.
  const perFrame = gflopsPerFrame(preset.model);
  return { ...base, mode: 'inference', impl, batch, fps: round(fps), gflopsPerFrame: round(perFrame), achievedGflops: round(fps * perFrame), runs };
}

function trainingRow(base: ModelRowBase, preset: ModelPreset, batch: number, fps: number, runs: number, impl: string): Json {
  // Forward (masked, as in training) + backward ≈ 3 forward passes; an estimate, not a count.
  const perFrame = 3 * gflopsPerFrame(preset.model);
  return { ...base, mode: 'train', impl, batch, fps: round(fps), gflopsPerFrameApprox: round(perFrame), achievedGflopsApprox: round(fps * perFrame), runs };
}

/** benchModel's inference figure with asynchronous reads (see header). */
async function scoreAwaited(detector: Detector, input: tf.Tensor4D, seed: number): Promise<void> {
  const outputs = tf.tidy(() => {
    const c = componentTensors(detector, input, { mode: 'seeded', seed }, 0);
    const all: (tf.Tensor | null)[] = [
      c.teacherError.frame,
      c.teacherError.anomalyMap,
      c.discrepancy?.frame ?? null,
      c.discrepancy?.anomalyMap ?? null,
      c.classifier,
      c.predictedAnomaly,
    ];
    return all.filter((t): t is tf.Tensor => t !== null);
  });
  try {
    await Promise.all(outputs.map((t) => t.data()));
  } finally {
    tf.dispose(outputs);
  }
}

/** trainingStep (stage 1) with asynchronous reads, issued after the update so that they wait for it. */
async function trainAwaited(detector: Detector, optimizer: AdamOptimizer, batch: BatchTensors, rng: SeededRandom): Promise<void> {
  const entries = detector.parameters.trainable(STAGE_ROLES[1]);
  const names = new Map(entries.map((e) => [e.variable.name, e.name]));
  const mask = trainingMask(detector, batch.size, rng);
  const updates: BatchNormUpdate[] = [];
  const training: ForwardMode = { training: true, nextDropoutSeed: () => rng.nextUint32(), batchNormUpdates: updates };
  const parts = new Map<string, tf.Scalar>();
  let value: tf.Scalar | null = null;
  let grads: tf.NamedTensorMap = {};
  try {
    ({ value, grads } = tf.variableGrads(
      () => stageLoss(detector, batch, 1, mask, { backbone: training, student: INFERENCE }, parts),
      entries.map((e) => e.variable),
    ));
    optimizer.apply(new Map(Object.entries(grads).map(([n, g]) => [names.get(n) ?? n, g])));
    applyBatchNormUpdates(updates);
    const [loss] = await value.data();
    await Promise.all([...parts.values()].map((t) => t.data()));
    if (!Number.isFinite(loss)) throw new Error(`training loss became ${loss}`);
  } finally {
    tf.dispose([...(value === null ? [] : [value]), ...Object.values(grads), ...parts.values()]);
    for (const u of updates) tf.dispose([u.batchMean, u.batchVariance]);
  }
}

async function benchModelAwaited(preset: ModelPreset, backend: string, batches: number[], trainBatch: number, warmup: number): Promise<void> {
  const seed = 0;
  const config = preset.model;
  const dims = modelDimensions(config);
  const base: ModelRowBase = { engine: 'tfjs', backend, preset: preset.name, params: countParameters(config) };
  const detector = Detector.create(config, seed);
  try {
    for (const batch of batches) {
      const ok = await stage(`${backend} ${preset.name} inference batch ${batch} (awaited)`, async () => {
        const input = tf.tidy(() =>
          tf.randomUniform([batch, config.inputHeight, config.inputWidth, dims.inputChannels], -1, 1, 'float32', seed),
        ) as tf.Tensor4D;
        try {
          const t = await timeAsync(RUNS, warmup, () => scoreAwaited(detector, input, seed));
          emit('model', inferenceRow(base, preset, batch, batch / t.seconds, t.runs, 'awaited-copy-of-benchModel'));
        } finally {
          input.dispose();
        }
      });
      if (!ok) break;
    }
    await stage(`${backend} ${preset.name} training batch ${trainBatch} (awaited)`, async () => {
      const optimizer = new AdamOptimizer(
        preset.training.optimizer,
        detector.parameters.trainable(STAGE_ROLES[1]).map((e) => ({ name: e.name, variable: e.variable })),
      );
      const tensors = batchTensors(randomTrainingBatch(preset, trainBatch, seed), config);
      const rng = SeededRandom.fromSeed(seed);
      try {
        const t = await timeAsync(RUNS, warmup, () => trainAwaited(detector, optimizer, tensors, rng));
        emit('model', trainingRow(base, preset, trainBatch, trainBatch / t.seconds, t.runs, 'awaited-copy-of-benchModel'));
      } finally {
        disposeBatchTensors(tensors);
        optimizer.dispose();
      }
    });
  } finally {
    detector.dispose();
  }
}

async function benchModelSync(preset: ModelPreset, backend: string, batches: number[], trainBatch: number, warmup: number): Promise<void> {
  const base: ModelRowBase = { engine: 'tfjs', backend, preset: preset.name, params: countParameters(preset.model) };
  await stage(`${backend} ${preset.name} benchModel`, async () => {
    const result = await benchModel({
      preset,
      backend,
      runs: RUNS,
      warmupRuns: warmup,
      inferenceBatchSizes: batches,
      trainBatchSize: trainBatch,
      log: (line) => emit('log', { stage: `benchModel ${backend} ${preset.name}`, line }),
    });
    for (const [batch, fps] of Object.entries(result.inferenceFps)) emit('model', inferenceRow(base, preset, Number(batch), fps, result.runs, 'benchModel'));
    emit('model', trainingRow(base, preset, result.trainBatch, result.trainFps, result.runs, 'benchModel'));
  });
}

/** Whether dataSync works on the active backend (it does not on webgpu in Node). */
function dataSyncWorks(): boolean {
  try {
    // Large enough to run on the device: webgpu computes small tensors with host inputs on the CPU.
    tf.tidy(() => tf.ones([8192]).add(1).sum().dataSync());
    return true;
  } catch (error) {
    emit('note', {
      backend: tf.getBackend(),
      dataSync: false,
      error: message(error),
      consequence: 'benchModel cannot run here; timing the same computation with await data()',
    });
    return false;
  }
}

async function tfjsModelFigures(backend: string, presets: PresetName[], alsoAwaited: boolean): Promise<void> {
  const warmup = backend === 'webgpu' ? 2 : 1;
  const sync = dataSyncWorks();
  for (const name of presets) {
    if (!fits(name, backend)) continue;
    const preset = getPreset(name);
    const batches = INFERENCE_BATCHES;
    const trainBatch = TRAIN_BATCH ?? Math.min(preset.training.batchSize, 32);
    if (sync) await benchModelSync(preset, backend, batches, trainBatch, warmup);
    if (!sync || alsoAwaited) await benchModelAwaited(preset, backend, batches, trainBatch, warmup);
    emit('memory', { backend, preset: name, ...plain(tf.memory()) });
  }
}

// ---------------------------------------------------------------- matMul peak

async function matMulPeak(backend: string, n: number): Promise<void> {
  const [a, b] = tf.tidy(() => [tf.randomUniform([n, n], -1, 1, 'float32', 1), tf.randomUniform([n, n], -1, 1, 'float32', 2)]);
  const flops = 2 * n ** 3;
  try {
    // Chained products, one scalar read at the end: the device's throughput without the read-back.
    const chain = QUICK ? 2 : 10;
    const chained = await timeAsync(RUNS, 1, async () => {
      let last: tf.Tensor | null = null;
      for (let i = 0; i < chain; i++) {
        const c = tf.matMul(a, b);
        last?.dispose();
        last = c;
      }
      const corner = tf.slice(last as tf.Tensor2D, [0, 0], [1, 1]);
      await corner.data();
      tf.dispose([corner, last as tf.Tensor]);
    });
    emit('matmul', {
      backend,
      n,
      method: `chain of ${chain}, one scalar read`,
      msPerMatMul: round((1000 * chained.seconds) / chain),
      gflops: round((flops * chain) / chained.seconds / 1e9),
      runs: chained.runs,
    });
    // As the engines' probe does it (benchInference): one product and its full read-back.
    const single = await timeAsync(RUNS, 1, async () => {
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
    });
    emit('matmul', {
      backend,
      n,
      method: 'one product + full read-back',
      msPerMatMul: round(1000 * single.seconds),
      gflops: round(flops / single.seconds / 1e9),
      runs: single.runs,
    });
  } finally {
    tf.dispose([a, b]);
  }
}

// ---------------------------------------------------------------- WebGPU set-up

function loadDawn(): DawnModule {
  const file = path.join(env.GPU_BENCH_NATIVE_DIR ?? __dirname, 'dawn.node');
  // A computed path: esbuild leaves this require to run time.
  return require(file) as DawnModule;
}

const LIMIT_KEYS = [
  'maxBufferSize',
  'maxStorageBufferBindingSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupsPerDimension',
  'maxStorageBuffersPerShaderStage',
];

function featureList(features: ReadonlySet<string>): string[] | string {
  try {
    return [...features].sort();
  } catch (error) {
    return `unlistable (${message(error)})`;
  }
}

/** Loads Dawn, sets the WebGPU globals and navigator.gpu, prints the adapter (or why there is none). */
async function requestAdapter(): Promise<GpuAdapterLike | null> {
  const dawn = loadDawn();
  Object.assign(globalThis, dawn.globals);
  const flags = (env.GPU_BENCH_DAWN_FLAGS ?? '').split(/\s+/).filter((f) => f !== '');
  const gpu = dawn.create(flags);
  (globalThis as { navigator?: unknown }).navigator = { gpu };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (adapter === null) {
    emit('webgpu-adapter', {
      ok: false,
      flags,
      error: 'no adapter: navigator.gpu.requestAdapter() returned null (no usable Vulkan driver/ICD, or the device lacks required features)',
    });
    return null;
  }
  const limits: Record<string, number> = {};
  for (const k of LIMIT_KEYS) limits[k] = adapter.limits[k];
  emit('webgpu-adapter', { ok: true, flags, info: plain(adapter.info), features: featureList(adapter.features), limits });
  return adapter;
}

/** The adapter each Dawn backend offers (diagnosis only: the bench uses Dawn's default choice). */
async function probeBackends(): Promise<void> {
  await stage('webgpu: Dawn default adapter', async () => void (await requestAdapter()));
  const dawn = loadDawn();
  for (const [backend, featureLevel] of [
    ['vulkan', 'core'],
    ['opengles', 'compatibility'],
    ['opengl', 'compatibility'],
  ] as const) {
    await stage(`webgpu: Dawn backend=${backend}`, async () => {
      const adapter = await dawn.create([`backend=${backend}`]).requestAdapter({ powerPreference: 'high-performance', featureLevel });
      emit('webgpu-probe', { backend, featureLevel, adapter: adapter === null ? null : plain(adapter.info) });
    });
  }
}

/** Creates our device and makes tfjs' webgpu backend use it. */
async function activateTfjsWebGpu(adapter: GpuAdapterLike): Promise<void> {
  const limits = adapter.limits;
  // The limits tfjs' own factory asks for; its feature list nests an array, which Dawn may reject.
  const device = await adapter.requestDevice({
    requiredFeatures: [],
    requiredLimits: {
      maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
      maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
      maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
      maxBufferSize: limits.maxBufferSize,
      maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
      maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
    },
  });
  device.lost.then((info) => emit('webgpu-device-lost', { reason: info.reason, message: info.message })).catch(() => undefined);
  try {
    device.onuncapturederror = (event) => {
      // Handled here: without preventDefault Dawn also prints every error to stderr.
      event.preventDefault?.();
      recordGpuError(event.error?.message ?? String(event));
    };
  } catch {
    // Not every Dawn build accepts the handler; errors then surface as exceptions or a lost device.
  }
  // Required only now: the package registers its backend at load time, and only if navigator.gpu exists.
  const webgpu = require('@tensorflow/tfjs-backend-webgpu') as { WebGPUBackend: new (device: unknown, info: unknown) => tf.KernelBackend };
  tf.removeBackend('webgpu');
  tf.registerBackend('webgpu', () => new webgpu.WebGPUBackend(device, adapter.info), 3);
  if (!(await tf.setBackend('webgpu'))) throw new Error('tf.setBackend("webgpu") returned false (see the warning above)');
  await tf.ready();
  emit('tfjs-backend', { backend: tf.getBackend(), tfjs: tf.version.tfjs });
}

// ---------------------------------------------------------------- parts

async function webgpuPart(): Promise<void> {
  let active = false;
  await stage('webgpu: Dawn, adapter, tfjs backend', async () => {
    const adapter = await requestAdapter();
    if (adapter !== null) {
      await activateTfjsWebGpu(adapter);
      active = true;
    }
  });
  let backend = 'webgpu';
  if (!active) {
    const fallback = env.GPU_BENCH_TFJS_FALLBACK;
    if (fallback === undefined || fallback === '') {
      emit('skip', { part: 'webgpu', reason: 'no WebGPU backend; tfjs figures skipped (set GPU_BENCH_TFJS_FALLBACK=cpu to run them on the cpu backend)' });
      return;
    }
    await tf.setBackend(fallback);
    await tf.ready();
    backend = tf.getBackend();
    emit('tfjs-backend', { backend, fallback: true, tfjs: tf.version.tfjs });
  }
  const n = QUICK || backend !== 'webgpu' ? 256 : 4096;
  await stage(`${backend}: matMul ${n}×${n}`, () => matMulPeak(backend, n));
  await tfjsModelFigures(backend, presetList(), backend !== 'webgpu');
}

async function onnxPart(): Promise<void> {
  // The detector is built and exported in tfjs: the cpu backend reads weights synchronously.
  await tf.setBackend('cpu');
  await tf.ready();
  const matMulSize = QUICK ? 256 : 2048;
  for (const name of presetList()) {
    if (!fits(name, 'onnx')) continue;
    for (const batch of [...INFERENCE_BATCHES].reverse()) {
      await stage(`onnx/cpu ${name} batch ${batch}, ${ORT_THREADS} threads`, async () => {
        const r = await benchInference({
          preset: getPreset(name),
          engine: 'onnx',
          onnx: { provider: 'cpu', intraOpThreads: ORT_THREADS },
          batch,
          runs: RUNS,
          warmupRuns: 2,
          matMulSize,
          log: (line) => emit('log', { stage: `onnx ${name}`, line }),
        });
        emit('onnx', {
          engine: r.engine,
          device: r.device,
          threads: ORT_THREADS,
          preset: r.preset,
          batch: r.batch,
          fps: round(r.modelFps),
          gflopsPerFrame: round(r.gflopsPerFrame),
          achievedGflops: round(r.achievedGflops),
          matMulSize: r.matMulSize,
          peakGflops: round(r.peakGflops),
          peakRatio: round(r.peakRatio),
          runs: r.runs,
        });
      });
    }
  }
}

/**
 * Data-parallel wasm training on the machine's cores (libs/model training/parallel): one thread against
 * GPU_BENCH_TRAIN_WORKERS replica threads (default 16,8), cpu-ped2, batch GPU_BENCH_TRAIN_BATCH_CPU (32).
 */
async function trainPart(): Promise<void> {
  await selectBackend({ backend: 'wasm', log: (line) => emit('log', { stage: 'train', line }) });
  const batch = Number(env.GPU_BENCH_TRAIN_BATCH_CPU ?? 32);
  for (const workers of (env.GPU_BENCH_TRAIN_WORKERS ?? '16,8').split(',').map(Number)) {
    await stage(`wasm data-parallel training, cpu-ped2, batch ${batch}, ${workers} replicas`, async () => {
      const r = await benchTrain({
        preset: getPreset('cpu-ped2'),
        workers,
        backend: 'wasm',
        batch,
        runs: RUNS,
        log: (line) => emit('log', { stage: 'train', line }),
      });
      emit('train', {
        ...r,
        singleFps: round(r.singleFps),
        parallelFps: round(r.parallelFps),
        speedup: round(r.speedup),
        peakGflops: round(r.peakGflops),
        achievedGflops: round(r.achievedGflops),
        peakRatio: round(r.peakRatio),
      });
    });
  }
}

async function main(): Promise<void> {
  const part = (process.argv[2] ?? 'all') as Part;
  if (!['probe', 'webgpu', 'onnx', 'train', 'all'].includes(part)) throw new Error(`unknown part "${part}"; use probe, webgpu, onnx, train or all`);
  emit('start', {
    part,
    quick: QUICK,
    budgetS: BUDGET_S,
    runs: RUNS,
    node: process.version,
    execPath: process.execPath,
    cwd: process.cwd(),
    nodePath: env.NODE_PATH ?? null,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memGiB: round(os.totalmem() / 2 ** 30),
    tfjs: tf.version.tfjs,
    ...BUILD_INFO,
  });
  if (part === 'probe') await probeBackends();
  if (part === 'webgpu' || part === 'all') await webgpuPart();
  if (part === 'onnx' || part === 'all') await onnxPart();
  if (part === 'train') await trainPart();
  emit('done', { part, seconds: round(elapsed()) });
}

main()
  .catch((error) => emit('error', { stage: 'main', error: message(error) }))
  // Dawn keeps the process alive while navigator.gpu is referenced, and a pending device.lost promise too.
  .finally(() => process.exit(0));
