// One data set: its versions, its videos with thumbnails, frame counts and import status, ground truth,
// uploads, a preview of the synthetic anomalies training adds, rename and delete.
'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState, InlineError } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import { formatBytes, formatCount } from '../format/format-count';
import { formatDate } from '../format/format-date';
import { sameOriginUrl } from '../graphql/same-origin-url';
import { useMutation } from '../graphql/use-mutation';
import { useQuery } from '../graphql/use-query';
import { readDatasetSummary } from './dataset-summary';
import { DatasetDetailQuery, DeleteDatasetMutation, RenameDatasetMutation } from './datasets.operations';
import { GroundTruthButton } from './ground-truth-button';
import { LabelsFileButton } from './labels-file-button';
import { StatusBadge } from './status-badge';
import { SyntheticPreview } from './synthetic-preview';
import { UploadPanel } from './upload-panel';

export function DatasetDetail({ datasetId }: { datasetId: string }) {
  const router = useRouter();
  const [split, setSplit] = useState<'ALL' | 'TRAIN' | 'TEST'>('ALL');
  // refresh while videos are being imported, so their status and frame counts appear by themselves
  const [poll, setPoll] = useState(false);
  const { data, error, loading, refetch } = useQuery(DatasetDetailQuery, { id: datasetId }, { pollMs: poll ? 2000 : undefined });
  const processing = Boolean(data?.dataset?.latestVersion?.videos.some((v) => v.status === 'UPLOADED' || v.status === 'PROCESSING'));
  useEffect(() => {
    setPoll(processing);
  }, [processing]);
  const rename = useMutation(RenameDatasetMutation);
  const remove = useMutation(DeleteDatasetMutation);
  const [newName, setNewName] = useState<string>();

  if (loading) return <LoadingState label="data set" />;
  if (error !== undefined) return <ErrorState error={error} onRetry={refetch} />;
  const dataset = data?.dataset;
  if (!dataset) {
    return (
      <EmptyState title="This data set does not exist" action={<Link className="button" href="/datasets">All data sets</Link>}>
        It may have been deleted, or it belongs to another team.
      </EmptyState>
    );
  }
  const videos = (dataset.latestVersion?.videos ?? []).filter((v) => split === 'ALL' || v.split === split);
  const latest = dataset.versions.find((v) => v.id === dataset.latestVersion?.id);
  const summary = readDatasetSummary(latest?.summary);
  // the preview draws from training frames, so it needs at least one decoded training video
  const testVideos = (dataset.latestVersion?.videos ?? []).filter((v) => v.split === 'TEST');
  const hasTrainingVideos = (dataset.latestVersion?.videos ?? []).some((v) => v.split === 'TRAIN' && v.status === 'READY');

  return (
    <section className="stack">
      <div className="page-head">
        <div>
          <p className="small" style={{ margin: 0 }}>
            <Link href="/datasets">Data sets</Link> /
          </p>
          {newName === undefined ? (
            <h1>{dataset.name}</h1>
          ) : (
            <form
              className="row"
              onSubmit={async (event) => {
                event.preventDefault();
                if (await rename.mutate({ id: dataset.id, name: newName.trim() })) {
                  setNewName(undefined);
                  void refetch();
                }
              }}
            >
              <label>
                Name
                <input value={newName} onChange={(event) => setNewName(event.target.value)} autoFocus />
              </label>
              <button type="submit" disabled={!newName.trim() || rename.running}>
                Save
              </button>
              <button type="button" className="secondary" onClick={() => setNewName(undefined)}>
                Cancel
              </button>
            </form>
          )}
          <InlineError error={rename.error} />
        </div>
        <div className="row">
          <Link className="button secondary" href={`/leaderboard?dataset=${dataset.id}`}>
            Leaderboard
          </Link>
          {latest && (
            <Link className="button" href={`/jobs/new?kind=train&datasetVersionId=${latest.id}`}>
              Train on this data set
            </Link>
          )}
          <button type="button" className="secondary" onClick={() => setNewName(dataset.name)}>
            Rename
          </button>
          <button
            type="button"
            className="danger"
            disabled={remove.running}
            onClick={async () => {
              if (!window.confirm(`Delete the data set “${dataset.name}” with its videos? Models trained on it keep their metrics.`)) return;
              if (await remove.mutate({ id: dataset.id })) router.push('/datasets');
            }}
          >
            Delete
          </button>
        </div>
      </div>
      <InlineError error={remove.error} />

      {latest && (
        <p className="muted small">
          Version v{latest.number} · {latest.format} · hash <span className="mono">{latest.contentHash.slice(0, 12)}</span> · {formatCount(summary.trainVideos)} train /{' '}
          {formatCount(summary.testVideos)} test videos · {formatCount(summary.testFrames)} test frames, {formatCount(summary.abnormalTestFrames)} abnormal
          {summary.hasPixelMasks ? ' · pixel masks' : ''} · {dataset.versions.length} version{dataset.versions.length === 1 ? '' : 's'}
        </p>
      )}

      {/* training videos first: a data set without them cannot train a model */}
      <UploadPanel datasetId={dataset.id} defaultSplit={(summary.trainVideos ?? 0) > 0 ? 'test' : 'train'} onImported={() => void refetch()} />

      <div className="card">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 style={{ margin: 0 }}>Videos</h2>
          {testVideos.length > 0 && <LabelsFileButton videos={testVideos} onSaved={() => void refetch()} />}
          <div className="segmented" role="group" aria-label="Show videos of">
            {(['ALL', 'TRAIN', 'TEST'] as const).map((s) => (
              <button key={s} type="button" aria-pressed={split === s} onClick={() => setSplit(s)}>
                {s === 'ALL' ? 'All' : s === 'TRAIN' ? 'Train' : 'Test'}
              </button>
            ))}
          </div>
        </div>
        {videos.length === 0 ? (
          <EmptyState title={dataset.latestVersion ? 'No videos in this split' : 'No videos yet'}>
            Upload training videos (normal behaviour only) and test videos with ground truth above. Each upload is decoded by an import job;
            its status shows here.
          </EmptyState>
        ) : (
          <div className="table-wrap" style={{ marginTop: '0.75rem' }}>
            <table aria-label="Videos">
              <thead>
                <tr>
                  <th scope="col">Preview</th>
                  <th scope="col">Name</th>
                  <th scope="col">Split</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Frames
                  </th>
                  <th scope="col">Size</th>
                  <th scope="col">Ground truth</th>
                </tr>
              </thead>
              <tbody>
                {videos.map((video) => (
                  <tr key={video.id} data-testid="video-row">
                    <td>
                      {video.status === 'READY' ? (
                        <img className="thumb" src={sameOriginUrl(video.frameUrl)} alt={`First frame of ${video.name}`} loading="lazy" />
                      ) : (
                        <div className="thumb" aria-hidden="true" />
                      )}
                    </td>
                    <td>{video.name}</td>
                    <td>{video.split.toLowerCase()}</td>
                    <td>
                      <StatusBadge status={video.status} title={video.error ?? undefined} />
                      {video.error && <div className="bad small">{video.error}</div>}
                    </td>
                    <td className="num">{formatCount(video.frameCount)}</td>
                    <td className="small">
                      {video.width}×{video.height}
                      {video.fps ? ` · ${video.fps} fps` : ''} · {formatBytes(video.sizeBytes)}
                    </td>
                    <td>
                      {video.hasGroundTruth ? (
                        <span className="small">
                          {video.abnormalIntervals.length} abnormal interval{video.abnormalIntervals.length === 1 ? '' : 's'}
                          {video.hasPixelMasks ? ' · masks' : ''}
                        </span>
                      ) : (
                        <span className="muted small">none </span>
                      )}{' '}
                      {video.split === 'TEST' && <GroundTruthButton videoId={video.id} videoName={video.name} frameCount={video.frameCount} onSaved={() => void refetch()} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>

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
