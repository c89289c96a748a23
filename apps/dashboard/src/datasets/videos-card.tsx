// A data set's videos: thumbnails, split, import status, frame counts, ground truth and the buttons that set it.
'use client';
import { useState } from 'react';
import { EmptyState } from '../feedback/empty-state';
import { formatBytes, formatCount } from '../format/format-count';
import type { DatasetDetailQuery as DatasetDetailData } from '../graphql/generated/graphql';
import { sameOriginUrl } from '../graphql/same-origin-url';
import { GroundTruthButton } from './ground-truth-button';
import { LabelsFileButton } from './labels-file-button';
import { MasksButton } from './masks-button';
import { StatusBadge } from './status-badge';

type Video = NonNullable<NonNullable<DatasetDetailData['dataset']>['latestVersion']>['videos'][number];

interface VideosCardProps {
  /** The latest version's videos; none before the first upload. */
  allVideos: readonly Video[];
  hasVersion: boolean;
  onChanged(): void;
}

export function VideosCard({ allVideos, hasVersion, onChanged }: VideosCardProps) {
  const [split, setSplit] = useState<'ALL' | 'TRAIN' | 'TEST'>('ALL');
  const videos = allVideos.filter((v) => split === 'ALL' || v.split === split);
  const testVideos = allVideos.filter((v) => v.split === 'TEST');
  return (
    <div className="card">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 style={{ margin: 0 }}>Videos</h2>
        {testVideos.length > 0 && <LabelsFileButton videos={testVideos} onSaved={() => onChanged()} />}
        <div className="segmented" role="group" aria-label="Show videos of">
          {(['ALL', 'TRAIN', 'TEST'] as const).map((s) => (
            <button key={s} type="button" aria-pressed={split === s} onClick={() => setSplit(s)}>
              {s === 'ALL' ? 'All' : s === 'TRAIN' ? 'Train' : 'Test'}
            </button>
          ))}
        </div>
      </div>
      {videos.length === 0 ? (
        <EmptyState title={hasVersion ? 'No videos in this split' : 'No videos yet'}>
          Upload training videos (normal behaviour only) and test videos with ground truth above. Each upload is decoded by an import job; its status shows
          here.
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
                    {video.split === 'TEST' && (
                      <GroundTruthButton videoId={video.id} videoName={video.name} frameCount={video.frameCount} onSaved={() => onChanged()} />
                    )}{' '}
                    {video.split === 'TEST' && video.status === 'READY' && (
                      <MasksButton videoId={video.id} videoName={video.name} hasMasks={video.hasPixelMasks} onSaved={() => onChanged()} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
