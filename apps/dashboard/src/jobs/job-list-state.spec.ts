import { canCancel, canRetry, jobDurationSeconds, jobInView, mergeJobUpdate, progressText } from './job-list-state';

const job = (id: string, createdAt: string, status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' = 'QUEUED', extra: Record<string, unknown> = {}) => ({
  id,
  createdAt,
  status,
  ...extra,
});

describe('mergeJobUpdate', () => {
  const jobs = [job('b', '2025-01-02T00:00:00Z'), job('a', '2025-01-01T00:00:00Z')];

  it('replaces a known job in place, keeping what the update lacks', () => {
    const withLogs = [job('b', '2025-01-02T00:00:00Z', 'QUEUED', { logs: ['x'] }), jobs[1]];
    const next = mergeJobUpdate(withLogs, job('b', '2025-01-02T00:00:00Z', 'RUNNING'));
    expect(next.map((j) => [j.id, j.status])).toEqual([
      ['b', 'RUNNING'],
      ['a', 'QUEUED'],
    ]);
    expect(next[0]).toHaveProperty('logs', ['x']);
  });

  it('adds a new job newest first', () => {
    expect(mergeJobUpdate(jobs, job('c', '2025-01-03T00:00:00Z')).map((j) => j.id)).toEqual(['c', 'b', 'a']);
    expect(mergeJobUpdate(jobs, job('z', '2024-12-31T00:00:00Z')).map((j) => j.id)).toEqual(['b', 'a', 'z']);
  });
});

describe('job actions', () => {
  it('cancels only unfinished jobs not already being cancelled', () => {
    expect(canCancel({ status: 'RUNNING', cancelRequested: false })).toBe(true);
    expect(canCancel({ status: 'RUNNING', cancelRequested: true })).toBe(false);
    expect(canCancel({ status: 'SUCCEEDED', cancelRequested: false })).toBe(false);
  });

  it('retries failed and cancelled jobs only', () => {
    expect(canRetry({ status: 'FAILED' })).toBe(true);
    expect(canRetry({ status: 'CANCELLED' })).toBe(true);
    expect(canRetry({ status: 'RUNNING' })).toBe(false);
  });

  it('splits jobs into active and finished', () => {
    expect(jobInView({ status: 'QUEUED', kind: 'TRAIN' }, 'active')).toBe(true);
    expect(jobInView({ status: 'FAILED', kind: 'TRAIN' }, 'active')).toBe(false);
    expect(jobInView({ status: 'FAILED', kind: 'TRAIN' }, 'finished')).toBe(true);
  });
});

describe('progressText', () => {
  it('joins stage, epoch and step', () => {
    const progress = { stage: 'teacher', epoch: 2, epochs: 5, step: 10, steps: 40, loss: null, framesPerSecond: null, etaSeconds: null, fraction: null };
    expect(progressText(progress)).toBe('teacher · epoch 2/5 · step 10/40');
    expect(progressText(null)).toBe('');
  });

  it('filters by kind as well as by state', () => {
    const train = { status: 'RUNNING', kind: 'TRAIN' } as const;
    expect(jobInView(train, 'active', 'TRAIN')).toBe(true);
    expect(jobInView(train, 'active', 'INFER')).toBe(false);
    expect(jobInView(train, 'finished', 'TRAIN')).toBe(false);
    expect(jobInView(train, 'all')).toBe(true);
  });

  it("counts a job's duration from its start to its end, or to now while it runs", () => {
    const startedAt = '2026-12-06T10:00:00.000Z';
    const now = Date.parse('2026-12-06T10:05:00.000Z');
    expect(jobDurationSeconds({ status: 'SUCCEEDED', startedAt, finishedAt: '2026-12-06T10:01:30.000Z' }, now)).toBe(90);
    expect(jobDurationSeconds({ status: 'RUNNING', startedAt, finishedAt: null }, now)).toBe(300);
    expect(jobDurationSeconds({ status: 'QUEUED', startedAt, finishedAt: null }, now)).toBeNull();
    expect(jobDurationSeconds({ status: 'FAILED', startedAt: null, finishedAt: null }, now)).toBeNull();
  });
});
