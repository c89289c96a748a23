// What a job works on, in words, for lists and headings: "train sdmae on ped2 v2 (cpu-ped2)" rather than the
// ids in its parameters. Every name is looked up inside the job's own team; what is gone reads as "(deleted)".
import type { Store, PrismaClient } from '@vad/db';

type Parameters = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

async function datasetVersionName(prisma: PrismaClient, teamId: string, id: unknown): Promise<string> {
  if (typeof id !== 'string') return '(unknown data set)';
  const version = await prisma.datasetVersion.findFirst({ where: { id, dataset: { teamId } }, select: { number: true, dataset: { select: { name: true } } } });
  return version ? `${version.dataset.name} v${version.number}` : '(deleted data set)';
}

async function modelVersionName(prisma: PrismaClient, teamId: string, id: unknown): Promise<string> {
  if (typeof id !== 'string') return '(unknown model)';
  const version = await prisma.modelVersion.findFirst({ where: { id, model: { teamId } }, select: { number: true, model: { select: { name: true } } } });
  return version ? `${version.model.name} v${version.number}` : '(deleted model)';
}

async function inferenceSubject(prisma: PrismaClient, teamId: string, p: Parameters): Promise<string> {
  const videoIds = Array.isArray(p.videoIds) ? p.videoIds.filter((id): id is string => typeof id === 'string') : [];
  const first = videoIds.length
    ? await prisma.video.findFirst({ where: { id: videoIds[0], datasetVersion: { dataset: { teamId } } }, select: { datasetVersionId: true } })
    : null;
  const videos = `${videoIds.length} video${videoIds.length === 1 ? '' : 's'}`;
  const dataset = first ? ` of ${await datasetVersionName(prisma, teamId, first.datasetVersionId)}` : '';
  return `score ${videos}${dataset} with ${await modelVersionName(prisma, teamId, p.modelVersionId)}`;
}

export async function jobSubject(prisma: PrismaClient, job: Pick<Store.Job, 'kind' | 'teamId' | 'parameters'>): Promise<string> {
  const p = (job.parameters ?? {}) as Parameters;
  switch (job.kind) {
    case 'IMPORT': {
      if (p.source === 'folder') return `import the folder data set ${text(p.datasetName) ?? ''}`.trim();
      const dataset =
        typeof p.datasetId === 'string' ? await prisma.dataset.findFirst({ where: { id: p.datasetId, teamId: job.teamId }, select: { name: true } }) : null;
      return `import ${text(p.name) ?? 'a video'} into ${dataset?.name ?? '(deleted data set)'} (${text(p.split) ?? 'test'})`;
    }
    case 'TRAIN':
      return `train ${text(p.modelName) ?? 'a model'} on ${await datasetVersionName(prisma, job.teamId, p.datasetVersionId)} (${text(p.preset) ?? 'preset'})`;
    case 'INFER':
      return inferenceSubject(prisma, job.teamId, p);
    case 'EVALUATE': {
      const inference = typeof p.inferenceJobId === 'string' ? await prisma.job.findFirst({ where: { id: p.inferenceJobId, teamId: job.teamId } }) : null;
      const protocol = text((p.protocol as Parameters | undefined)?.name) ?? 'paper';
      const scored = inference
        ? (await inferenceSubject(prisma, job.teamId, inference.parameters as Parameters)).replace(/^score /, '')
        : 'a deleted inference job';
      return `evaluate ${scored} (${protocol})`;
    }
  }
}
