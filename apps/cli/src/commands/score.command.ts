// `vad score`: runs a trained detector over a video (file or frame folder) or over the test videos of a
// data set folder. Writes `scores.json` ({"<video>": [s_t, ...]}: frame scores under a protocol, `paper`
// by default — normalised with the checkpoint's component statistics, eq. 6, 3D filter, frame max and the
// temporal Gaussian, exactly as an EVALUATE job computes them; directly usable by `vad eval frames`), the
// per-frame components beside it (`<out>.components.json`), and optionally each video's token maps.
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
import {
  applyProtocolToMaps,
  isProtocolPresetName,
  PROTOCOL_PRESET_NAMES,
  protocolPreset,
  type PostProcessingProtocol,
  type ProtocolStage,
} from '@vad/metrics';
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
import { componentsOfScores, readComponentStatistics, testMaskingMismatch, unitFrameReader, writeAnomalyMaps } from '@vad/jobs';
import { CliUsageError } from '../cli-error';
import { progressDisplayFor, writeLine } from '../output/progress-display';
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
  protocol?: string;
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
  protocol: PostProcessingProtocol;
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
  const masking = flags.testMasking ?? 'off';
  if (masking !== 'seeded' && masking !== 'off') throw new CliUsageError(`--test-masking must be seeded or off, got "${masking}"`);
  if (flags.backend !== undefined && !isBackendChoice(flags.backend)) {
    throw new CliUsageError(`--backend must be one of ${BACKEND_CHOICES.join(', ')}, got "${flags.backend}"`);
  }
  const engine = flags.engine ?? 'auto';
  if (!isEngineRequest(engine)) throw new CliUsageError(`--engine must be one of ${ENGINE_REQUESTS.join(', ')}, got "${engine}"`);
  const protocol = flags.protocol ?? 'paper';
  if (!isProtocolPresetName(protocol)) throw new CliUsageError(`--protocol must be one of ${PROTOCOL_PRESET_NAMES.join(', ')}, got "${protocol}"`);
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
    protocol: protocolPreset(protocol),
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

export async function runScore(plan: ScorePlan, log: (line: string) => void = writeLine) {
  const display = progressDisplayFor(log);
  try {
    const backend = await selectBackend({ backend: plan.backend, log });
    const checkpointPath = await resolveCheckpoint(plan.modelPath);
    const { detector, checkpoint } = await loadDetector(checkpointPath);
    const { config } = checkpoint.state;
    const stored = await readComponentStatistics(checkpointPath);
    if (stored === null && plan.protocol.parameters.normalisation === 'training-statistics') {
      log(`vad score: ${checkpointPath} has no component statistics (trained before they were measured): scores.json combines raw components`);
    }
    const mismatch = testMaskingMismatch(stored, plan.testMasking);
    if (mismatch !== null) log(`vad score: warning: ${mismatch}`);
    try {
      const stores = await openTargetVideos(plan, { width: config.inputWidth, height: config.inputHeight, colour: config.colour });
      if (plan.mapsDir !== null) await mkdir(plan.mapsDir, { recursive: true });
      const scores: Record<string, number[]> = {};
      const components: Record<string, VideoComponents> = {};
      let frames = 0;
      const choice = await chooseCheckpointEngine({ folder: checkpointPath, requested: plan.engine, testMasking: plan.testMasking });
      const readers = stores.map(unitFrameReader);
      const stagesNotApplied = new Set<ProtocolStage>();
      let engineName = `tfjs-${backend.choice}`;
      let streamed: FrameScore[][] | null = null;
      if (choice.engine === 'onnx') {
        const engine = await openCheckpointEngine(checkpointPath, detector, choice);
        engineName = engineLabel(engine);
        try {
          // All videos at once: their frames share batches.
          streamed = await scoreStreams(engine, config, readers.map(readerFrames), { batchSize: plan.batchSize });
        } finally {
          await engine.dispose();
        }
      }
      log(`vad score: engine ${engineName} (${choice.reason})`);
      const totalFrames = stores.reduce((sum, store) => sum + store.frameCount, 0);
      for (const [k, store] of stores.entries()) {
        const onProgress = (done: number, total: number) =>
          display.update(totalFrames > 0 ? (frames + done) / totalFrames : null, `vad score: ${store.name} frame ${done}/${total}`, done === total);
        const perFrame = streamed?.[k] ?? (await scoreVideo(detector, readers[k], { batchSize: plan.batchSize, testMasking: plan.testMasking, onProgress }));
        components[store.name] = videoComponents(perFrame);
        const output = applyProtocolToMaps(componentsOfScores(perFrame), plan.protocol, stored?.statistics ?? null);
        output.stagesNotApplied.forEach((stage) => stagesNotApplied.add(stage));
        scores[store.name] = Array.from(output.scores);
        if (plan.mapsDir !== null) await writeAnomalyMaps(path.join(plan.mapsDir, `${store.name}.maps.bin`), perFrame);
        frames += perFrame.length;
        display.log(`vad score: ${store.name}: ${perFrame.length} frames`);
        if ('close' in store && typeof store.close === 'function') await (store.close as () => Promise<void>)();
      }
      await writeFile(plan.out, `${JSON.stringify(scores)}\n`);
      const meta = {
        format: 'vad-frame-components',
        formatVersion: 2,
        checkpoint: checkpointPath,
        datasetVersion: checkpoint.state.datasetVersion,
        testMasking: plan.testMasking,
        engine: engineName,
        scores: { protocol: plan.protocol, stagesNotApplied: [...stagesNotApplied], componentStatistics: stored },
        videos: components,
      };
      await writeFile(plan.componentsOut, `${JSON.stringify(meta)}\n`);
      const summary = {
        out: plan.out,
        components: plan.componentsOut,
        maps: plan.mapsDir,
        backend: backend.choice,
        engine: engineName,
        checkpoint: checkpointPath,
        protocol: plan.protocol.name,
        stagesNotApplied: [...stagesNotApplied],
        videos: stores.length,
        frames,
      };
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
    .option('--maps <dir>', 'also write each video’s token maps of the teacher error and discrepancy (float32, one value per token)')
    .option('--out <file>', 'frame scores {"<video>": [score, ...]} under --protocol (default scores.json); per-frame components go to <file>.components.json')
    .option('--test-masking <mode>', 'off (default: every token visible) or seeded (the authors’ code masks at test time too)')
    .option('--seed <n>', 'seed of the test-time masks (default 0)')
    .option('--batch <n>', 'frames per forward pass (default 16)')
    .option('--cache <dir>', 'frame cache folder for data sets (default: $VAD_DATA_DIR/cache/frames)')
    .option('--backend <name>', `${BACKEND_CHOICES.join(' | ')} (default: VAD_BACKEND, else the fastest that loads)`)
    .option('--engine <name>', `${ENGINE_REQUESTS.join(' | ')} (default auto: onnx when the checkpoint has model.onnx and no test-time masks are asked)`)
    .option('--protocol <name>', `protocol of the scores written: ${PROTOCOL_PRESET_NAMES.join(', ')} (default paper)`)
    .action(async (target: string, flags: ScoreFlags, command: Command) => {
      const remote = RemoteApi.from(command.optsWithGlobals());
      if (remote) return remoteScore(remote, { model: flags.model, dataset: target, out: flags.out, protocol: flags.protocol });
      const { dataDir } = loadConfig(process.env, process.cwd());
      await runScore(planScore(target, flags, dataDir));
    });
}
