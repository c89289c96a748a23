// The run viewer's score card: the timeline with ground truth and flagged frames, the series also plotted,
// and the threshold with what it flags.
import type { Dispatch, SetStateAction } from 'react';
import { EmptyState } from '../feedback/empty-state';
import type { FrameInterval } from './frame-intervals';
import { ScoreTimeline } from './score-timeline';
import type { ThresholdStats } from './threshold-stats';
import type { ComponentName, TimelineRow } from './timeline-rows';

const SERIES: { value: ComponentName; label: string }[] = [
  { value: 'teacherError', label: 'Teacher error' },
  { value: 'discrepancy', label: 'Discrepancy' },
  { value: 'classifier', label: 'Classifier' },
];

interface ScoreCardProps {
  protocol: string;
  stagesNotApplied: readonly string[];
  scores: readonly number[];
  frameCount: number;
  rows: TimelineRow[];
  range: { min: number; max: number };
  frame: number;
  groundTruth: readonly FrameInterval[];
  flagged: readonly FrameInterval[];
  series: ComponentName[];
  setSeries: Dispatch<SetStateAction<ComponentName[]>>;
  threshold: number;
  setThreshold(threshold: number): void;
  stats: ThresholdStats;
  onSeek(frame: number): void;
}

export function ScoreCard(props: ScoreCardProps) {
  const {
    protocol,
    stagesNotApplied,
    scores,
    frameCount,
    rows,
    range,
    frame,
    groundTruth,
    flagged,
    series,
    setSeries,
    threshold,
    setThreshold,
    stats,
    onSeek,
  } = props;
  const step = (range.max - range.min) / 200;
  return (
    <div className="card span-all">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 style={{ margin: 0 }}>Anomaly score</h2>
        <fieldset className="row" style={{ margin: 0, padding: '0.2rem 0.6rem' }}>
          <legend>Also plot</legend>
          {SERIES.map((s) => (
            <label key={s.value} className="inline">
              <input
                type="checkbox"
                checked={series.includes(s.value)}
                onChange={(event) => setSeries((now) => (event.target.checked ? [...now, s.value] : now.filter((v) => v !== s.value)))}
              />
              {s.label}
            </label>
          ))}
        </fieldset>
      </div>
      {stagesNotApplied.length > 0 && (
        <p className="bad small" role="note">
          These scores skip stages of {protocol}: {stagesNotApplied.join(', ')} (the run was recorded before token maps were kept). Run inference again for the
          protocol's own scores.
        </p>
      )}
      {scores.length === 0 ? (
        <EmptyState title="No scores for this run">The inference job may still be running or may have failed.</EmptyState>
      ) : (
        <ScoreTimeline
          rows={rows}
          range={range}
          threshold={threshold}
          frame={frame}
          groundTruth={groundTruth}
          flagged={flagged}
          shownComponents={series}
          onSeek={onSeek}
        />
      )}
      <div className="row" style={{ marginTop: '0.5rem' }}>
        <label style={{ flex: '1 1 16rem' }}>
          Threshold: <strong className="mono">{threshold.toPrecision(3)}</strong>
          <input
            type="range"
            min={range.min}
            max={range.max}
            step={step}
            value={threshold}
            onChange={(event) => setThreshold(Number(event.target.value))}
            aria-label="Threshold"
          />
        </label>
        <p className="small" style={{ margin: 0 }} aria-live="polite" data-testid="threshold-stats">
          {stats.flagged} of {frameCount} frames flagged
          {stats.recall !== undefined && ` · ${(stats.recall * 100).toFixed(0)} % of abnormal frames caught`}
          {stats.falsePositiveRate !== undefined && ` · ${(stats.falsePositiveRate * 100).toFixed(1)} % false alarms`}
        </p>
      </div>
    </div>
  );
}
