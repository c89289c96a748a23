// `vad bench model`: parameters, analytic GFLOPs per frame and measured model-only speed of a preset on
// a backend (inference at batch 1 and 32, training), each speed the median of several runs after warm-up.
import type { Command } from 'commander';
import {
  BACKEND_CHOICES,
  defaultBenchTrainBatch,
  benchModel,
  PRESET_NAMES,
  selectBackend,
  type BenchModelOptions,
  type BenchModelResult,
  type SelectBackendOptions,
  type SelectedBackend,
} from '@vad/model';
import { CliUsageError } from '../cli-error';
import { backendFlag, presetFlag, selectBenchBackend } from './bench-flags';

export interface BenchModelFlags {
  preset?: string;
  backend?: string;
  json?: boolean;
  runs?: string;
  trainBatch?: string;
}

/** What the command does besides parsing; replaced in tests. */
export interface BenchModelDeps {
  selectBackend: (options: SelectBackendOptions) => Promise<SelectedBackend>;
  benchModel: (options: BenchModelOptions) => Promise<BenchModelResult>;
  stdout: (text: string) => void;
  stderr: (line: string) => void;
}

const defaultDeps: BenchModelDeps = {
  selectBackend,
  benchModel,
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

function positiveInteger(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new CliUsageError(`${flag} must be a positive integer, got "${value}"`);
  return n;
}

export function formatBenchResult(r: BenchModelResult): string {
  const fps = Object.entries(r.inferenceFps)
    .map(([batch, v]) => `${v.toFixed(2)} frames/s (batch ${batch})`)
    .join(', ');
  return [
    `preset ${r.preset} on ${r.backend}`,
    `parameters      ${r.params.toLocaleString('en-US')}`,
    `GFLOPs/frame    ${r.gflopsPerFrame.toFixed(3)} (inference forward, every token visible)`,
    `inference       ${fps}`,
    `training        ${r.trainFps.toFixed(2)} frames/s (stage 1, batch ${r.trainBatch})`,
    `(model only: synthetic frames in memory; medians of ${r.runs} runs after warm-up)`,
  ].join('\n');
}

export async function runBenchModel(flags: BenchModelFlags, deps: BenchModelDeps = defaultDeps): Promise<BenchModelResult> {
  const preset = presetFlag(flags.preset);
  const backend = backendFlag(flags.backend);
  const runs = positiveInteger(flags.runs, '--runs', 5);
  const trainBatchSize = positiveInteger(flags.trainBatch, '--train-batch', defaultBenchTrainBatch(preset));
  const selected = await selectBenchBackend(deps.selectBackend, { backend, log: deps.stderr });
  const result = await deps.benchModel({
    preset,
    backend: selected.choice,
    runs,
    trainBatchSize,
    log: flags.json ? undefined : (line) => deps.stderr(`  ${line}`),
  });
  deps.stdout(flags.json ? `${JSON.stringify(result)}\n` : `${formatBenchResult(result)}\n`);
  return result;
}

export function registerBenchModelCommand(bench: Command): void {
  bench
    .command('model')
    .description('parameters, GFLOPs/frame and model-only frames/s (inference at batch 1 and 32, training) of a preset on a backend')
    .requiredOption('--preset <name>', `model preset: ${PRESET_NAMES.join(', ')}`)
    .option('--backend <name>', `${BACKEND_CHOICES.join(' | ')} (default: VAD_BACKEND, else the fastest that loads)`)
    .option('--runs <n>', 'timed runs per figure; the median is reported (default 5)')
    .option('--train-batch <n>', 'training batch size (default: the preset’s, at most 8)')
    .option('--json', 'print one JSON object: preset, backend, params, gflopsPerFrame, inferenceFps, trainFps, trainBatch, runs')
    .action(async (flags: BenchModelFlags) => {
      await runBenchModel(flags);
    });
}
