// One job: live status and progress, loss curve, logs, parameters and result, what it produced, cancel/retry.
'use client';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { StatusBadge } from '../datasets/status-badge';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import { ProgressBar } from '../feedback/progress-bar';
import { formatDate } from '../format/format-date';
import { formatDuration } from '../format/format-duration';
import { formatMetric } from '../format/format-metric';
import { formatRate } from '../format/format-rate';
import type { JobDetailQuery as JobDetailData } from '../graphql/generated/graphql';
import { useQuery } from '../graphql/use-query';
import { useSubscription } from '../graphql/use-subscription';
import { JobActions } from './job-actions';
import { FINAL_STATUSES, progressText } from './job-list-state';
import { JobDetailQuery, JobDetailUpdatesSubscription } from './jobs.operations';
import { LiveBadge } from './live-badge';
import { EpochTable } from './epoch-table';
import { LossChart } from './loss-chart';
import { readableFields } from './readable-fields';

type Job = NonNullable<JobDetailData['job']>;

export function JobDetail({ jobId }: { jobId: string }) {
  const [job, setJob] = useState<Job>();
  const live = useSubscription(JobDetailUpdatesSubscription, { id: jobId }, (data) => setJob((now) => (now ? { ...now, ...data.jobUpdated } : now)));
  const finished = job ? FINAL_STATUSES.has(job.status) : false;
  const { data, error, loading, refetch } = useQuery(JobDetailQuery, { id: jobId }, { pollMs: live === 'offline' && !finished ? 3000 : undefined });
  useEffect(() => {
    if (data?.job) setJob(data.job);
  }, [data]);
  // once a job ends, fetch what it produced (runs, model version, evaluation) which updates do not carry
  const wasFinished = useRef(finished);
  useEffect(() => {
    if (finished && !wasFinished.current) void refetch();
    wasFinished.current = finished;
  }, [finished, refetch]);
  const logEnd = useRef<HTMLDivElement>(null);
  // a block body: Chromium's scrollIntoView returns a promise, and an effect may return only its clean-up function
  useEffect(() => {
    logEnd.current?.scrollIntoView({ block: 'nearest' });
  }, [job?.logs.length]);

  if (loading && !job) return <LoadingState label="job" />;
  if (error !== undefined && !job) return <ErrorState error={error} onRetry={refetch} />;
  if (!job) {
    return (
      <EmptyState
        title="This job does not exist"
        action={
          <Link className="button" href="/jobs">
            All jobs
          </Link>
        }
      >
        It may belong to another team.
      </EmptyState>
    );
  }
  const p = job.progress;
  return (
    <section className="stack">
      <div className="page-head">
        <div>
          <p className="small" style={{ margin: 0 }}>
            <Link href="/jobs">Jobs</Link> /
          </p>
          <h1>
            {job.kind.toLowerCase()} job <span className="mono small muted">{job.id}</span> <StatusBadge status={job.status} />{' '}
            {!finished && <LiveBadge status={live} />}
          </h1>
          <p style={{ margin: 0 }} data-testid="job-subject">
            {job.subject}
          </p>
        </div>
        <JobActions job={job} onChanged={(changed) => setJob((now) => (now ? { ...now, ...changed } : now))} />
      </div>

      {job.status === 'FAILED' && (
        <div className="callout bad" role="alert">
          <strong>The job failed{job.attempt < job.maxAttempts ? '' : ` after ${job.attempt} attempts`}</strong>
          <p>{job.error ?? 'No reason was recorded; see the logs below.'}</p>
        </div>
      )}

      <div className="grid">
        <div className="card">
          <h2>Progress</h2>
          <ProgressBar fraction={job.status === 'SUCCEEDED' ? 1 : job.status === 'QUEUED' ? 0 : p?.fraction} label="Job progress" />
          <dl className="facts" style={{ marginTop: '0.75rem' }}>
            <dt>Stage</dt>
            <dd>{progressText(p) || '—'}</dd>
            <dt>Loss</dt>
            <dd>{p?.loss != null ? p.loss.toPrecision(4) : '—'}</dd>
            <dt>Speed</dt>
            <dd>{formatRate(p?.framesPerSecond)}</dd>
            <dt>ETA</dt>
            <dd>{job.status === 'RUNNING' ? formatDuration(p?.etaSeconds) : '—'}</dd>
            <dt>Attempt</dt>
            <dd>
              {job.attempt} of {job.maxAttempts}
            </dd>
            <dt>Queued</dt>
            <dd>
              {formatDate(job.createdAt)}
              {job.queuedBy ? ` by ${job.queuedBy.name}` : ''}
            </dd>
            <dt>Started</dt>
            <dd>{formatDate(job.startedAt)}</dd>
            <dt>Finished</dt>
            <dd>{formatDate(job.finishedAt)}</dd>
          </dl>
        </div>
        {job.kind === 'TRAIN' && (
          <div className="card">
            <h2>Loss</h2>
            {job.lossCurve.length > 1 ? (
              <LossChart curve={job.lossCurve} epochs={job.epochResults} />
            ) : (
              <p className="muted">The loss curve appears once training has taken a few steps.</p>
            )}
          </div>
        )}
      </div>

      {job.epochResults.length > 0 && <EpochTable epochs={job.epochResults} />}

      {(job.modelVersion || job.inferenceRuns.length > 0 || job.evaluation) && (
        <div className="card">
          <h2>Produced</h2>
          {job.modelVersion && (
            <p>
              Model version{' '}
              <Link href={`/models/${job.modelVersion.model.id}?version=${job.modelVersion.id}`}>
                {job.modelVersion.model.name} v{job.modelVersion.number}
              </Link>{' '}
              <Link className="button secondary" href={`/jobs/new?kind=infer&modelVersionId=${job.modelVersion.id}`}>
                Run inference with it
              </Link>
            </p>
          )}
          {job.inferenceRuns.length > 0 && (
            <>
              <p className="row">
                {job.inferenceRuns.length} scored video{job.inferenceRuns.length === 1 ? '' : 's'}{' '}
                <Link className="button secondary" href={`/jobs/new?kind=evaluate&inferenceJobId=${job.id}`}>
                  Evaluate these runs
                </Link>
              </p>
              <ul className="chip-list" aria-label="Inference runs" style={{ listStyle: 'none', padding: 0 }}>
                {job.inferenceRuns.map((run) => (
                  <li key={run.id}>
                    <Link className="badge accent" href={`/runs/${run.id}`}>
                      {run.video.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          {job.evaluation && (
            <p>
              Evaluation: micro AUC {formatMetric(job.evaluation.microAuc)} %, macro AUC {formatMetric(job.evaluation.macroAuc)} %
            </p>
          )}
        </div>
      )}

      <div className="card">
        <h2>Logs</h2>
        {job.logs.length === 0 ? (
          <p className="muted">No log lines yet.</p>
        ) : (
          <div className="logs" role="log" aria-label="Job logs" tabIndex={0}>
            {job.logs.map((line, i) => (
              <div key={i} className={`level-${line.level}`}>
                {line.at.slice(11, 19)} [{line.level}]{line.attempt > 1 ? ` (attempt ${line.attempt})` : ''} {line.message}
              </div>
            ))}
            <div ref={logEnd} />
          </div>
        )}
      </div>

      <div className="grid">
        <FieldsCard title="Parameters" source={job.parameters} />
        {job.result != null && <FieldsCard title="Result" source={job.result} />}
      </div>
    </section>
  );
}

function FieldsCard({ title, source }: { title: string; source: unknown }) {
  const fields = readableFields(source);
  return (
    <div className="card">
      <h2>{title}</h2>
      {fields.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <dl className="facts" aria-label={title}>
          {fields.map((field) => (
            <div key={field.label} style={{ display: 'contents' }}>
              <dt>{field.label}</dt>
              <dd className="mono small">{field.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <details>
        <summary className="small muted">As JSON</summary>
        <pre>{JSON.stringify(source, null, 2)}</pre>
      </details>
    </div>
  );
}
