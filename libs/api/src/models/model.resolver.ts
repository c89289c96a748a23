// Models, their versions and aliases; starting a training job.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { apiError, notFound } from '../graphql/api-error';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { queueJob } from '../jobs/job.service';
import { requireRole, type ApiContext } from '../server/api-context';
import { measuredTrainingSpeeds, modelPresets } from './model-presets';
import { scoreWeightsOf } from './score-weights';
import { trainingOverridesProblems } from './training-overrides';

async function versionInTeam(context: ApiContext, id: string) {
  const principal = requireRole(context);
  const version = await context.database.prisma.modelVersion.findFirst({ where: { id, model: { teamId: principal.team.id } } });
  if (!version) throw notFound('model version', id);
  return version;
}

const ALIAS = /^[a-z][a-z0-9-]{0,39}$/;

export const modelResolvers: Resolvers = {
  Query: {
    models: (_p, _a, context) => context.database.prisma.model.findMany({ where: { teamId: requireRole(context).team.id }, orderBy: { name: 'asc' } }),
    model: (_p, { id }, context) => context.database.prisma.model.findFirst({ where: { id, teamId: requireRole(context).team.id } }),
    modelVersion: (_p, { id }, context) => versionInTeam(context, id).catch(() => null),
    modelPresets: async (_p, _a, context) => {
      const principal = requireRole(context);
      const speeds = await measuredTrainingSpeeds(context.database, principal.team.id);
      return modelPresets().map((preset) => ({ ...preset, measuredSpeed: speeds.get(preset.name) ?? null }));
    },
    workers: async (_p, _a, context) => {
      requireRole(context);
      // installation-wide and without host names: what any team's jobs will run on
      const rows = await context.database.prisma.worker.findMany({ where: { aliveUntil: { gt: new Date() } }, orderBy: { startedAt: 'asc' } });
      const groups = new Map<string, { backend: string; device: string; kinds: string[]; count: number }>();
      for (const row of rows) {
        const key = `${row.backend}|${row.device}|${[...row.kinds].sort().join(',')}`;
        const group = groups.get(key) ?? { backend: row.backend, device: row.device, kinds: row.kinds, count: 0 };
        group.count += 1;
        groups.set(key, group);
      }
      return [...groups.values()];
    },
  },
  Mutation: {
    startTraining: async (_p, { input }, context) => {
      const principal = requireRole(context, 'MEMBER');
      const version = await context.database.prisma.datasetVersion.findFirst({
        where: { id: input.datasetVersionId, dataset: { teamId: principal.team.id } },
      });
      if (!version) throw notFound('data-set version', input.datasetVersionId);
      const presets = modelPresets();
      if (!presets.some((p) => p.name === input.preset)) {
        throw apiError('BAD_USER_INPUT', `unknown preset "${input.preset}"; one of ${presets.map((p) => p.name).join(', ')}`);
      }
      if (!/^[\w][\w .-]{0,99}$/.test(input.modelName)) throw apiError('BAD_USER_INPUT', 'invalid model name');
      for (const [field, value, least] of [
        ['epochsTeacher', input.epochsTeacher, 0],
        ['epochsStudent', input.epochsStudent, 0],
        ['batchSize', input.batchSize, 1],
        ['validationVideos', input.validationVideos, 0],
      ] as const) {
        if (value != null && (value < least || value > 10_000)) throw apiError('BAD_USER_INPUT', `${field} must be between ${least} and 10000`);
      }
      const problems = trainingOverridesProblems(input.preset, input.overrides, {
        teacherEpochs: input.epochsTeacher,
        studentEpochs: input.epochsStudent,
        batchSize: input.batchSize,
      });
      if (problems.length > 0) throw apiError('BAD_USER_INPUT', problems.slice(0, 5).join('; '));
      return queueJob(context, principal, 'TRAIN', { ...input, overrides: input.overrides ?? {} });
    },
    promoteModelVersion: async (_p, { id, alias }, context) => {
      requireRole(context, 'MEMBER');
      const version = await versionInTeam(context, id);
      const name = alias ?? 'production';
      if (!ALIAS.test(name)) throw apiError('BAD_USER_INPUT', 'an alias is lower-case letters, digits and dashes, starting with a letter');
      await context.database.prisma.modelAlias.upsert({
        where: { modelId_alias: { modelId: version.modelId, alias: name } },
        create: { modelId: version.modelId, alias: name, modelVersionId: version.id },
        update: { modelVersionId: version.id },
      });
      return version;
    },
  },
  Model: {
    versions: (model, _a, context) => context.database.prisma.modelVersion.findMany({ where: { modelId: model.id }, orderBy: { number: 'desc' } }),
    aliases: (model, _a, context) => context.database.prisma.modelAlias.findMany({ where: { modelId: model.id }, orderBy: { alias: 'asc' } }),
  },
  ModelAlias: {
    modelVersion: (alias, _a, context) => context.database.prisma.modelVersion.findUniqueOrThrow({ where: { id: alias.modelVersionId } }),
  },
  ModelVersion: {
    checkpointUrl: (version) => `/files/model-versions/${version.id}/checkpoint.tar`,
    onnxUrl: async (version, _a, context) => {
      const exported = await context.storage.withLocalFile(version.checkpointPath, (folder) =>
        stat(path.join(folder, 'model.onnx')).then(
          (s) => s.isFile(),
          () => false,
        ),
      );
      return exported ? `/files/model-versions/${version.id}/model.onnx` : null;
    },
    model: (version, _a, context) => context.database.prisma.model.findUniqueOrThrow({ where: { id: version.modelId } }),
    config: (version) => version.config,
    preset: (version) => (version.config as { preset?: string } | null)?.preset ?? null,
    trainingMetrics: (version) => version.trainingMetrics ?? null,
    scoreWeights: (version) => scoreWeightsOf(version.componentStatistics),
    datasetVersion: (version, _a, context) =>
      version.datasetVersionId ? context.database.prisma.datasetVersion.findUnique({ where: { id: version.datasetVersionId } }) : null,
    trainingJob: (version, _a, context) => (version.trainingJobId ? context.database.prisma.job.findUnique({ where: { id: version.trainingJobId } }) : null),
    createdBy: (version, _a, context) => (version.createdById ? context.database.prisma.user.findUnique({ where: { id: version.createdById } }) : null),
    aliases: async (version, _a, context) => (await context.database.prisma.modelAlias.findMany({ where: { modelVersionId: version.id } })).map((a) => a.alias),
    evaluations: (version, _a, context) =>
      context.database.prisma.evaluation.findMany({ where: { modelVersionId: version.id }, orderBy: { createdAt: 'desc' } }),
  },
};
