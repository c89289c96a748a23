// `vad score`: runs a trained detector over a video (file or frame folder) or over the test videos of a
// data set folder. Writes `scores.json` ({"<video>": [o_t, ...]}, eq. 6 with the paper's weights on the
// per-frame components — directly usable by `vad eval frames --scores`), the raw components beside it
// (`<out>.components.json`) so that any protocol can be re-applied, and optionally per-video pixel maps.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '@vad/config';
import {
  DataError,
  decodeFrames,
  FrameCache,
  importDataset,
  InMemoryFrameStore,
  openCachedVideos,
  openFrameSource,
  parseDatasetFormat,
  type FrameStore,
} from '@vad/data';
import { combineComponents, protocolPreset } from '@vad/metrics';
import {
  BACKEND_CHOICES,
  chooseCheckpointEngine,
  ENGINE_REQUESTS,
  engineLabel,
  isBackendChoice,
  isEngineRequest,
  loadDetector,
  ModelError,
  openCheckpointEngine,
  readerFrames,
  resolveCheckpoint,
  scoreStreams,
  scoreVideo,
  selectBackend,
  type BackendChoice,
  type EngineRequest,
  type FrameScore,
  type TestMasking,
} from '@vad/model';
import { writeAnomalyMaps } from '@vad/worker';
import { CliUsageError } from '../cli-error';
import { nonNegativeIntegerFlag } from '../non-negative-integer-flag';
import { RemoteApi } from '../remote/remote-api';
import { remoteScore } from '../remote/remote-commands';

export interface ScoreFlags {
  model?: string;
  format?: string;
  maps?: string;
  out?: string;
  testMasking?: string;
  seed?: string;
  batch?: string;
  cache?: string;
  backend?: string;
  engine?: string;
}

export interface ScorePlan {
  target: string;
  modelPath: string;
  /** Set when the target is a data set folder: its test videos are scored. */
  format: ReturnType<typeof parseDatasetFormat> | null;
  out: string;
  componentsOut: string;
  mapsDir: string | null;
  testMasking: TestMasking;
  batchSize: number;
  cacheDir: string;
  backend: BackendChoice | undefined;
  engine: EngineRequest;
}

export function planScore(target: string, flags: ScoreFlags, dataDir: string): ScorePlan {
  if (flags.model === undefined) throw new CliUsageError('--model is required: a checkpoint folder or a training run folder');
  let format: ScorePlan['format'] = null;
  if (flags.format !== undefined) {
    try {
      format = parseDatasetFormat(flags.format);
    } catch (error) {
      throw new CliUsageError(error instanceof Error ? error.message : String(error));
    }
  }
  const masking = flags.testMasking ?? 'seeded';
  if (masking !== 'seeded' && masking !== 'off') throw new CliUsageError(`--test-masking must be seeded or off, got "${masking}"`);
  if (flags.backend !== undefined && !isBackendChoice(flags.backend)) {
    throw new CliUsageError(`--backend must be one of ${BACKEND_CHOICES.join(', ')}, got "${flags.backend}"`);
  }
  const engine = flags.engine ?? 'auto';
  if (!isEngineRequest(engine)) throw new CliUsageError(`--engine must be one of ${ENGINE_REQUESTS.join(', ')}, got "${engine}"`);
  const out = path.resolve(flags.out ?? 'scores.json');
  return {
    target: path.resolve(target),
    modelPath: path.resolve(flags.model),
    format,
    out,
    componentsOut: `${out.replace(/\.json$/i, '')}.components.json`,
    mapsDir: flags.maps === undefined ? null : path.resolve(flags.maps),
    testMasking: masking === 'off' ? { mode: 'off' } : { mode: 'seeded', seed: nonNegativeIntegerFlag(flags.seed, '--seed', 0, 0) },
    batchSize: nonNegativeIntegerFlag(flags.batch, '--batch', 16, 1),
    cacheDir: path.resolve(flags.cache ?? path.join(dataDir, 'cache', 'frames')),
    backend: flags.backend as BackendChoice | undefined,
    engine,
  };
}

/** Raw per-frame components of one video, as stored in the components file. */
export interface VideoComponents {
  teacherError: number[];
  discrepancy: number[] | null;
  classifier: number[] | null;
  predictedAnomaly: number[] | null;
}

export function videoComponents(scores: readonly FrameScore[]): VideoComponents {
  const column = (pick: (s: FrameScore) => number | null) => (scores.length > 0 && pick(scores[0]) === null ? null : scores.map((s) => pick(s) as number));
  return {
    teacherError: scores.map((s) => s.teacherError),
    discrepancy: column((s) => s.discrepancy),
    classifier: column((s) => s.classifier),
    predictedAnomaly: column((s) => s.predictedAnomaly),
  };
}

/** o_t of eq. 6 on the per-frame components with the paper's weights; a component the model lacks counts 0. */
export function combinedFrameScores(c: VideoComponents): number[] {
  const zeros = c.teacherError.map(() => 0);
  const weights = protocolPreset('paper').parameters.weights;
  return Array.from(combineComponents({ teacherError: c.teacherError, discrepancy: c.discrepancy ?? zeros, classifier: c.classifier ?? zeros }, weights));
}

async function openTargetVideos(plan: ScorePlan, geometry: { width: number; height: number; colour: 'gray' | 'rgb' }): Promise<FrameStore[]> {
  if (plan.format !== null) {
    const dataset = await importDataset(plan.target, { format: plan.format, verifyDecode: false });
    const tests = dataset.videos.filter((v) => v.split === 'test');
    if (tests.length === 0) throw new CliUsageError(`${plan.target} has no test videos`);
    return openCachedVideos(new FrameCache(plan.cacheDir), tests, geometry);
  }
  const frames: Uint8Array[] = [];
  for await (const frame of decodeFrames(await openFrameSource(plan.target), geometry)) frames.push(frame);
  const name = path.basename(plan.target).replace(/\.[^.]+$/, '');
  return [new InMemoryFrameStore(name, geometry.width, geometry.height, geometry.colour === 'rgb' ? 3 : 1, frames)];
}

export async function runScore(plan: ScorePlan, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)) {
  try {
    const backend = await selectBackend({ backend: plan.backend, log });
    const checkpointPath = await resolveCheckpoint(plan.modelPath);
    const { detector, checkpoint } = await loadDetector(checkpointPath);
    const { config } = checkpoint.state;
    try {
      const stores = await openTargetVideos(plan, { width: config.inputWidth, height: config.inputHeight, colour: config.colour });
      if (plan.mapsDir !== null) await mkdir(plan.mapsDir, { recursive: true });
      const scores: Record<string, number[]> = {};
      const components: Record<string, VideoComponents> = {};
      let frames = 0;
      const choice = await chooseCheckpointEngine({ folder: checkpointPath, requested: plan.engine, testMasking: plan.testMasking });
      const readers = stores.map((store) => ({
        frameCount: store.frameCount,
        // uint8 → [−1, 1], as libs/data scales training frames.
        read: async (i: number) => Float32Array.from(await store.readFrame(i), (v) => v / 127.5 - 1),
      }));
      let engineName = `tfjs-${backend.choice}`;
      let streamed: FrameScore[][] | null = null;
      if (choice.engine === 'onnx') {
        const engine = await openCheckpointEngine(checkpointPath, detector, choice, { maps: plan.mapsDir === null ? false : {} });
        engineName = engineLabel(engine);
        try {
          // All videos at once: their frames share batches.
          streamed = await scoreStreams(engine, config, readers.map(readerFrames), { batchSize: plan.batchSize });
        } finally {
          await engine.dispose();
        }
      }
      log(`vad score: engine ${engineName} (${choice.reason})`);
      for (const [k, store] of stores.entries()) {
        const perFrame =
          streamed?.[k] ??
          (await scoreVideo(detector, readers[k], { batchSize: plan.batchSize, testMasking: plan.testMasking, maps: plan.mapsDir === null ? false : {} }));
        components[store.name] = videoComponents(perFrame);
        scores[store.name] = combinedFrameScores(components[store.name]);
        if (plan.mapsDir !== null) await writeAnomalyMaps(path.join(plan.mapsDir, `${store.name}.maps.bin`), perFrame);
        frames += perFrame.length;
        log(`vad score: ${store.name}: ${perFrame.length} frames`);
        if ('close' in store && typeof store.close === 'function') await (store.close as () => Promise<void>)();
      }
      await writeFile(plan.out, `${JSON.stringify(scores)}\n`);
      const meta = {
        format: 'vad-frame-components',
        formatVersion: 1,
        checkpoint: checkpointPath,
        datasetVersion: checkpoint.state.datasetVersion,
        testMasking: plan.testMasking,
        engine: engineName,
        combinedWith: { protocol: 'paper', weights: protocolPreset('paper').parameters.weights, reduction: 'frame mean per component' },
        videos: components,
      };
      await writeFile(plan.componentsOut, `${JSON.stringify(meta)}\n`);
      const summary = { out: plan.out, components: plan.componentsOut, maps: plan.mapsDir, backend: backend.choice, engine: engineName, checkpoint: checkpointPath, videos: stores.length, frames };
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      return summary;
    } finally {
      detector.dispose();
    }
  } catch (error) {
    if (error instanceof DataError || error instanceof ModelError) throw new CliUsageError(error.message);
    throw error;
  }
}

export function registerScoreCommand(program: Command): void {
  program
    .command('score <video-or-dataset>')
    .description('score every frame of a video (or of a data set folder’s test videos, with --format); writes scores.json for `vad eval frames`')
    .requiredOption('--model <path>', 'checkpoint folder, or a training run folder (its selected, else latest, checkpoint)')
    .option('--format <format>', 'the target is a data set folder of this layout (ucsd, avenue, shanghaitech, ubnormal, folder): score its test videos')
    .option('--maps <dir>', 'also write per-video pixel maps of the teacher error and discrepancy (uint8, downsampled by the patch size)')
    .option('--out <file>', 'frame scores {"<video>": [score, ...]} (default scores.json); raw components go to <file>.components.json')
    .option('--test-masking <mode>', 'seeded (default; the code masks at test time too) or off')
    .option('--seed <n>', 'seed of the test-time masks (default 0)')
    .option('--batch <n>', 'frames per forward pass (default 16)')
    .option('--cache <dir>', 'frame cache folder for data sets (default: $VAD_DATA_DIR/cache/frames)')
    .option('--backend <name>', `${BACKEND_CHOICES.join(' | ')} (default: VAD_BACKEND, else the fastest that loads)`)
    .option('--engine <name>', `${ENGINE_REQUESTS.join(' | ')} (default auto: onnx when the checkpoint has model.onnx and no test-time masks are asked)`)
    .option('--protocol <name>', 'with --api: protocol of the scores written (paper or reference-code; default paper)')
    .action(async (target: string, flags: ScoreFlags & { protocol?: string }, command: Command) => {
      const remote = RemoteApi.from(command.optsWithGlobals());
      if (remote) return remoteScore(remote, { model: flags.model, dataset: target, out: flags.out, protocol: flags.protocol });
      const { dataDir } = loadConfig(process.env, process.cwd());
      await runScore(planScore(target, flags, dataDir));
    });
}
