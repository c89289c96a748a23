// TRAIN jobs: trains a preset on a data-set version's training videos and records a model version.
// The run folder is the job's own, so a retried or re-delivered job resumes from its last checkpoint.
import path from 'node:path';
import { assertValidModelConfig, getPreset, gflopsPerFrame, isPresetName, latestCheckpoint, loadDetector, saveOnnxExport, type ModelConfig } from '@vad/model';
import type { JobHandler, TrainingStageName } from '../job-handler';
import { trainDetector } from '../training/train-detector';
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

export function trainHandler(options: TrainHandlerOptions): JobHandler {
  return async (execution) => {
    const params = parseParameters(trainParameters, execution.parameters, 'TRAIN');
    const prisma = execution.database.prisma;
    const existing = await prisma.modelVersion.findUnique({ where: { trainingJobId: execution.jobId } });
    if (existing) return { modelVersionId: existing.id, alreadyRecorded: true };
    if (!isPresetName(params.preset)) throw new Error(`unknown preset "${params.preset}"`);
    const base = getPreset(params.preset);
    const model = { ...base.model, ...((params.overrides?.model ?? {}) as Partial<ModelConfig>) };
    assertValidModelConfig(model);
    const preset = {
      ...base,
      model,
      training: {
        ...base.training,
        teacherEpochs: params.epochsTeacher ?? base.training.teacherEpochs,
        studentEpochs: params.epochsStudent ?? base.training.studentEpochs,
        batchSize: params.batchSize ?? base.training.batchSize,
      },
    };
    const version = await prisma.datasetVersion.findFirstOrThrow({
      where: { id: params.datasetVersionId, dataset: { teamId: execution.teamId } },
      include: { videos: { where: { split: 'TRAIN' }, orderBy: { name: 'asc' } } },
    });
    if (version.videos.length === 0) throw new Error(`data-set version ${version.number} has no training videos`);
    const runKey = `teams/${execution.teamId}/runs/${execution.jobId}`;
    const outDir = execution.storage.localPath(runKey);
    const resume = (await latestCheckpoint(outDir)) !== null;
    await execution.log(`${resume ? 'resuming' : 'training'} ${preset.name} on ${version.videos.length} training videos (data-set version ${version.number})`);
    let lastReport = 0;
    const result = await trainDetector({
      videos: version.videos.map((v) => ({ name: v.name, sourcePath: v.path, checksum: v.checksum })),
      preset,
      seed: params.seed ?? 0,
      outDir,
      cacheDir: options.cacheDir,
      frameCacheBytes: options.frameCacheBytes,
      resume,
      motion: params.motion ?? 'paper',
      validationVideos: params.validationVideos ?? undefined,
      datasetVersion: version.contentHash,
      threads: options.trainThreads,
      signal: execution.signal,
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
    });
    execution.signal.throwIfAborted();
    if (result.status !== 'completed' || result.selectedCheckpoint === null) throw new Error('training stopped before a checkpoint was written');
    const checkpointKey = `${runKey}/${path.relative(outDir, result.selectedCheckpoint)}`;
    await exportOnnxBestEffort(result.selectedCheckpoint, (line) => execution.log(line));
    const checkpointRule = result.selection.rule === 'validation-loss' ? 'validation:loss' : 'last-epoch';
    const modelVersion = await prisma.$transaction(async (tx) => {
      const modelRow = await tx.model.upsert({
        where: { teamId_name: { teamId: execution.teamId, name: params.modelName } },
        create: { teamId: execution.teamId, name: params.modelName },
        update: {},
      });
      const latest = await tx.modelVersion.aggregate({ where: { modelId: modelRow.id }, _max: { number: true } });
      return tx.modelVersion.create({
        data: {
          modelId: modelRow.id,
          number: (latest._max.number ?? 0) + 1,
          config: { preset: preset.name, model, training: preset.training, seed: params.seed ?? 0 } as object,
          checkpointPath: checkpointKey,
          checkpointRule,
          parameterCount: result.parameterCount,
          gflopsPerFrame: gflopsPerFrame(model, { testMasking: false }),
          trainingMetrics: { history: result.history, selection: result.selection, resumedFrom: result.resumedFrom } as object,
          componentStatistics: (result.componentStatistics ?? undefined) as object | undefined,
          datasetVersionId: version.id,
          trainingJobId: execution.jobId,
          createdById: execution.queuedById,
        },
      });
    });
    await execution.log(`recorded ${params.modelName} v${modelVersion.number} (${checkpointRule})`);
    return { modelVersionId: modelVersion.id, checkpoint: checkpointKey, epochs: result.epochsCompleted };
  };
}
