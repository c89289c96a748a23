// One data set: its versions, its videos with thumbnails, frame counts and import status, ground truth,
// uploads, a preview of the synthetic anomalies training adds, rename and delete.
'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import { formatCount } from '../format/format-count';
import { formatDate } from '../format/format-date';
import { useQuery } from '../graphql/use-query';
import { DatasetHeading } from './dataset-heading';
import { readDatasetSummary } from './dataset-summary';
import { DatasetDetailQuery } from './datasets.operations';
import { SyntheticPreview } from './synthetic-preview';
import { UploadPanel } from './upload-panel';
import { VideosCard } from './videos-card';

export function DatasetDetail({ datasetId }: { datasetId: string }) {
  // refresh while videos are being imported, so their status and frame counts appear by themselves
  const [poll, setPoll] = useState(false);
  const { data, error, loading, refetch } = useQuery(DatasetDetailQuery, { id: datasetId }, { pollMs: poll ? 2000 : undefined });
  const processing = Boolean(data?.dataset?.latestVersion?.videos.some((v) => v.status === 'UPLOADED' || v.status === 'PROCESSING'));
  useEffect(() => {
    setPoll(processing);
  }, [processing]);

  if (loading) return <LoadingState label="data set" />;
  if (error !== undefined) return <ErrorState error={error} onRetry={refetch} />;
  const dataset = data?.dataset;
  if (!dataset) {
    return (
      <EmptyState
        title="This data set does not exist"
        action={
          <Link className="button" href="/datasets">
            All data sets
          </Link>
        }
      >
        It may have been deleted, or it belongs to another team.
      </EmptyState>
    );
  }
  const latest = dataset.versions.find((v) => v.id === dataset.latestVersion?.id);
  const summary = readDatasetSummary(latest?.summary);
  // the preview draws from training frames, so it needs at least one decoded training video
  const hasTrainingVideos = (dataset.latestVersion?.videos ?? []).some((v) => v.split === 'TRAIN' && v.status === 'READY');

  return (
    <section className="stack">
      <DatasetHeading dataset={dataset} latest={latest} onRenamed={() => void refetch()} />

      {latest && (
        <p className="muted small">
          Version v{latest.number} · {latest.format} · hash <span className="mono">{latest.contentHash.slice(0, 12)}</span> · {formatCount(summary.trainVideos)}{' '}
          train / {formatCount(summary.testVideos)} test videos · {formatCount(summary.testFrames)} test frames, {formatCount(summary.abnormalTestFrames)}{' '}
          abnormal
          {summary.hasPixelMasks ? ' · pixel masks' : ''} · {dataset.versions.length} version{dataset.versions.length === 1 ? '' : 's'}
        </p>
      )}

      {/* training videos first: a data set without them cannot train a model */}
      <UploadPanel datasetId={dataset.id} defaultSplit={(summary.trainVideos ?? 0) > 0 ? 'test' : 'train'} onImported={() => void refetch()} />

      <VideosCard allVideos={dataset.latestVersion?.videos ?? []} hasVersion={Boolean(dataset.latestVersion)} onChanged={() => void refetch()} />

      {latest && hasTrainingVideos && <SyntheticPreview key={latest.id} datasetId={dataset.id} datasetName={dataset.name} />}

      {dataset.versions.length > 1 && (
        <div className="card">
          <h2>Versions</h2>
          <ul>
            {[...dataset.versions]
              .sort((a, b) => b.number - a.number)
              .map((version) => (
                <li key={version.id}>
                  v{version.number} · <span className="mono">{version.contentHash.slice(0, 12)}</span> · {formatDate(version.createdAt)}
                </li>
              ))}
          </ul>
        </div>
      )}
      <p className="muted small">Created {formatDate(dataset.createdAt)}</p>
    </section>
  );
}
