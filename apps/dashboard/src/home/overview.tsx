// Home: the platform's health, what to do next, and the latest jobs.
'use client';
import Link from 'next/link';
import { StatusBadge } from '../datasets/status-badge';
import { ErrorState } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import { formatDate } from '../format/format-date';
import { readDatasetSummary } from '../datasets/dataset-summary';
import { useQuery } from '../graphql/use-query';
import { nextSteps } from './next-steps';
import { OverviewQuery } from './overview.operations';

export function Overview() {
  const { data, error, loading, refetch } = useQuery(OverviewQuery, {});
  if (loading) return <LoadingState label="platform status" />;
  if (error !== undefined || !data) return <ErrorState error={error} onRetry={refetch} title="The platform does not answer" />;
  const steps = nextSteps({
    datasets: data.datasets.length,
    datasetsWithVideos: data.datasets.filter((d) => {
      const s = readDatasetSummary(d.latestVersion?.summary);
      return (s.trainVideos ?? 0) + (s.testVideos ?? 0) > 0;
    }).length,
    modelVersions: data.models.reduce((n, m) => n + m.versions.length, 0),
    evaluations: data.evaluations.length,
  });
  const next = steps.find((s) => !s.done);
  return (
    <div className="grid">
      <div className="card">
        <h2>Getting started</h2>
        <ol className="steps">
          {steps.map((step) => (
            <li key={step.title} className={step.done ? 'done' : undefined}>
              {step === next ? <Link href={step.href}>{step.title}</Link> : step.title}
              {step.done && <span className="visually-hidden"> (done)</span>}
            </li>
          ))}
        </ol>
        {next && (
          <Link className="button" href={next.href}>
            Next: {next.title.toLowerCase()}
          </Link>
        )}
      </div>
      <div className="card">
        <h2>Platform</h2>
        <dl className="facts" aria-label="health">
          <dt>Version</dt>
          <dd>{data.health.version}</dd>
          <dt>Database</dt>
          <dd className="ok">{data.health.database}</dd>
          <dt>Job queue</dt>
          <dd className="ok">{data.health.queue}</dd>
        </dl>
        <h3>Latest jobs</h3>
        {data.jobs.nodes.length === 0 ? (
          <p className="muted">No jobs yet.</p>
        ) : (
          <ul style={{ paddingLeft: '1.1rem' }}>
            {data.jobs.nodes.map((job) => (
              <li key={job.id}>
                <Link href={`/jobs/${job.id}`}>{job.kind.toLowerCase()}</Link> <StatusBadge status={job.status} />{' '}
                <span className="muted small">{formatDate(job.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="small">
          <Link href="/jobs">All {data.jobs.totalCount} jobs</Link>
        </p>
      </div>
    </div>
  );
}
