// Inference runs: raw per-frame components, frame scores under a protocol (run-scores.ts), anomaly maps and
// their summaries for the viewer, download links; starting inference.
import { rocAuc } from '@vad/metrics';
import type { Store } from '@vad/db';
import { DataError } from '@vad/data';
import { apiError, notFound } from '../graphql/api-error';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { queueJob } from '../jobs/job.service';
import { protocolByName } from '../evaluations/protocol-by-name';
import { requireRole, type ApiContext } from '../server/api-context';
import { mapFrameSummary } from '../files/map-frame-summary';
import { isMapComponent, MAP_COMPONENTS, OLD_MAP_FORMAT, runMapSource } from '../files/run-map-volume';
import { scoresOf } from './run-scores';

function mapUrl(run: Store.InferenceRun, frame: number, component: string): string {
  if (frame < 0 || frame >= run.teacherError.length) throw apiError('BAD_USER_INPUT', `frame ${frame} is outside the video`);
  return `/files/runs/${run.id}/maps/${frame}.png?component=${encodeURIComponent(component)}`;
}

async function runInTeam(context: ApiContext, id: string) {
  const principal = requireRole(context);
  const run = await context.database.prisma.inferenceRun.findFirst({ where: { id, job: { teamId: principal.team.id } } });
  if (!run) throw notFound('inference run', id);
  return run;
}

export const inferenceRunResolvers: Resolvers = {
  Query: {
    inferenceRun: (_p, { id }, context) => runInTeam(context, id).catch(() => null),
    inferenceRuns: (_p, { modelVersionId, videoId }, context) => {
      const principal = requireRole(context);
      return context.database.prisma.inferenceRun.findMany({
        where: { modelVersionId, ...(videoId ? { videoId } : {}), job: { teamId: principal.team.id } },
        orderBy: { createdAt: 'desc' },
      });
    },
  },
  Mutation: {
    startInference: async (_p, { input }, context) => {
      const principal = requireRole(context, 'MEMBER');
      const prisma = context.database.prisma;
      const version = await prisma.modelVersion.findFirst({ where: { id: input.modelVersionId, model: { teamId: principal.team.id } } });
      if (!version) throw notFound('model version', input.modelVersionId);
      let videoIds = input.videoIds ?? [];
      if (videoIds.length === 0) {
        if (!input.datasetVersionId) throw apiError('BAD_USER_INPUT', 'give videoIds or a datasetVersionId');
        const videos = await prisma.video.findMany({
          where: { datasetVersionId: input.datasetVersionId, split: 'TEST', datasetVersion: { dataset: { teamId: principal.team.id } } },
          select: { id: true },
        });
        if (videos.length === 0) throw apiError('BAD_USER_INPUT', 'that data-set version has no test videos in your team');
        videoIds = videos.map((v) => v.id);
      } else {
        const found = await prisma.video.count({ where: { id: { in: videoIds }, datasetVersion: { dataset: { teamId: principal.team.id } } } });
        if (found !== new Set(videoIds).size) throw apiError('NOT_FOUND', 'some of those videos are not in your team');
      }
      return queueJob(context, principal, 'INFER', {
        modelVersionId: version.id,
        videoIds,
        maskSeed: input.maskSeed ?? null,
      });
    },
  },
  InferenceRun: {
    job: (run, _a, context) => context.database.prisma.job.findUniqueOrThrow({ where: { id: run.jobId } }),
    modelVersion: (run, _a, context) => context.database.prisma.modelVersion.findUniqueOrThrow({ where: { id: run.modelVersionId } }),
    video: (run, _a, context) => context.database.prisma.video.findUniqueOrThrow({ where: { id: run.videoId }, include: { groundTruth: true } }),
    hasMaps: (run) => run.mapsPath !== null,
    frameScores: async (run, { protocol }, context) => {
      const chosen = protocolByName(protocol ?? 'paper');
      const { scores, stagesNotApplied } = scoresOf(run, chosen);
      const groundTruth = await context.database.prisma.groundTruth.findUnique({ where: { videoId: run.videoId } });
      const labels = groundTruth?.frameLabels.length === run.teacherError.length ? groundTruth.frameLabels : null;
      const bothClasses = labels !== null && labels.includes(0) && labels.includes(1);
      return {
        protocol: chosen,
        teacherError: run.teacherError,
        discrepancy: run.discrepancy,
        classifier: run.classifier,
        scores: Array.from(scores),
        stagesNotApplied: [...stagesNotApplied],
        labels,
        auc: bothClasses ? rocAuc({ scores, labels }) : null,
      };
    },
    scoresCsvUrl: (run, { protocol }) => `/files/runs/${run.id}/scores.csv?protocol=${encodeURIComponent(protocolByName(protocol ?? 'paper').name)}`,
    anomalyMapUrl: (run, { frame, component }) => (run.mapsPath ? mapUrl(run, frame, component ?? 'combined') : null),
    anomalyMap: async (run, { frame, component, threshold }, context) => {
      if (!run.mapsPath) return null;
      const name = component ?? 'combined';
      const url = mapUrl(run, frame, name);
      if (!isMapComponent(name)) throw apiError('BAD_USER_INPUT', `component must be one of ${MAP_COMPONENTS.join(', ')}`);
      const modelVersion = await context.database.prisma.modelVersion.findUniqueOrThrow({
        where: { id: run.modelVersionId },
        select: { componentStatistics: true },
      });
      const volume = await context.mapVolumes.get(runMapSource(context.storage, { ...run, modelVersion }), name).catch((error: unknown) => {
        if (error instanceof DataError) throw apiError('NOT_FOUND', OLD_MAP_FORMAT);
        throw error;
      });
      return volume === null ? null : { url, ...mapFrameSummary(volume, frame, threshold ?? null) };
    },
  },
};
