// INFER jobs: scores every frame of the chosen videos with a model version and records, per video, the
// raw components and (optionally) the pixel anomaly maps. A video already recorded by an earlier attempt
// of the same job is skipped, so a re-run job finishes the rest and writes nothing twice.
import { FrameCache, openCachedVideos } from '@vad/data';
import { loadDetector, scoreVideo, type FrameScore } from '@vad/model';
import { writeAnomalyMaps } from '../inference/write-anomaly-maps';
import type { JobHandler } from '../job-handler';
import { inferParameters, parseParameters } from './job-parameters';

export interface InferHandlerOptions {
  cacheDir: string;
  engine?: string;
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
    const { detector, checkpoint } = await loadDetector(execution.storage.localPath(modelVersion.checkpointPath));
    const config = checkpoint.state.config;
    const cache = new FrameCache(options.cacheDir);
    const totalFrames = videos.reduce((sum, v) => sum + v.frameCount, 0);
    let framesDone = videos.filter((v) => done.has(v.id)).reduce((sum, v) => sum + v.frameCount, 0);
    let modelSeconds = 0;
    let scoredFrames = 0;
    try {
      for (const video of videos) {
        if (done.has(video.id)) continue;
        const [frames] = await openCachedVideos(cache, [{ name: video.name, sourcePath: video.path, checksum: video.checksum }], {
          width: config.inputWidth,
          height: config.inputHeight,
          colour: config.colour,
        });
        let scores: FrameScore[];
        const started = performance.now();
        try {
          scores = await scoreVideo(
            detector,
            { frameCount: frames.frameCount, read: async (i) => Float32Array.from(await frames.readFrame(i), (v) => v / 127.5 - 1) },
            {
              batchSize: 16,
              testMasking: params.maskSeed == null ? { mode: 'off' } : { mode: 'seeded', seed: params.maskSeed },
              maps: params.keepMaps ? {} : false,
              signal: execution.signal,
              onProgress: (n) =>
                void execution.reportProgress({ stage: `video ${video.name}`, fraction: (framesDone + n) / totalFrames }).catch(() => undefined),
            },
          );
        } finally {
          await frames.close();
        }
        const seconds = (performance.now() - started) / 1000;
        modelSeconds += seconds;
        scoredFrames += scores.length;
        const mapsKey = `teams/${execution.teamId}/runs/${execution.jobId}/maps/${video.id}.bin`;
        const hasMaps = params.keepMaps && (await writeAnomalyMaps(execution.storage.localPath(mapsKey), scores));
        const zeros = scores.map(() => 0);
        const row = {
          attempt: execution.attempt,
          modelVersionId: modelVersion.id,
          teacherError: scores.map((s) => s.teacherError),
          discrepancy: scores[0]?.discrepancy === null ? zeros : scores.map((s) => s.discrepancy as number),
          classifier: scores[0]?.classifier === null ? zeros : scores.map((s) => s.classifier as number),
          mapsPath: hasMaps ? mapsKey : null,
          engine: options.engine ?? 'tfjs',
          framesPerSecond: scores.length / seconds,
        };
        await prisma.inferenceRun.upsert({
          where: { jobId_videoId: { jobId: execution.jobId, videoId: video.id } },
          create: { jobId: execution.jobId, videoId: video.id, ...row },
          update: row,
        });
        framesDone += video.frameCount;
        await execution.log(`scored ${video.name}: ${scores.length} frames at ${(scores.length / seconds).toFixed(1)} frames/s`);
      }
    } finally {
      detector.dispose();
    }
    return { videos: videos.length, frames: scoredFrames, framesPerSecond: modelSeconds > 0 ? scoredFrames / modelSeconds : null };
  };
}
