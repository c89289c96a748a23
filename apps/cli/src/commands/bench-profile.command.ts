// `vad bench profile`: where a preset's time goes on a backend, kernel by kernel: one stage-1 training step
// and one inference batch after a warm-up of each, every kernel's calls, milliseconds and share of the run,
// heaviest first (issue 17: what keeps a backend below the paper's speed — kernel choice, transposes, copies).
import type { Command } from 'commander';
import {
  BACKEND_CHOICES,
  defaultBenchTrainBatch,
  PRESET_NAMES,
  profileModel,
  selectBackend,
  type KernelProfile,
  type ModelProfile,
  type ProfileModelOptions,
  type SelectBackendOptions,
  type SelectedBackend,
} from '@vad/model';
import { nonNegativeIntegerFlag } from '../non-negative-integer-flag';
import { backendFlag, presetFlag, selectBenchBackend } from './bench-flags';

const DEFAULT_TOP = 15;

export interface BenchProfileFlags {
  preset?: string;
  backend?: string;
  trainBatch?: string;
  inferenceBatch?: string;
  top?: string;
  byShape?: boolean;
  json?: boolean;
}

/** What the command does besides parsing; replaced in tests. */
export interface BenchProfileDeps {
  selectBackend: (options: SelectBackendOptions) => Promise<SelectedBackend>;
  profileModel: (options: ProfileModelOptions) => Promise<ModelProfile>;
  stdout: (text: string) => void;
  stderr: (line: string) => void;
}

const defaultDeps: BenchProfileDeps = {
  selectBackend,
  profileModel,
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

function formatRun(title: string, run: KernelProfile, top: number): string[] {
  const timed = run.kernelMs !== null;
  const head = timed
    ? `${title}: ${run.wallMs.toFixed(0)} ms wall, ${run.calls} kernel calls, ${(run.kernelMs as number).toFixed(0)} ms in kernels`
    : `${title}: ${run.wallMs.toFixed(0)} ms wall, ${run.calls} kernel calls, no kernel times (${run.timesUnavailable ?? 'the backend did not time them'})`;
  const rows = run.rows.slice(0, top).map((r) => {
    const time = timed ? `${r.ms.toFixed(1).padStart(9)} ms ${(100 * r.share).toFixed(1).padStart(5)}%` : '';
    return `  ${r.kernel.padEnd(36)} ${String(r.calls).padStart(6)}×${time}  ${r.shapes[0] ?? ''}`;
  });
  const rest = run.rows.length > top ? [`  … ${run.rows.length - top} more (--top)`] : [];
  return [head, ...rows, ...rest];
}

export function formatModelProfile(p: ModelProfile, top = DEFAULT_TOP): string {
  return [
    `preset ${p.preset} on ${p.backend} (kernel times include profiling overhead; shapes: the first seen)`,
    ...formatRun(`training step, batch ${p.trainBatch}`, p.training, top),
    ...formatRun(`inference, batch ${p.inferenceBatch}`, p.inference, top),
  ].join('\n');
}

export async function runBenchProfile(flags: BenchProfileFlags, deps: BenchProfileDeps = defaultDeps): Promise<ModelProfile> {
  const preset = presetFlag(flags.preset);
  const backend = backendFlag(flags.backend);
  const trainBatch = nonNegativeIntegerFlag(flags.trainBatch, '--train-batch', defaultBenchTrainBatch(preset), 1);
  const inferenceBatch = nonNegativeIntegerFlag(flags.inferenceBatch, '--inference-batch', 32, 1);
  const top = nonNegativeIntegerFlag(flags.top, '--top', DEFAULT_TOP, 1);
  await selectBenchBackend(deps.selectBackend, { backend, log: deps.stderr });
  const profile = await deps.profileModel({ preset, trainBatch, inferenceBatch, byShape: flags.byShape === true });
  deps.stdout(flags.json ? `${JSON.stringify(profile)}\n` : `${formatModelProfile(profile, top)}\n`);
  return profile;
}

export function registerBenchProfileCommand(bench: Command): void {
  bench
    .command('profile')
    .description('one training step and one inference batch of a preset, kernel by kernel: calls, milliseconds and share, heaviest first')
    .requiredOption('--preset <name>', `model preset: ${PRESET_NAMES.join(', ')}`)
    .option('--backend <name>', `${BACKEND_CHOICES.join(' | ')} (default: VAD_BACKEND, else the fastest that loads)`)
    .option('--train-batch <n>', 'samples of the training step (default: the preset’s, at most 8)')
    .option('--inference-batch <n>', 'frames of the inference batch (default 32)')
    .option('--top <n>', `kernels listed per run (default ${DEFAULT_TOP}); --json lists all`)
    .option('--by-shape', 'one row per kernel and input shapes (which matMul, which convolution) instead of per kernel')
    .option('--json', 'print one JSON object: preset, backend, trainBatch, inferenceBatch, training and inference (wallMs, calls, kernelMs, rows)')
    .action(async (flags: BenchProfileFlags) => {
      await runBenchProfile(flags);
    });
}
