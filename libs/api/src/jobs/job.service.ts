// Creating, cancelling and retrying jobs: the row first (the truth), then a message on the queue.
import type { Store } from '@vad/db';
import type { JobKindName } from '@vad/queue';
import { apiError } from '../graphql/api-error';
import type { ApiServices } from '../server/api-context';
import type { Principal } from '../auth/principal';

export async function queueJob(services: ApiServices, principal: Principal, kind: JobKindName, parameters: object): Promise<Store.Job> {
  const job = await services.database.prisma.job.create({
    data: { teamId: principal.team.id, kind, parameters, queuedById: principal.user.id },
  });
  await services.queue.enqueue({ jobId: job.id, kind });
  await services.database.prisma.auditEvent.create({
    data: { teamId: principal.team.id, actorId: principal.user.id, action: `job.queue.${kind.toLowerCase()}`, target: job.id },
  });
  return job;
}

export async function cancelJob(services: ApiServices, job: Store.Job): Promise<Store.Job> {
  const prisma = services.database.prisma;
  if (job.status === 'QUEUED') {
    const [cancelled] = await prisma.job.updateManyAndReturn({
      where: { id: job.id, status: 'QUEUED' },
      data: { status: 'CANCELLED', cancelRequested: true, finishedAt: new Date() },
    });
    if (cancelled) return cancelled;
  }
  if (job.status === 'QUEUED' || job.status === 'RUNNING') {
    // the worker sees the flag at its next heartbeat and stops the job at its next step
    return prisma.job.update({ where: { id: job.id }, data: { cancelRequested: true } });
  }
  throw apiError('CONFLICT', `job ${job.id} is ${job.status.toLowerCase()}; only queued or running jobs can be cancelled`);
}

export async function retryJob(services: ApiServices, job: Store.Job): Promise<Store.Job> {
  if (job.status !== 'FAILED' && job.status !== 'CANCELLED') {
    throw apiError('CONFLICT', `job ${job.id} is ${job.status.toLowerCase()}; only failed or cancelled jobs can be retried`);
  }
  const [retried] = await services.database.prisma.job.updateManyAndReturn({
    where: { id: job.id, status: job.status },
    data: { status: 'QUEUED', cancelRequested: false, error: null, finishedAt: null, maxAttempts: job.attempt + 3 },
  });
  if (!retried) throw apiError('CONFLICT', `job ${job.id} changed while retrying; try again`);
  await services.queue.enqueue({ jobId: retried.id, kind: retried.kind });
  return retried;
}
