// The run viewer's ROC card: this video's frame-level curve, or the evaluation's curve over all test videos.
'use client';
import { useState } from 'react';
import { RocChart } from './roc-chart';
import type { RocPoint } from './roc-points';

interface RocCardProps {
  video: { name: string };
  protocol: string;
  /** This video's curve; undefined without ground truth or with one class of frames. */
  ownRoc: { points: RocPoint[]; auc: number } | undefined;
  hasLabels: boolean;
  evaluationRoc: RocPoint[] | undefined;
  evaluationMicroAuc: number | null | undefined;
}

export function RocCard({ video, protocol, ownRoc, hasLabels, evaluationRoc, evaluationMicroAuc }: RocCardProps) {
  const [rocSource, setRocSource] = useState<'video' | 'evaluation'>('video');
  return (
    <div className="card">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 style={{ margin: 0 }}>ROC curve</h2>
        <div className="segmented" role="group" aria-label="ROC of">
          <button type="button" aria-pressed={rocSource === 'video'} onClick={() => setRocSource('video')}>
            This video
          </button>
          <button type="button" aria-pressed={rocSource === 'evaluation'} onClick={() => setRocSource('evaluation')} disabled={!evaluationRoc}>
            All test videos
          </button>
        </div>
      </div>
      {rocSource === 'video' &&
        (ownRoc ? (
          <RocChart points={ownRoc.points} auc={ownRoc.auc} title={`${video.name}, frame level`} />
        ) : (
          <p className="muted">
            {hasLabels ? 'This video has only one class of frames, so it has no ROC curve.' : 'This video has no ground truth, so it has no ROC curve.'}
          </p>
        ))}
      {rocSource === 'evaluation' && evaluationRoc && (
        <RocChart points={evaluationRoc} auc={evaluationMicroAuc ?? undefined} title={`All test videos (micro), protocol ${protocol}`} />
      )}
    </div>
  );
}
