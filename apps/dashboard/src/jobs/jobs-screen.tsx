// The jobs page: every job of the team, updated live by the jobUpdated subscription (polling when the
// WebSocket is unavailable), with progress, loss, speed, ETA, and cancel/retry.
'use client';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { StatusBadge } from '../datasets/status-badge';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import { ProgressBar } from '../feedback/progress-bar';
import { formatDate } from '../format/format-date';
import { formatDuration } from '../format/format-duration';
import { formatRate } from '../format/format-rate';
import { useQuery } from '../graphql/use-query';
import { useSubscription } from '../graphql/use-subscription';
import { JobActions } from './job-actions';
import { jobDurationSeconds, jobInView, mergeJobUpdate, progressText, type JobKindFilter, type JobSummary, type JobView } from './job-list-state';
import { JobsQuery, JobUpdatesSubscription } from './jobs.operations';
import { LiveBadge } from './live-badge';
import { useNow } from './use-now';

const KINDS: { value: JobKindFilter; label: string }[] = [
  { value: 'ALL', label: 'All kinds' },
  { value: 'IMPORT', label: 'Imports' },
  { value: 'TRAIN', label: 'Trainings' },
  { value: 'INFER', label: 'Inference' },
  { value: 'EVALUATE', label: 'Evaluations' },
];

const VIEWS: { value: JobView; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'finished', label: 'Finished' },
];

export function JobsScreen() {
  const [jobs, setJobs] = useState<JobSummary[]>([]);
  const [view, setView] = useState<JobView>('all');
  const [kind, setKind] = useState<JobKindFilter>('ALL');
  const now = useNow(1000);
  const live = useSubscription(JobUpdatesSubscription, {}, (data) => setJobs((now) => mergeJobUpdate(now, data.jobUpdated)));
  const { data, error, loading, refetch } = useQuery(
    JobsQuery,
    { first: 50, filter: kind === 'ALL' ? undefined : { kind: [kind] } },
    { pollMs: live === 'offline' ? 3000 : undefined },
  );
  useEffect(() => {
    if (data) setJobs((now) => data.jobs.nodes.reduce((list, job) => mergeJobUpdate(list, job), now));
  }, [data]);
  const shown = useMemo(() => jobs.filter((job) => jobInView(job, view, kind)), [jobs, view, kind]);
  const update = (job: JobSummary) => setJobs((now) => mergeJobUpdate(now, job));

  return (
    <section>
      <div className="page-head">
        <h1>
          Jobs <LiveBadge status={live} />
        </h1>
        <div className="row">
          <Link className="button" href="/jobs/new?kind=train">
            Start training
          </Link>
          <Link className="button secondary" href="/jobs/new?kind=infer">
            Run inference
          </Link>
          <Link className="button secondary" href="/jobs/new?kind=evaluate">
            Evaluate
          </Link>
        </div>
      </div>
      <div className="row" style={{ marginBottom: '0.75rem' }}>
        <div className="segmented" role="group" aria-label="Show jobs">
          {VIEWS.map((v) => (
            <button key={v.value} type="button" aria-pressed={view === v.value} onClick={() => setView(v.value)}>
              {v.label}
            </button>
          ))}
        </div>
        <label className="inline">
          Kind
          <select value={kind} onChange={(event) => setKind(event.target.value as JobKindFilter)} aria-label="Kind of job">
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {loading && <LoadingState label="jobs" />}
      {error !== undefined && !data && <ErrorState error={error} onRetry={refetch} />}
      {data && jobs.length === 0 && (
        <EmptyState
          title="No jobs yet"
          action={
            <Link className="button" href="/jobs/new?kind=train">
              Start training
            </Link>
          }
        >
          Jobs import videos, train models, score videos and evaluate results. Upload a data set, then start training here.
        </EmptyState>
      )}
      {data && jobs.length > 0 && shown.length === 0 && <p className="muted">No {view === 'all' ? '' : `${view} `}jobs of this kind.</p>}
      {shown.length > 0 && (
        <div className="table-wrap">
          <table aria-label="Jobs">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Status</th>
                <th scope="col" style={{ minWidth: '10rem' }}>
                  Progress
                </th>
                <th scope="col" className="num">
                  Loss
                </th>
                <th scope="col" className="num">
                  Speed
                </th>
                <th scope="col" className="num">
                  ETA
                </th>
                <th scope="col" className="num">
                  Duration
                </th>
                <th scope="col">Queued</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((job) => (
                <tr key={job.id} data-testid="job-row" data-status={job.status}>
                  <td>
                    <Link href={`/jobs/${job.id}`}>{job.kind.toLowerCase()}</Link> <span className="muted mono small">{job.id.slice(0, 8)}</span>
                    {job.attempt > 1 && (
                      <span className="muted small">
                        {' '}
                        · attempt {job.attempt}/{job.maxAttempts}
                      </span>
                    )}
                    <div className="small" data-testid="job-subject">
                      {job.subject}
                    </div>
                  </td>
                  <td>
                    <StatusBadge status={job.status} title={job.error ?? undefined} />
                  </td>
                  <td>
                    {job.status === 'RUNNING' || job.status === 'QUEUED' ? (
                      <>
                        <ProgressBar
                          fraction={job.status === 'QUEUED' ? 0 : job.progress?.fraction}
                          label={`Progress of ${job.kind.toLowerCase()} job ${job.id.slice(0, 8)}`}
                        />
                        <div className="muted small">{progressText(job.progress)}</div>
                      </>
                    ) : job.status === 'FAILED' ? (
                      <span className="bad small" title={job.error ?? undefined}>
                        {(job.error ?? 'failed').slice(0, 80)}
                      </span>
                    ) : (
                      <span className="muted small">{job.finishedAt ? `finished ${formatDate(job.finishedAt)}` : ''}</span>
                    )}
                  </td>
                  <td className="num">{job.progress?.loss != null ? job.progress.loss.toPrecision(4) : '—'}</td>
                  <td className="num">{formatRate(job.progress?.framesPerSecond)}</td>
                  <td className="num">{job.status === 'RUNNING' ? formatDuration(job.progress?.etaSeconds) : '—'}</td>
                  <td className="num">{formatDuration(jobDurationSeconds(job, now))}</td>
                  <td className="small">
                    {formatDate(job.createdAt)}
                    {job.queuedBy ? ` · ${job.queuedBy.name}` : ''}
                  </td>
                  <td>
                    <JobActions job={job} onChanged={update} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
