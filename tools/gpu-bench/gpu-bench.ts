// One-shot speed benchmark of @vad/model on a GPU machine without Node or network: tfjs on WebGPU
// (Dawn for Node, `webgpu` 0.6.2) against ONNX Runtime on the CPU. Bundled by esbuild (see build.mjs)
// and run by .gpu/run.sh. Prints one JSON object per line on stdout (`# ` lines are for people); the tfjs part
// ends each preset with its kernel profile (`profile` lines: where a training step and an inference batch spend their time).
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
// benchModel, scoring and training read tensors asynchronously (tfjs-backend-webgpu 4.22 implements
// synchronous reads through OffscreenCanvas, which Node lacks), so the library's own code is timed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { benchModel, median } from '../../libs/model/src/bench/bench-model';
import { benchTrain } from '../../libs/model/src/bench/bench-train';
import { profileModel } from '../../libs/model/src/bench/profile-model';
import { selectBackend } from '../../libs/model/src/backends/select-backend';
import { countParameters, gflopsPerFrame } from '../../libs/model/src/config/model-cost';
import { benchInference } from '../../libs/model/src/engines/bench-inference';
import { getPreset, type ModelPreset, type PresetName } from '../../libs/model/src/presets/model-presets';

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

async function benchModelFigures(preset: ModelPreset, backend: string, batches: number[], trainBatch: number, warmup: number): Promise<void> {
  const base: ModelRowBase = { engine: 'tfjs', backend, preset: preset.name, params: countParameters(preset.model) };
  await stage(`${backend} ${preset.name} benchModel`, async () => {
    // A failed WebGPU call does not throw: it is reported to the device, and the figures would time garbage.
    const errorsBefore = gpuErrors.count;
    const result = await benchModel({
      preset,
      backend,
      runs: RUNS,
      warmupRuns: warmup,
      inferenceBatchSizes: batches,
      trainBatchSize: trainBatch,
      log: (line) => emit('log', { stage: `benchModel ${backend} ${preset.name}`, line }),
    });
    if (gpuErrors.count > errorsBefore) throw new Error(`${gpuErrors.count - errorsBefore} WebGPU error(s) in these figures, latest: ${gpuErrors.last}`);
    for (const [batch, fps] of Object.entries(result.inferenceFps)) emit('model', inferenceRow(base, preset, Number(batch), fps, result.runs, 'benchModel'));
    emit('model', trainingRow(base, preset, result.trainBatch, result.trainFps, result.runs, 'benchModel'));
  });
}

async function tfjsModelFigures(backend: string, presets: PresetName[]): Promise<void> {
  const warmup = backend === 'webgpu' ? 2 : 1;
  for (const name of presets) {
    if (!fits(name, backend)) continue;
    const preset = getPreset(name);
    const trainBatch = TRAIN_BATCH ?? Math.min(preset.training.batchSize, 32);
    await benchModelFigures(preset, backend, INFERENCE_BATCHES, trainBatch, warmup);
    emit('memory', { backend, preset: name, ...plain(tf.memory()) });
    if (fits(name, `${backend} profile`)) await kernelProfile(preset, backend, trainBatch);
  }
}

/** Where a training step and an inference batch spend their time, kernel by kernel (the heaviest 20 of each). */
async function kernelProfile(preset: ModelPreset, backend: string, trainBatch: number): Promise<void> {
  const inferenceBatch = Math.max(...INFERENCE_BATCHES);
  await stage(`${backend}: ${preset.name} kernel profile`, async () => {
    const p = await profileModel({ preset, trainBatch, inferenceBatch });
    for (const [run, batch, profile] of [
      ['training', trainBatch, p.training],
      ['inference', inferenceBatch, p.inference],
    ] as const) {
      const { wallMs, calls, kernelMs, timesUnavailable, rows } = profile;
      const top = rows.slice(0, 20).map((r) => ({ ...r, ms: round(r.ms), share: round(r.share) }));
      emit('profile', {
        backend,
        preset: preset.name,
        run,
        batch,
        wallMs: round(wallMs),
        calls,
        kernelMs: kernelMs === null ? null : round(kernelMs),
        timesUnavailable,
        top,
      });
    }
  });
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
  await tfjsModelFigures(backend, presetList());
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
 * GPU_BENCH_TRAIN_WORKERS replica threads (default 16,8), cpu-ped2, batch GPU_BENCH_TRAIN_BATCH_CPU (16, the
 * preset's: at 32 the one-thread run outgrows wasm's 4 GiB heap and aborts).
 */
async function trainPart(): Promise<void> {
  await selectBackend({ backend: 'wasm', log: (line) => emit('log', { stage: 'train', line }) });
  const batch = Number(env.GPU_BENCH_TRAIN_BATCH_CPU ?? 16);
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
