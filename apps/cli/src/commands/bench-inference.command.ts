// `vad bench inference`: how near the hardware's limit an engine runs a preset (issue 8) — the engine's
// measured matMul GFLOP/s, the model's GFLOPs/frame (masking off), model-only frames/s, achieved GFLOP/s
// and its ratio to the measured peak, each time the median of at least 5 timed runs after warm-up — and
// end-to-end frames/s (ffmpeg decode → preprocess → batched engine → scores) with its ratio to model-only.
import path from 'node:path';
import type { Command } from 'commander';
import { DataError, decodeFrames, openFrameSource } from '@vad/data';
import {
  BACKEND_CHOICES,
  benchInference,
  ENGINE_NAMES,
  isBackendChoice,
  isEngineName,
  ModelError,
  ONNX_PROVIDERS,
  PRESET_NAMES,
  selectBackend,
  type BenchInferenceOptions,
  type BenchInferenceResult,
  type EndToEndSource,
  type OnnxProvider,
  type SelectBackendOptions,
  type SelectedBackend,
} from '@vad/model';
import { CliUsageError } from '../cli-error';
import { presetFlag } from './bench-flags';
import { generatedOrGivenVideo, type BenchVideo } from './bench-video';

/** Fewer timed runs would make the median a poor guard against one slow run. */
const MIN_RUNS = 5;

export interface BenchInferenceFlags {
  preset?: string;
  engine?: string;
  batch?: string;
  runs?: string;
  backend?: string;
  provider?: string;
  matmulSize?: string;
  video?: string;
  streams?: string;
  json?: boolean;
}

/** What the command does besides parsing; replaced in tests. */
export interface BenchInferenceDeps {
  selectBackend: (options: SelectBackendOptions) => Promise<SelectedBackend>;
  benchInference: (options: BenchInferenceOptions) => Promise<BenchInferenceResult>;
  /** The given video, or a generated one without --video. */
  benchVideo: (file: string | undefined) => Promise<BenchVideo>;
  stdout: (text: string) => void;
  stderr: (line: string) => void;
}

/** Each stream decodes the file afresh with libs/data's ffmpeg decoder. */
export function decodedVideoSource(file: string, streams: number): EndToEndSource {
  return {
    label: path.basename(file),
    streams,
    open: async function* (geometry) {
      yield* decodeFrames(await openFrameSource(file), geometry);
    },
  };
}

export const defaultDeps: BenchInferenceDeps = {
  selectBackend,
  benchInference,
  benchVideo: generatedOrGivenVideo,
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

function integerAtLeast(value: string | undefined, flag: string, min: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new CliUsageError(`${flag} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

export function formatBenchInferenceResult(r: BenchInferenceResult): string {
  return [
    `preset ${r.preset}, engine ${r.engine} (${r.device}), batch ${r.batch}`,
    `peak matMul     ${r.peakGflops.toFixed(2)} GFLOP/s (${r.matMulSize}×${r.matMulSize} float32)`,
    `GFLOPs/frame    ${r.gflopsPerFrame.toFixed(4)} (inference forward, test-time masking off)`,
    `model           ${r.modelFps.toFixed(2)} frames/s`,
    `achieved        ${r.achievedGflops.toFixed(2)} GFLOP/s = ${(100 * r.peakRatio).toFixed(1)}% of the measured peak`,
    `(model only: synthetic frames in memory; medians of ${r.runs} runs after warm-up)`,
    ...(r.endToEndFps === null
      ? []
      : [
          `end to end      ${r.endToEndFps.toFixed(2)} frames/s = ${(100 * (r.endToEndRatio as number)).toFixed(1)}% of model-only`,
          `(decode ${r.endToEndSource} → preprocess → batch → model → scores, ${r.streams} stream${r.streams === 1 ? '' : 's'}, ${r.endToEndFrames} frames)`,
        ]),
  ].join('\n');
}

export async function runBenchInference(flags: BenchInferenceFlags, deps: BenchInferenceDeps = defaultDeps): Promise<BenchInferenceResult> {
  const preset = presetFlag(flags.preset);
  const engine = flags.engine ?? 'onnx';
  if (!isEngineName(engine)) throw new CliUsageError(`--engine must be one of ${ENGINE_NAMES.join(', ')}, got "${engine}"`);
  const backend = flags.backend;
  if (backend !== undefined && (engine !== 'tfjs' || !isBackendChoice(backend))) {
    throw new CliUsageError(`--backend applies to --engine tfjs and must be one of ${BACKEND_CHOICES.join(', ')}, got "${backend}"`);
  }
  const provider = flags.provider;
  if (provider !== undefined && (engine !== 'onnx' || !(ONNX_PROVIDERS as readonly string[]).includes(provider))) {
    throw new CliUsageError(`--provider applies to --engine onnx and must be one of ${ONNX_PROVIDERS.join(', ')}, got "${provider}"`);
  }
  const batch = integerAtLeast(flags.batch, '--batch', 1, 32);
  const runs = integerAtLeast(flags.runs, '--runs', MIN_RUNS, MIN_RUNS);
  const matMulSize = integerAtLeast(flags.matmulSize, '--matmul-size', 16, 2048);
  const streams = integerAtLeast(flags.streams, '--streams', 1, 1);
  const log = flags.json ? undefined : (line: string) => deps.stderr(`  ${line}`);
  const video = await deps.benchVideo(flags.video);
  try {
    if (engine === 'tfjs') await deps.selectBackend({ backend, log: deps.stderr });
    const result = await deps.benchInference({
      endToEnd: decodedVideoSource(video.file, streams),
      preset,
      engine,
      onnx: { provider: (provider ?? 'cpu') as OnnxProvider },
      batch,
      runs,
      matMulSize,
      log,
    });
    deps.stdout(flags.json ? `${JSON.stringify(result)}\n` : `${formatBenchInferenceResult(result)}\n`);
    return result;
  } catch (error) {
    // A backend or provider that cannot load here is something the user can change.
    if (error instanceof ModelError || error instanceof DataError) throw new CliUsageError(error.message);
    throw error;
  } finally {
    await video.dispose();
  }
}

export function registerBenchInferenceCommand(bench: Command): void {
  bench
    .command('inference')
    .description("how near the machine's limit an engine runs a preset: matMul peak, GFLOPs/frame, frames/s, achieved GFLOP/s and ratio")
    .requiredOption('--preset <name>', `model preset: ${PRESET_NAMES.join(', ')}`)
    .option('--engine <name>', `${ENGINE_NAMES.join(' | ')} (default onnx)`)
    .option('--batch <n>', 'frames per inference call (default 32)')
    .option('--runs <n>', `timed runs per figure, at least ${MIN_RUNS}; the median is reported (default ${MIN_RUNS})`)
    .option('--backend <name>', `tfjs engine: ${BACKEND_CHOICES.join(' | ')} (default: VAD_BACKEND, else the fastest that loads)`)
    .option('--provider <name>', `onnx engine: ${ONNX_PROVIDERS.join(' | ')} (default cpu; cuda needs the CUDA binaries of onnxruntime-node)`)
    .option('--matmul-size <n>', 'side of the square matrices of the peak measurement (default 2048)')
    .option('--video <file>', 'video decoded for the end-to-end figure (default: a generated 360×240 test pattern of 180 frames)')
    .option('--streams <n>', 'copies of the video decoded at once, sharing batches (default 1)')
    .option(
      '--json',
      'print one JSON object: preset, engine, device, batch, peakGflops, gflopsPerFrame, modelFps, achievedGflops, peakRatio, runs, endToEndFps, endToEndRatio, streams',
    )
    .action(async (flags: BenchInferenceFlags) => {
      await runBenchInference(flags);
    });
}
