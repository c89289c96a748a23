// Jobs: the list with filters and cursor pagination, one job, cancel/retry, and live updates.
import type { Store } from '@vad/db';
import { abortableIterator } from '../graphql/abortable-iterator';
import { notFound, apiError } from '../graphql/api-error';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { requireRole, type ApiContext } from '../server/api-context';
import { cancelJob, retryJob } from './job.service';
import { jobSubject } from './job-subject';

export async function jobInTeam(context: ApiContext, id: string): Promise<Store.Job> {
  const principal = requireRole(context);
  const job = await context.database.prisma.job.findFirst({ where: { id, teamId: principal.team.id } });
  if (!job) throw notFound('job', id);
  return job;
}

const MAX_PAGE = 100;

export const jobResolvers: Resolvers = {
  Query: {
    jobs: async (_p, { filter, first, after }, context) => {
      const principal = requireRole(context);
      const take = Math.min(Math.max(first ?? 20, 1), MAX_PAGE);
      const where = {
        teamId: principal.team.id,
        ...(filter?.status?.length ? { status: { in: filter.status } } : {}),
        ...(filter?.kind?.length ? { kind: { in: filter.kind } } : {}),
        ...(filter?.queuedById ? { queuedById: filter.queuedById } : {}),
      };
      const prisma = context.database.prisma;
      const page = await prisma.job.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: take + 1,
        ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      });
      const nodes = page.slice(0, take);
      return {
        nodes,
        pageInfo: { endCursor: nodes.at(-1)?.id ?? null, hasNextPage: page.length > take },
        totalCount: await prisma.job.count({ where }),
      };
    },
    job: async (_p, { id }, context) => {
      const principal = requireRole(context);
      return context.database.prisma.job.findFirst({ where: { id, teamId: principal.team.id } });
    },
  },
  Mutation: {
    cancelJob: async (_p, { id }, context) => {
      requireRole(context, 'MEMBER');
      return cancelJob(context, await jobInTeam(context, id));
    },
    retryJob: async (_p, { id }, context) => {
      requireRole(context, 'MEMBER');
      const job = await jobInTeam(context, id);
      // a retry runs the job again as it was started: one that reads a folder on the server needs its owner
      requireRole(context, roleToStart(job));
      return retryJob(context, job);
    },
  },
  Subscription: {
    jobUpdated: {
      subscribe: async (_p, { id }, context) => {
        const principal = requireRole(context);
        if (id) await jobInTeam(context, id);
        return abortableIterator(async function* (signal) {
          for await (const job of context.jobUpdates.updates({ teamId: principal.team.id, jobId: id ?? undefined }, signal)) {
            // a member removed (or a token revoked) since the subscription started gets nothing more
            if (context.subscriber && !(await context.subscriber.stillAllowed(principal))) return;
            yield { jobUpdated: job };
          }
        });
      },
    },
  },
  Job: {
    subject: (job, _a, context) => jobSubject(context.database.prisma, job),
    progress: (job) => (job.progress ?? null) as never,
    logs: async (job, { last }, context) => {
      const lines = await context.database.prisma.jobLog.findMany({
        where: { jobId: job.id },
        orderBy: { id: 'desc' },
        take: Math.min(last ?? 100, 1000),
      });
      return lines.reverse().map((line) => ({ at: line.createdAt, attempt: line.attempt, level: line.level, message: line.message }));
    },
    lossCurve: (job, _a, context) => currentLossCurve(context, job),
    lossHistory: async (job, _a, context) => (await currentLossCurve(context, job)).map((point) => point.loss),
    epochResults: async (job, _a, context) => {
      const rows = await context.database.prisma.epochResult.findMany({ where: { jobId: job.id }, orderBy: [{ epoch: 'asc' }, { attempt: 'desc' }] });
      return rows.filter((row, i) => i === 0 || rows[i - 1].epoch !== row.epoch);
    },
    queuedBy: (job, _a, context) => (job.queuedById ? context.database.prisma.user.findUnique({ where: { id: job.queuedById } }) : null),
    inferenceRuns: (job, _a, context) => context.database.prisma.inferenceRun.findMany({ where: { jobId: job.id } }),
    modelVersion: (job, _a, context) => context.database.prisma.modelVersion.findUnique({ where: { trainingJobId: job.id } }),
    evaluation: (job, _a, context) => context.database.prisma.evaluation.findUnique({ where: { jobId: job.id } }),
  },
};

function currentLossCurve(context: ApiContext, job: Store.Job) {
  return context.database.prisma.lossPoint.findMany({ where: { jobId: job.id, attempt: job.attempt }, orderBy: { id: 'asc' } });
}

/** The role that starting `job` needed (and so retrying it needs): owners import folders from the server. */
function roleToStart(job: Store.Job): 'OWNER' | 'MEMBER' {
  const parameters = job.parameters as { source?: unknown } | null;
  return job.kind === 'IMPORT' && parameters?.source === 'folder' ? 'OWNER' : 'MEMBER';
}

export function assertJobKind(job: Store.Job, kind: Store.JobKind): void {
  if (job.kind !== kind) throw apiError('BAD_USER_INPUT', `job ${job.id} is a ${job.kind} job, not ${kind}`);
}
