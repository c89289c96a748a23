// INFER jobs: scores every frame of the chosen videos with a model version and records, per video, the
// raw components (frame means in the row, token maps in storage: the input of every protocol). A video
// already recorded by an earlier attempt of the same job is skipped, so a re-run job finishes the rest and
// writes nothing twice. The engine is ONNX Runtime when the model version carries model.onnx and the job
// asks for no test-time masks (the default), else tfjs.
import { FrameCache, openCachedVideos } from '@vad/data';
import { withSourceFiles } from '@vad/storage';
import { applyPixelStages, PROTOCOL_PRESET_NAMES, protocolPreset, type ComponentStatistics } from '@vad/metrics';
import {
  chooseCheckpointEngine,
  describeTestMasking,
  engineLabel,
  loadDetector,
  openCheckpointEngine,
  readerFrames,
  scoreStreams,
  scoreVideo,
  type EngineRequest,
  type FrameScore,
  type InferenceEngine,
  type ModelConfig,
  type TestMasking,
} from '@vad/model';
import type { JobExecution, JobHandler } from '../job-handler';
import { readComponentStatistics, testMaskingMismatch } from '../scoring/component-statistics-file';
import { componentsOfScores } from '../scoring/run-components';
import { unitFrameReader } from '../scoring/unit-frame-reader';
import { writeAnomalyMaps } from '../scoring/write-anomaly-maps';
import { inferParameters, parseParameters } from './job-parameters';

export interface InferHandlerOptions {
  cacheDir: string;
  /** Disk budget of the frame cache (default DEFAULT_FRAME_CACHE_BYTES). */
  frameCacheBytes?: number;
  /** Label of the tfjs engine recorded on inference runs, e.g. `tfjs-wasm` (default `tfjs`). */
  engine?: string;
  /** Default `auto`: onnx when it can serve the job. */
  inferenceEngine?: EngineRequest;
}

/** The columns of a video row that scoring reads. */
type Video = { id: string; name: string; path: string; checksum: string; frameCount: number };

interface Scorer {
  detector: Awaited<ReturnType<typeof loadDetector>>['detector'];
  config: ModelConfig;
  statistics: ComponentStatistics | null;
  /** ONNX Runtime when it serves the job, else null (tfjs scores with the detector). */
  engine: InferenceEngine | null;
  engineName: string;
  testMasking: TestMasking;
  dispose(): Promise<void>;
}

async function openScorer(execution: JobExecution, checkpointFolder: string, testMasking: TestMasking, options: InferHandlerOptions): Promise<Scorer> {
  const { detector, checkpoint } = await loadDetector(checkpointFolder);
  try {
    const stored = await readComponentStatistics(checkpointFolder);
    const statistics = stored?.statistics ?? null;
    const choice = await chooseCheckpointEngine({ folder: checkpointFolder, requested: options.inferenceEngine ?? 'auto', testMasking });
    const engine = choice.engine === 'onnx' ? await openCheckpointEngine(checkpointFolder, detector, choice) : null;
    const engineName = engine ? engineLabel(engine) : (options.engine ?? 'tfjs');
    await execution.log(`inference engine ${engineName} (${choice.reason}); test-time masking ${describeTestMasking(testMasking)}`);
    const mismatch = testMaskingMismatch(stored, testMasking);
    if (mismatch !== null) await execution.log(`warning: ${mismatch}`);
    const dispose = async () => {
      await engine?.dispose();
      detector.dispose();
    };
    return { detector, config: checkpoint.state.config, statistics, engine, engineName, testMasking, dispose };
  } catch (error) {
    detector.dispose();
    throw error;
  }
}

/** The raw scores of every frame of one video, and the model's seconds for them. */
async function scoreOneVideo(execution: JobExecution, scorer: Scorer, cache: FrameCache, video: Video, progress: (frames: number) => void) {
  const { config, engine, detector, testMasking } = scorer;
  const [frames] = await withSourceFiles(execution.storage, [video.path], ([sourcePath]) =>
    openCachedVideos(cache, [{ name: video.name, sourcePath, checksum: video.checksum }], {
      width: config.inputWidth,
      height: config.inputHeight,
      colour: config.colour,
    }),
  );
  const started = performance.now();
  const reader = unitFrameReader(frames);
  try {
    const scores: FrameScore[] =
      engine === null
        ? await scoreVideo(detector, reader, { batchSize: 16, testMasking, signal: execution.signal, onProgress: progress })
        : (
            await scoreStreams(engine, config, [readerFrames(reader)], {
              batchSize: 16,
              signal: execution.signal,
              onScores: (_, first, batch) => progress(first + batch.length),
            })
          )[0];
    return { scores, seconds: (performance.now() - started) / 1000 };
  } finally {
    await frames.close();
  }
}

/** Stores a video's token maps and records its run: frame components and every preset's pixel-stage values. */
async function recordRun(execution: JobExecution, scorer: Scorer, modelVersionId: string, video: Video, scores: FrameScore[], seconds: number): Promise<void> {
  const mapsKey = `teams/${execution.teamId}/runs/${execution.jobId}/maps/${video.id}.bin`;
  // through storage: a full or read-only folder fails the job with a clear error and leaves no partial file
  await execution.storage.writeFile(mapsKey, (temporary) => writeAnomalyMaps(temporary, scores));
  const zeros = scores.map(() => 0);
  const components = componentsOfScores(scores);
  // Every preset's pixel stages now, so that reading a preset's frame scores costs only its frame steps.
  const protocolReductions = Object.fromEntries(
    PROTOCOL_PRESET_NAMES.map((name) => [name, applyPixelStages(components, protocolPreset(name), scorer.statistics)]),
  );
  const row = {
    attempt: execution.attempt,
    modelVersionId,
    teacherError: scores.map((s) => s.teacherError),
    discrepancy: scores[0]?.discrepancy === null ? zeros : scores.map((s) => s.discrepancy as number),
    classifier: scores[0]?.classifier === null ? [] : scores.map((s) => s.classifier as number),
    mapsPath: mapsKey,
    protocolReductions: protocolReductions as object,
    engine: scorer.engineName,
    framesPerSecond: scores.length / seconds,
  };
  await execution.database.prisma.inferenceRun.upsert({
    where: { jobId_videoId: { jobId: execution.jobId, videoId: video.id } },
    create: { jobId: execution.jobId, videoId: video.id, ...row },
    update: row,
  });
}

export function inferHandler(options: InferHandlerOptions): JobHandler {
  return async (execution) => {
    const params = parseParameters(inferParameters, execution.parameters, 'INFER');
    const prisma = execution.database.prisma;
    const modelVersion = await prisma.modelVersion.findFirstOrThrow({ where: { id: params.modelVersionId, model: { teamId: execution.teamId } } });
    const videos = await prisma.video.findMany({
      where: { id: { in: params.videoIds }, datasetVersion: { dataset: { teamId: execution.teamId } } },
      orderBy: { name: 'asc' },
    });
    const done = new Set((await prisma.inferenceRun.findMany({ where: { jobId: execution.jobId }, select: { videoId: true } })).map((r) => r.videoId));
    const testMasking: TestMasking = params.maskSeed == null ? { mode: 'off' } : { mode: 'seeded', seed: params.maskSeed };
    const cache = new FrameCache(options.cacheDir, { maxBytes: options.frameCacheBytes });
    const totalFrames = videos.reduce((sum, v) => sum + v.frameCount, 0);
    let framesDone = videos.filter((v) => done.has(v.id)).reduce((sum, v) => sum + v.frameCount, 0);
    let modelSeconds = 0;
    let scoredFrames = 0;
    await execution.storage.withLocalFile(modelVersion.checkpointPath, async (checkpointFolder) => {
      const scorer = await openScorer(execution, checkpointFolder, testMasking, options);
      try {
        for (const video of videos) {
          if (done.has(video.id)) continue;
          const progress = (n: number) =>
            void execution.reportProgress({ stage: `video ${video.name}`, fraction: (framesDone + n) / totalFrames }).catch(() => undefined);
          const { scores, seconds } = await scoreOneVideo(execution, scorer, cache, video, progress);
          modelSeconds += seconds;
          scoredFrames += scores.length;
          await recordRun(execution, scorer, modelVersion.id, video, scores, seconds);
          framesDone += video.frameCount;
          await execution.log(`scored ${video.name}: ${scores.length} frames at ${(scores.length / seconds).toFixed(1)} frames/s`);
        }
      } finally {
        await scorer.dispose();
      }
    });
    return { videos: videos.length, frames: scoredFrames, framesPerSecond: modelSeconds > 0 ? scoredFrames / modelSeconds : null };
  };
}
