// The leaderboard page: choose a data set, the metric the API ranks by and the protocol; see the board.
'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import type { LeaderboardMetric } from '../graphql/generated/graphql';
import { sameOriginUrl } from '../graphql/same-origin-url';
import { useQuery } from '../graphql/use-query';
import { LeaderboardChoicesQuery, LeaderboardQuery } from './leaderboard.operations';
import { LEADERBOARD_METRICS } from './leaderboard-metric';
import { LeaderboardTable } from './leaderboard-table';

export interface LeaderboardSelection {
  datasetId?: string;
  metric: LeaderboardMetric;
  protocol: string;
}

export function LeaderboardScreen({ selection }: { selection: LeaderboardSelection }) {
  const router = useRouter();
  const choices = useQuery(LeaderboardChoicesQuery, {});
  const datasetId = selection.datasetId ?? choices.data?.datasets[0]?.id;
  const board = useQuery(LeaderboardQuery, { datasetId: datasetId ?? '', metric: selection.metric, protocol: selection.protocol }, { skip: !datasetId });

  const choose = (change: Partial<LeaderboardSelection>) => {
    const next = { ...selection, datasetId, ...change };
    const params = new URLSearchParams({ metric: next.metric, protocol: next.protocol });
    if (next.datasetId) params.set('dataset', next.datasetId);
    router.replace(`/leaderboard?${params.toString()}`);
  };

  if (choices.loading) return <LoadingState label="data sets" />;
  if (choices.error) return <ErrorState error={choices.error} onRetry={choices.refetch} />;
  const datasets = choices.data?.datasets ?? [];
  if (datasets.length === 0) {
    return (
      <EmptyState
        title="No data sets yet"
        action={
          <Link className="button" href="/datasets">
            Create a data set
          </Link>
        }
      >
        A leaderboard ranks the model versions evaluated on a data set. Create one and upload its videos first.
      </EmptyState>
    );
  }
  const protocols = choices.data?.protocols.length ? choices.data.protocols : [selection.protocol];

  return (
    <div className="stack">
      <div className="row" role="group" aria-label="Leaderboard settings">
        <label>
          Data set
          <select value={datasetId} onChange={(event) => choose({ datasetId: event.target.value })}>
            {datasets.map((dataset) => (
              <option key={dataset.id} value={dataset.id}>
                {dataset.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Ranked by
          <select value={selection.metric} onChange={(event) => choose({ metric: event.target.value as LeaderboardMetric })}>
            {LEADERBOARD_METRICS.map((metric) => (
              <option key={metric.value} value={metric.value}>
                {metric.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Protocol
          <select value={selection.protocol} onChange={(event) => choose({ protocol: event.target.value })}>
            {protocols.map((protocol) => (
              <option key={protocol} value={protocol}>
                {protocol}
              </option>
            ))}
          </select>
        </label>
      </div>
      {board.loading && <LoadingState label="leaderboard" />}
      {board.error !== undefined && <ErrorState error={board.error} onRetry={board.refetch} />}
      {board.data && (
        <>
          <p className="muted small">
            Comparing results on data set version{' '}
            {board.data.leaderboard.datasetVersion ? (
              <>
                v{board.data.leaderboard.datasetVersion.number} (<span className="mono">{board.data.leaderboard.datasetVersion.contentHash.slice(0, 12)}</span>)
              </>
            ) : (
              '—'
            )}{' '}
            under protocol “{board.data.leaderboard.protocol}”. Rows marked <span className="badge warn">not comparable</span> were evaluated otherwise and are
            listed after the comparable ones.{' '}
            {board.data.leaderboard.rows.length > 0 && (
              <a href={sameOriginUrl(board.data.leaderboard.csvUrl)} download>
                Download as CSV
              </a>
            )}
          </p>
          {board.data.leaderboard.rows.length === 0 && (
            <EmptyState
              title="No evaluations on this data set yet"
              action={
                <Link className="button" href="/jobs/new?kind=train">
                  Train a model
                </Link>
              }
            >
              Train a model, run inference on the test videos, then evaluate that inference job: its result appears here.
            </EmptyState>
          )}
          {(board.data.leaderboard.rows.length > 0 || board.data.leaderboard.references.length > 0) && <LeaderboardTable board={board.data.leaderboard} />}
        </>
      )}
    </div>
  );
}
