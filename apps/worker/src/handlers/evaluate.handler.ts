// EVALUATE jobs: applies a protocol to the raw components of an inference job's runs and records the
// frame-level metrics (micro/macro AUC, EER, ROC, per-video AUC) with the protocol and data-set version, and
// RBDC/TBDC when the runs kept pixel maps and the videos have pixel masks.
import { applyProtocolToComponents, evaluateFrames, type PostProcessingProtocol } from '@vad/metrics';
import type { Store } from '@vad/db';
import { regionMetrics, type RegionMetrics, type RegionVideo } from '../evaluation/region-metrics';
import type { JobExecution, JobHandler } from '../job-handler';
import { evaluateParameters, parseParameters } from './job-parameters';

type LabelledRun = Store.InferenceRun & { video: Store.Video & { groundTruth: Store.GroundTruth | null } };

/** RBDC/TBDC when every evaluated video has pixel maps and pixel masks; otherwise the reason they are absent. */
async function regionLevelMetrics(execution: JobExecution, runs: LabelledRun[], protocol: PostProcessingProtocol): Promise<RegionMetrics | string> {
  const missing = runs.filter((run) => !run.mapsPath || !run.video.groundTruth?.masksPath || !run.video.groundTruth.maskFormat);
  if (missing.length > 0) return `not computed: ${missing.length} of ${runs.length} videos lack pixel maps or pixel masks`;
  await execution.log('computing RBDC/TBDC from the pixel maps and masks');
  return regionMetrics(
    runs.map((run) => ({
      name: run.video.name,
      frameCount: run.video.frameCount,
      width: run.video.width,
      height: run.video.height,
      mapsFile: execution.storage.localPath(run.mapsPath as string),
      masksPath: run.video.groundTruth?.masksPath as string,
      maskFormat: run.video.groundTruth?.maskFormat as RegionVideo['maskFormat'],
      maskFrameIndices: run.video.groundTruth?.maskFrameIndices.length ? run.video.groundTruth.maskFrameIndices : undefined,
    })),
    { weights: protocol.parameters.weights },
  );
}

export function evaluateHandler(): JobHandler {
  return async (execution) => {
    const params = parseParameters(evaluateParameters, execution.parameters, 'EVALUATE');
    const protocol = params.protocol as unknown as PostProcessingProtocol;
    const prisma = execution.database.prisma;
    const runs = await prisma.inferenceRun.findMany({
      where: { jobId: params.inferenceJobId, job: { teamId: execution.teamId } },
      include: { video: { include: { groundTruth: true } } },
      orderBy: { video: { name: 'asc' } },
    });
    if (runs.length === 0) throw new Error(`inference job ${params.inferenceJobId} has no runs to evaluate`);
    const labelled = runs.filter((run) => run.video.groundTruth?.frameLabels.length === run.teacherError.length);
    if (labelled.length === 0) throw new Error('none of the scored videos has frame labels of the right length');
    const frames = evaluateFrames(
      labelled.map((run) => ({
        video: run.video.name,
        scores: applyProtocolToComponents(run, protocol).scores,
        labels: run.video.groundTruth?.frameLabels ?? [],
      })),
    );
    const regionLevel = await regionLevelMetrics(execution, labelled, protocol);
    const rates = runs.map((r) => r.framesPerSecond).filter((v): v is number => v !== null);
    const metrics = {
      ...frames,
      framesPerSecond: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null,
      unlabelledVideos: runs.length - labelled.length,
      regionLevel,
    };
    const row = {
      modelVersionId: runs[0].modelVersionId,
      datasetVersionId: runs[0].video.datasetVersionId,
      protocol: protocol as object,
      protocolName: protocol.name,
      microAuc: frames.microAuc,
      macroAuc: frames.macroAuc,
      rbdc: typeof regionLevel === 'string' ? null : regionLevel.rbdc,
      tbdc: typeof regionLevel === 'string' ? null : regionLevel.tbdc,
      metrics: metrics as object,
    };
    const evaluation = await prisma.evaluation.upsert({ where: { jobId: execution.jobId }, create: { jobId: execution.jobId, ...row }, update: row });
    await execution.log(`micro AUC ${frames.microAuc.toFixed(4)}, macro AUC ${frames.macroAuc?.toFixed(4) ?? 'n/a'} under ${protocol.name}`);
    return { evaluationId: evaluation.id, microAuc: frames.microAuc, macroAuc: frames.macroAuc };
  };
}
