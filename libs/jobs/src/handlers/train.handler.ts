// TRAIN jobs: trains a preset on a data-set version's training videos and records a model version.
import path from 'node:path';
import { gflopsPerFrame, latestCheckpoint, loadDetector, resolvePreset, saveOnnxExport, type ModelPreset } from '@vad/model';
import { withSourceFiles } from '@vad/storage';
import type { JobExecution, JobHandler, TrainingStageName } from '../job-handler';
import { trainDetector, type TrainDetectorRequest, type TrainDetectorResult } from '../training/train-detector';
import { parseParameters, trainParameters } from './job-parameters';

export interface TrainHandlerOptions {
  cacheDir: string;
  /** Disk budget of the frame cache (default DEFAULT_FRAME_CACHE_BYTES). */
  frameCacheBytes?: number;
  /** Data-parallel replica threads per training job (default: one per core on wasm, else one). */
  trainThreads?: number;
}

/**
 * Stores `model.onnx` beside the selected checkpoint so that inference can run on ONNX Runtime (issue 8).
 * Best effort: without it inference falls back to tfjs, so a failed export must not fail the training job.
 */
async function exportOnnxBestEffort(checkpointFolder: string, log: (line: string) => Promise<void>): Promise<void> {
  try {
    const { detector } = await loadDetector(checkpointFolder);
    try {
      await saveOnnxExport(checkpointFolder, detector);
    } finally {
      detector.dispose();
    }
    await log('exported model.onnx for the onnx inference engine');
  } catch (error) {
    await log(`ONNX export failed, inference will use tfjs: ${error instanceof Error ? error.message : String(error)}`).catch(() => undefined);
  }
}

const stageName = (stage: 1 | 2): TrainingStageName => (stage === 1 ? 'teacher' : 'student');

/** Progress (at most once a second, and at every epoch's end), loss points and epoch results of a TRAIN job. */
function trainingReporters(execution: JobExecution): Pick<TrainDetectorRequest, 'onProgress' | 'onEpoch' | 'onLog'> {
  let lastReport = 0;
  return {
    onProgress: (p) => {
      const now = Date.now();
      if (now - lastReport < 1000 && p.step !== p.stepsPerEpoch) return;
      lastReport = now;
      const steps = p.stepsPerEpoch ?? undefined;
      const stage = stageName(p.stage);
      void execution.recordLoss({ stage, epoch: p.epoch, step: p.step, globalStep: p.globalStep, loss: p.loss }).catch(() => undefined);
      void execution
        .reportProgress({
          stage,
          epoch: p.epoch,
          epochs: p.totalEpochs,
          step: p.step,
          steps,
          loss: p.loss,
          framesPerSecond: p.framesPerSecond,
          etaSeconds: p.etaSeconds,
          fraction: steps ? Math.min(1, ((p.epoch - 1) * steps + p.step) / (p.totalEpochs * steps)) : undefined,
        })
        .catch(() => undefined);
    },
    onEpoch: (record) =>
      void execution
        .recordEpoch({ stage: stageName(record.stage), epoch: record.epoch, loss: record.loss, validationLoss: record.validationLoss, seconds: record.seconds })
        .catch(() => undefined),
    onLog: (line) => void execution.log(line).catch(() => undefined),
  };
}

interface ModelVersionRecord {
  modelName: string;
  preset: ModelPreset;
  seed: number;
  datasetVersionId: string;
  checkpointKey: string;
  result: TrainDetectorResult;
}

/** The trained model as the next version of the team's model of that name (created on its first version). */
function recordModelVersion(execution: JobExecution, record: ModelVersionRecord) {
  const { preset, result } = record;
  const checkpointRule = result.selection.rule === 'validation-loss' ? 'validation:loss' : 'last-epoch';
  return execution.database.prisma.$transaction(async (tx) => {
    const modelRow = await tx.model.upsert({
      where: { teamId_name: { teamId: execution.teamId, name: record.modelName } },
      create: { teamId: execution.teamId, name: record.modelName },
      update: {},
    });
    const latest = await tx.modelVersion.aggregate({ where: { modelId: modelRow.id }, _max: { number: true } });
    return tx.modelVersion.create({
      data: {
        modelId: modelRow.id,
        number: (latest._max.number ?? 0) + 1,
        config: { preset: preset.name, model: preset.model, training: preset.training, seed: record.seed } as object,
        checkpointPath: record.checkpointKey,
        checkpointRule,
        parameterCount: result.parameterCount,
        gflopsPerFrame: gflopsPerFrame(preset.model, { testMasking: false }),
        trainingMetrics: { history: result.history, selection: result.selection, resumedFrom: result.resumedFrom } as object,
        componentStatistics: (result.componentStatistics ?? undefined) as object | undefined,
        datasetVersionId: record.datasetVersionId,
        trainingJobId: execution.jobId,
        createdById: execution.queuedById,
      },
    });
  });
}

export function trainHandler(options: TrainHandlerOptions): JobHandler {
  return async (execution) => {
    const params = parseParameters(trainParameters, execution.parameters, 'TRAIN');
    const prisma = execution.database.prisma;
    const existing = await prisma.modelVersion.findUnique({ where: { trainingJobId: execution.jobId } });
    if (existing) return { modelVersionId: existing.id, alreadyRecorded: true };
    const preset = resolvePreset(params.preset, {
      teacherEpochs: params.epochsTeacher,
      studentEpochs: params.epochsStudent,
      batchSize: params.batchSize,
      model: params.overrides?.model,
    });
    const seed = params.seed ?? 0;
    const version = await prisma.datasetVersion.findFirstOrThrow({
      where: { id: params.datasetVersionId, dataset: { teamId: execution.teamId } },
      include: { videos: { where: { split: 'TRAIN' }, orderBy: { name: 'asc' } } },
    });
    if (version.videos.length === 0) throw new Error(`data-set version ${version.number} has no training videos`);
    const runKey = `teams/${execution.teamId}/runs/${execution.jobId}`;
    // the run folder is the job's own: a retried or re-delivered job resumes from its last checkpoint there
    const { result, checkpointKey } = await execution.storage.withWorkFolder(runKey, async (outDir) => {
      const resume = (await latestCheckpoint(outDir)) !== null;
      await execution.log(
        `${resume ? 'resuming' : 'training'} ${preset.name} on ${version.videos.length} training videos (data-set version ${version.number})`,
      );
      const trained = await withSourceFiles(
        execution.storage,
        version.videos.map((v) => v.path),
        (files) =>
          trainDetector({
            videos: version.videos.map((v, i) => ({ name: v.name, sourcePath: files[i], checksum: v.checksum })),
            preset,
            seed,
            outDir,
            cacheDir: options.cacheDir,
            frameCacheBytes: options.frameCacheBytes,
            resume,
            motion: params.motion ?? 'paper',
            validationVideos: params.validationVideos ?? undefined,
            datasetVersion: version.contentHash,
            threads: options.trainThreads,
            signal: execution.signal,
            ...trainingReporters(execution),
          }),
      );
      execution.signal.throwIfAborted();
      if (trained.status !== 'completed' || trained.selectedCheckpoint === null) throw new Error('training stopped before a checkpoint was written');
      await exportOnnxBestEffort(trained.selectedCheckpoint, (line) => execution.log(line));
      return { result: trained, checkpointKey: `${runKey}/${path.relative(outDir, trained.selectedCheckpoint).split(path.sep).join('/')}` };
    });
    const modelVersion = await recordModelVersion(execution, {
      modelName: params.modelName,
      preset,
      seed,
      datasetVersionId: version.id,
      checkpointKey,
      result,
    });
    await execution.log(`recorded ${params.modelName} v${modelVersion.number} (${modelVersion.checkpointRule})`);
    return { modelVersionId: modelVersion.id, checkpoint: checkpointKey, epochs: result.epochsCompleted };
  };
}
