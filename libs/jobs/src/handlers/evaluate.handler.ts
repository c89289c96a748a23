// EVALUATE jobs: applies a protocol to the raw components of an inference job's runs and records the
// frame-level metrics (micro/macro AUC, EER, ROC, per-video AUC) with the protocol and data-set version, and
// RBDC/TBDC from the same combined anomaly volume when the videos have pixel masks. Runs with token maps
// go through every stage of the protocol (normalised with the model version's component statistics);
// older runs without maps only through the frame steps. A result is recorded under the protocol's name only
// when every stage ran; otherwise the name says which stages were left out, so that it never ranks beside
// complete results on the leaderboard.
import {
  applyProtocolToComponents,
  applyProtocolToMaps,
  evaluateFrames,
  type ComponentStatistics,
  type PostProcessingProtocol,
  type ProtocolStage,
} from '@vad/metrics';
import { readMapComponents } from '@vad/data';
import type { Store } from '@vad/db';
import { regionMetrics, type RegionMetrics, type RegionVideo } from '../evaluation/region-metrics';
import type { JobExecution, JobHandler } from '../job-handler';
import type { StoredComponentStatistics } from '../scoring/component-statistics-file';
import { evaluateParameters, parseParameters } from './job-parameters';
import { withSourceFiles } from '@vad/storage';

type LabelledRun = Store.InferenceRun & { video: Store.Video & { groundTruth: Store.GroundTruth | null } };

/** The name a result is recorded under: the protocol's own only when none of its stages was skipped. */
export function recordedProtocolName(protocol: PostProcessingProtocol, stagesNotApplied: readonly ProtocolStage[]): string {
  return stagesNotApplied.length === 0 ? protocol.name : `${protocol.name} (without ${stagesNotApplied.join(', ')})`;
}

/**
 * All scored frames over all the time spent scoring them: the figure the inference job reports (a mean of
 * per-video rates would weigh a short video's rate like a long one's).
 */
export function overallFramesPerSecond(runs: ReadonlyArray<{ teacherError: readonly number[]; framesPerSecond: number | null }>): number | null {
  const timed = runs.filter((r) => r.framesPerSecond !== null && r.framesPerSecond > 0 && r.teacherError.length > 0);
  const frames = timed.reduce((sum, r) => sum + r.teacherError.length, 0);
  const seconds = timed.reduce((sum, r) => sum + r.teacherError.length / (r.framesPerSecond as number), 0);
  return seconds > 0 ? frames / seconds : null;
}

async function regionLevelMetrics(execution: JobExecution, runs: LabelledRun[], volumes: Map<string, RegionVideo['volume']>): Promise<RegionMetrics | string> {
  const missing = runs.filter((run) => !volumes.has(run.id) || !run.video.groundTruth?.masksPath || !run.video.groundTruth.maskFormat);
  if (missing.length > 0) return `not computed: ${missing.length} of ${runs.length} videos lack token maps or pixel masks`;
  await execution.log('computing RBDC/TBDC from the combined anomaly volume and the pixel masks');
  // masks uploaded through the dashboard are in storage (by key); an imported data set's are read in place
  const maskLocations = runs.map((run) => run.video.groundTruth?.masksPath as string);
  return withSourceFiles(execution.storage, maskLocations, (maskFiles) =>
    regionMetrics(
      runs.map((run, i) => ({
        name: run.video.name,
        frameCount: run.video.frameCount,
        width: run.video.width,
        height: run.video.height,
        volume: volumes.get(run.id) as RegionVideo['volume'],
        masksPath: maskFiles[i],
        maskFormat: run.video.groundTruth?.maskFormat as RegionVideo['maskFormat'],
        maskFrameIndices: run.video.groundTruth?.maskFrameIndices.length ? run.video.groundTruth.maskFrameIndices : undefined,
      })),
    ),
  );
}

/** The per-frame columns of a run recorded before token maps were kept; a model without a head counts 0. */
function legacyFrameComponents(run: Store.InferenceRun) {
  return { ...run, classifier: run.classifier.length === 0 ? run.teacherError.map(() => 0) : run.classifier };
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
    const modelVersion = await prisma.modelVersion.findUniqueOrThrow({ where: { id: runs[0].modelVersionId } });
    const statistics = (modelVersion.componentStatistics as StoredComponentStatistics | null)?.statistics ?? null;
    const skipped = new Set<ProtocolStage>();
    const volumes = new Map<string, RegionVideo['volume']>();
    const videos = [];
    for (const run of labelled) {
      let scores: Float64Array;
      if (run.mapsPath === null) {
        const output = applyProtocolToComponents(legacyFrameComponents(run), protocol);
        output.stagesNotApplied.forEach((stage) => skipped.add(stage));
        scores = output.scores;
      } else {
        const components = await execution.storage.withLocalFile(run.mapsPath, (file) => readMapComponents(file, run.classifier));
        const output = applyProtocolToMaps(components, protocol, statistics as ComponentStatistics | null);
        output.stagesNotApplied.forEach((stage) => skipped.add(stage));
        scores = output.scores;
        if (run.video.groundTruth?.masksPath) volumes.set(run.id, output.volume);
      }
      videos.push({ video: run.video.name, scores, labels: run.video.groundTruth?.frameLabels ?? [] });
    }
    const stagesNotApplied = [...skipped];
    if (stagesNotApplied.length > 0) await execution.log(`stages of ${protocol.name} that these runs could not go through: ${stagesNotApplied.join(', ')}`);
    const frames = evaluateFrames(videos);
    const regionLevel = await regionLevelMetrics(execution, labelled, volumes);
    const metrics = {
      ...frames,
      framesPerSecond: overallFramesPerSecond(runs),
      unlabelledVideos: runs.length - labelled.length,
      regionLevel,
      stagesNotApplied,
    };
    const protocolName = recordedProtocolName(protocol, stagesNotApplied);
    const row = {
      modelVersionId: runs[0].modelVersionId,
      datasetVersionId: runs[0].video.datasetVersionId,
      protocol: { ...protocol, stagesNotApplied } as object,
      protocolName,
      microAuc: frames.microAuc,
      macroAuc: frames.macroAuc,
      rbdc: typeof regionLevel === 'string' ? null : regionLevel.rbdc,
      tbdc: typeof regionLevel === 'string' ? null : regionLevel.tbdc,
      metrics: metrics as object,
    };
    const evaluation = await prisma.evaluation.upsert({ where: { jobId: execution.jobId }, create: { jobId: execution.jobId, ...row }, update: row });
    await execution.log(`micro AUC ${frames.microAuc.toFixed(4)}, macro AUC ${frames.macroAuc?.toFixed(4) ?? 'n/a'} under ${protocolName}`);
    return { evaluationId: evaluation.id, microAuc: frames.microAuc, macroAuc: frames.macroAuc, protocol: protocolName };
  };
}
