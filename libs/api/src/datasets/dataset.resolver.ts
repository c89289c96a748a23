// Data sets, their immutable versions and videos.
import { DATASET_FORMATS, DataError, resolveWithinRoots } from '@vad/data';
import type { Store } from '@vad/db';
import { queueJob } from '../jobs/job.service';
import { apiError, notFound } from '../graphql/api-error';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { requireRole, type ApiContext } from '../server/api-context';
import { abnormalIntervals, labelsFromIntervals } from './abnormal-intervals';

const NAME = /^[\w][\w .-]{0,99}$/;

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!NAME.test(trimmed)) {
    throw apiError('BAD_USER_INPUT', 'a data set name has 1–100 letters, digits, spaces, dots, dashes or underscores');
  }
  return trimmed;
}

export async function datasetInTeam(context: ApiContext, id: string): Promise<Store.Dataset> {
  const principal = requireRole(context);
  const dataset = await context.database.prisma.dataset.findFirst({ where: { id, teamId: principal.team.id } });
  if (!dataset) throw notFound('data set', id);
  return dataset;
}

export async function videoInTeam(context: ApiContext, id: string) {
  const principal = requireRole(context);
  const video = await context.database.prisma.video.findFirst({
    where: { id, datasetVersion: { dataset: { teamId: principal.team.id } } },
    include: { groundTruth: true },
  });
  if (!video) throw notFound('video', id);
  return video;
}

async function withinImportRoots(context: ApiContext, candidate: string): Promise<string> {
  try {
    return await resolveWithinRoots(candidate, context.importRoots);
  } catch (error) {
    if (error instanceof DataError) throw apiError('FORBIDDEN', error.message);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'P2002';
}

export const datasetResolvers: Resolvers = {
  Query: {
    datasets: (_p, _a, context) => context.database.prisma.dataset.findMany({ where: { teamId: requireRole(context).team.id }, orderBy: { name: 'asc' } }),
    dataset: async (_p, { id }, context) => context.database.prisma.dataset.findFirst({ where: { id, teamId: requireRole(context).team.id } }),
    video: async (_p, { id }, context) => videoInTeam(context, id).catch(() => null),
  },
  Mutation: {
    createDataset: async (_p, { name }, context) => {
      const principal = requireRole(context, 'MEMBER');
      try {
        return await context.database.prisma.dataset.create({ data: { teamId: principal.team.id, name: checkName(name) } });
      } catch (error) {
        if (isUniqueViolation(error)) throw apiError('CONFLICT', `a data set named "${name.trim()}" already exists`);
        throw error;
      }
    },
    renameDataset: async (_p, { id, name }, context) => {
      requireRole(context, 'MEMBER');
      await datasetInTeam(context, id);
      try {
        return await context.database.prisma.dataset.update({ where: { id }, data: { name: checkName(name) } });
      } catch (error) {
        if (isUniqueViolation(error)) throw apiError('CONFLICT', `a data set named "${name.trim()}" already exists`);
        throw error;
      }
    },
    deleteDataset: async (_p, { id }, context) => {
      requireRole(context, 'OWNER');
      await datasetInTeam(context, id);
      await context.database.prisma.dataset.delete({ where: { id } });
      return true;
    },
    importServerFolder: async (_p, { input }, context) => {
      const principal = requireRole(context, 'OWNER');
      if (!DATASET_FORMATS.includes(input.format as (typeof DATASET_FORMATS)[number])) {
        throw apiError('BAD_USER_INPUT', `format must be one of ${DATASET_FORMATS.join(', ')}`);
      }
      const datasetName = checkName(input.datasetName);
      // checked again by the worker when the job runs (and on every retry): files can move in between
      const [folder, labelsPath, masksPath] = await Promise.all(
        [input.path, input.labelsPath, input.masksPath].map((candidate) => (candidate == null ? null : withinImportRoots(context, candidate))),
      );
      return queueJob(context, principal, 'IMPORT', { source: 'folder', path: folder, format: input.format, datasetName, labelsPath, masksPath });
    },
    setFrameLabels: async (_p, { videoId, labels, intervals }, context) => {
      requireRole(context, 'MEMBER');
      const video = await videoInTeam(context, videoId);
      if ((labels == null) === (intervals == null)) throw apiError('BAD_USER_INPUT', 'give either labels or intervals');
      let frameLabels: number[];
      if (labels) {
        if (labels.length !== video.frameCount) {
          throw apiError('BAD_USER_INPUT', `video "${video.name}" has ${video.frameCount} frames but ${labels.length} labels were given`);
        }
        if (labels.some((l) => l !== 0 && l !== 1)) throw apiError('BAD_USER_INPUT', 'labels must be 0 or 1');
        frameLabels = labels;
      } else {
        try {
          frameLabels = labelsFromIntervals(intervals ?? [], video.frameCount);
        } catch (error) {
          throw apiError('BAD_USER_INPUT', (error as Error).message);
        }
      }
      await context.database.prisma.groundTruth.upsert({
        where: { videoId },
        create: { videoId, frameLabels },
        update: { frameLabels },
      });
      return videoInTeam(context, videoId);
    },
  },
  Dataset: {
    versions: (dataset, _a, context) => context.database.prisma.datasetVersion.findMany({ where: { datasetId: dataset.id }, orderBy: { number: 'desc' } }),
    latestVersion: (dataset, _a, context) =>
      context.database.prisma.datasetVersion.findFirst({ where: { datasetId: dataset.id }, orderBy: { number: 'desc' } }),
  },
  DatasetVersion: {
    dataset: (version, _a, context) => context.database.prisma.dataset.findUniqueOrThrow({ where: { id: version.datasetId } }),
    summary: (version) => version.summary,
    syntheticPreviewUrl: (version, { seed, count }) => `/files/dataset-versions/${version.id}/synthetic-preview.png?seed=${seed ?? 0}&count=${count ?? 8}`,
    videos: (version, { split }, context) =>
      context.database.prisma.video.findMany({
        where: { datasetVersionId: version.id, ...(split ? { split } : {}) },
        include: { groundTruth: true },
        orderBy: [{ split: 'asc' }, { name: 'asc' }],
      }),
  },
  Video: {
    sizeBytes: (video) => Number(video.sizeBytes),
    hasGroundTruth: (video) => (video.groundTruth?.frameLabels.length ?? 0) > 0,
    hasPixelMasks: (video) => Boolean(video.groundTruth?.masksPath),
    frameLabels: (video) => (video.groundTruth?.frameLabels.length ? video.groundTruth.frameLabels : null),
    abnormalIntervals: (video) => abnormalIntervals(video.groundTruth?.frameLabels ?? []),
    frameUrl: (video, { frame }) => `/files/videos/${video.id}/frames/${frame ?? 0}.png`,
  },
};
