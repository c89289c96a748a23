// Evaluations, the leaderboard, and starting an evaluation of an inference job's runs.
import { apiError, notFound } from '../graphql/api-error';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { jobInTeam, assertJobKind } from '../jobs/job.resolver';
import { queueJob } from '../jobs/job.service';
import { requireRole } from '../server/api-context';
import { cachedLeaderboard } from './cached-leaderboard';
import { paperReferences } from './paper-references';
import { protocolByName, protocolNames } from './protocol-by-name';
import { rankLeaderboard } from './rank-leaderboard';

interface StoredFrameMetrics {
  eer?: number;
  videosSkipped?: number;
  perVideoAuc?: Record<string, number | null>;
  rocCurve?: { fpr: number[]; tpr: number[] };
}

export const evaluationResolvers: Resolvers = {
  Query: {
    protocols: () => protocolNames(),
    evaluations: (_p, { datasetId, modelVersionId }, context) => {
      const principal = requireRole(context);
      return context.database.prisma.evaluation.findMany({
        where: {
          modelVersion: { model: { teamId: principal.team.id } },
          ...(datasetId ? { datasetVersion: { datasetId } } : {}),
          ...(modelVersionId ? { modelVersionId } : {}),
        },
        orderBy: { createdAt: 'desc' },
      });
    },
    evaluation: (_p, { id }, context) =>
      context.database.prisma.evaluation.findFirst({ where: { id, modelVersion: { model: { teamId: requireRole(context).team.id } } } }),
    leaderboard: async (_p, { datasetId, metric, protocol }, context) => {
      const principal = requireRole(context);
      const protocolName = protocol ?? 'paper';
      protocolByName(protocolName);
      const board = await cachedLeaderboard(context.database, principal.team.id, datasetId);
      if (!board) throw notFound('data set', datasetId);
      const { dataset, latestVersion } = board;
      return {
        dataset,
        metric: metric ?? 'MICRO_AUC',
        protocol: protocolName,
        datasetVersion: latestVersion,
        rows: rankLeaderboard(board.entries, metric ?? 'MICRO_AUC', protocolName, latestVersion?.id),
        references: paperReferences(dataset.name, latestVersion?.format, (latestVersion?.summary as { testVideos?: number } | null)?.testVideos),
        csvUrl: `/files/leaderboards/${dataset.id}.csv?metric=${metric ?? 'MICRO_AUC'}&protocol=${encodeURIComponent(protocolName)}`,
      };
    },
  },
  Mutation: {
    startEvaluation: async (_p, { inferenceJobId, protocol }, context) => {
      const principal = requireRole(context, 'MEMBER');
      const inferenceJob = await jobInTeam(context, inferenceJobId);
      assertJobKind(inferenceJob, 'INFER');
      if (inferenceJob.status !== 'SUCCEEDED') {
        throw apiError('CONFLICT', `inference job ${inferenceJobId} is ${inferenceJob.status.toLowerCase()}; evaluate it once it succeeded`);
      }
      const protocolName = protocol ?? 'paper';
      return queueJob(context, principal, 'EVALUATE', { inferenceJobId, protocol: protocolByName(protocolName) });
    },
  },
  Evaluation: {
    job: (evaluation, _a, context) => (evaluation.jobId ? context.database.prisma.job.findUnique({ where: { id: evaluation.jobId } }) : null),
    inferenceJob: async (evaluation, _a, context) => {
      if (!evaluation.jobId) return null;
      const job = await context.database.prisma.job.findUnique({ where: { id: evaluation.jobId }, select: { teamId: true, parameters: true } });
      const inferenceJobId = (job?.parameters as { inferenceJobId?: unknown } | null)?.inferenceJobId;
      if (!job || typeof inferenceJobId !== 'string') return null;
      return context.database.prisma.job.findFirst({ where: { id: inferenceJobId, teamId: job.teamId } });
    },
    modelVersion: (evaluation, _a, context) => context.database.prisma.modelVersion.findUniqueOrThrow({ where: { id: evaluation.modelVersionId } }),
    datasetVersion: (evaluation, _a, context) => context.database.prisma.datasetVersion.findUniqueOrThrow({ where: { id: evaluation.datasetVersionId } }),
    protocol: (evaluation) => evaluation.protocol,
    metrics: (evaluation) => evaluation.metrics,
    eer: (evaluation) => (evaluation.metrics as StoredFrameMetrics).eer ?? null,
    videosSkipped: (evaluation) => (evaluation.metrics as StoredFrameMetrics).videosSkipped ?? null,
    perVideoAuc: (evaluation) => Object.entries((evaluation.metrics as StoredFrameMetrics).perVideoAuc ?? {}).map(([video, auc]) => ({ video, auc })),
    rocCurve: (evaluation) => (evaluation.metrics as StoredFrameMetrics).rocCurve ?? null,
  },
  LeaderboardRow: {
    microAuc: (row) => row.evaluation.microAuc,
    macroAuc: (row) => row.evaluation.macroAuc,
    rbdc: (row) => row.evaluation.rbdc,
    tbdc: (row) => row.evaluation.tbdc,
    parameterCount: (row) => row.modelVersion.parameterCount,
    protocolName: (row) => row.evaluation.protocolName,
    checkpointRule: (row) => row.modelVersion.checkpointRule,
    createdAt: (row) => row.evaluation.createdAt,
    author: (row, _a, context) =>
      row.modelVersion.createdById ? context.database.prisma.user.findUnique({ where: { id: row.modelVersion.createdById } }) : null,
  },
};
