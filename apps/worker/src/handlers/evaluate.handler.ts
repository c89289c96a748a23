// EVALUATE jobs: applies a protocol to the raw components of an inference job's runs and records the
// frame-level metrics (micro/macro AUC, EER, ROC, per-video AUC) with the protocol and data-set version.
import { applyProtocolToComponents, evaluateFrames, type PostProcessingProtocol } from '@vad/metrics';
import type { JobHandler } from '../job-handler';
import { evaluateParameters, parseParameters } from './job-parameters';

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
    const rates = runs.map((r) => r.framesPerSecond).filter((v): v is number => v !== null);
    const metrics = {
      ...frames,
      framesPerSecond: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null,
      unlabelledVideos: runs.length - labelled.length,
      regionLevel: 'not computed: RBDC/TBDC need the pixel maps matched to ground-truth tracks, which this evaluation does not do yet',
    };
    const row = {
      modelVersionId: runs[0].modelVersionId,
      datasetVersionId: runs[0].video.datasetVersionId,
      protocol: protocol as object,
      protocolName: protocol.name,
      microAuc: frames.microAuc,
      macroAuc: frames.macroAuc,
      rbdc: null,
      tbdc: null,
      metrics: metrics as object,
    };
    const evaluation = await prisma.evaluation.upsert({ where: { jobId: execution.jobId }, create: { jobId: execution.jobId, ...row }, update: row });
    await execution.log(`micro AUC ${frames.microAuc.toFixed(4)}, macro AUC ${frames.macroAuc?.toFixed(4) ?? 'n/a'} under ${protocol.name}`);
    return { evaluationId: evaluation.id, microAuc: frames.microAuc, macroAuc: frames.macroAuc };
  };
}
