// The per-frame anomaly score over a video: ground-truth abnormal intervals shaded, frames at or above the
// threshold marked, the threshold and the current frame drawn; a click anywhere seeks to that frame.
'use client';
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { axisTickFormatter } from './axis-format';
import { frameAtX } from './frame-at-x';
import type { FrameInterval } from './frame-intervals';
import type { ComponentName, TimelineRow } from './timeline-rows';

export interface ScoreTimelineProps {
  rows: readonly TimelineRow[];
  range: { min: number; max: number };
  threshold: number;
  frame: number;
  groundTruth: readonly FrameInterval[];
  flagged: readonly FrameInterval[];
  shownComponents: readonly ComponentName[];
  onSeek(frame: number): void;
}

const COMPONENT_STYLE: Record<ComponentName, { label: string; colour: string }> = {
  teacherError: { label: 'Teacher error', colour: 'var(--chart-3)' },
  discrepancy: { label: 'Discrepancy', colour: 'var(--chart-4)' },
  classifier: { label: 'Classifier', colour: 'var(--chart-2)' },
};

const format = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3));

export function ScoreTimeline(props: ScoreTimelineProps) {
  const { rows, range, threshold, frame, groundTruth, flagged, shownComponents, onSeek } = props;
  const last = Math.max(0, rows.length - 1);
  // the flagged band sits in the top 6% of the plot, under the ground-truth shading
  const band = range.max - (range.max - range.min) * 0.06;
  const tick = axisTickFormatter(range);
  return (
    <div
      className="timeline"
      data-testid="score-timeline"
      role="slider"
      tabIndex={0}
      aria-label="Frame on the score timeline (click or use the arrow keys)"
      aria-valuemin={0}
      aria-valuemax={last}
      aria-valuenow={frame}
      aria-valuetext={`frame ${frame} of ${last}`}
      onClick={(event) => {
        // the grid spans exactly the plot area, so a click maps to a frame whether or not it hits a point
        const grid = event.currentTarget.querySelector('.recharts-cartesian-grid');
        if (!grid) return;
        const box = grid.getBoundingClientRect();
        onSeek(frameAtX(event.clientX, box.left, box.width, last));
      }}
    >
      <ResponsiveContainer width="100%" height={230}>
        <ComposedChart data={rows as TimelineRow[]} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="frame" type="number" domain={[0, last]} allowDecimals={false} stroke="var(--muted)" fontSize={12} />
          <YAxis domain={[range.min, range.max]} tickFormatter={tick} stroke="var(--muted)" fontSize={12} width={56} allowDataOverflow />
          {groundTruth.map(([start, end]) => (
            <ReferenceArea key={`gt-${start}`} x1={start - 0.5} x2={end + 0.5} fill="var(--gt)" fillOpacity={1} ifOverflow="hidden" />
          ))}
          {flagged.map(([start, end]) => (
            <ReferenceArea
              key={`fl-${start}`}
              x1={start - 0.5}
              x2={end + 0.5}
              y1={band}
              y2={range.max}
              fill="var(--chart-2)"
              fillOpacity={0.55}
              ifOverflow="hidden"
            />
          ))}
          {shownComponents.map((name) => (
            <Line
              key={name}
              dataKey={name}
              name={`${COMPONENT_STYLE[name].label} (scaled)`}
              dot={false}
              stroke={COMPONENT_STYLE[name].colour}
              strokeWidth={1}
              strokeOpacity={0.8}
              isAnimationActive={false}
            />
          ))}
          <Line dataKey="score" name="Score" dot={false} stroke="var(--chart-1)" strokeWidth={1.6} isAnimationActive={false} />
          <ReferenceLine y={threshold} stroke="var(--chart-2)" strokeDasharray="5 4" ifOverflow="extendDomain" />
          <ReferenceLine x={frame} stroke="var(--fg)" strokeWidth={1.5} />
          <Tooltip
            isAnimationActive={false}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--fg)', fontSize: 12 }}
            labelFormatter={(label) => `frame ${label}`}
            formatter={(value) => (typeof value === 'number' ? format(value) : String(value))}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <div className="legend" aria-hidden="true">
        <span>
          <span className="swatch" style={{ background: 'var(--chart-1)' }} />
          score
        </span>
        <span>
          <span className="swatch" style={{ background: 'var(--gt)', border: '1px solid var(--bad)' }} />
          ground truth abnormal
        </span>
        <span>
          <span className="swatch" style={{ background: 'var(--chart-2)' }} />
          at or above threshold
        </span>
        {shownComponents.map((name) => (
          <span key={name}>
            <span className="swatch" style={{ background: COMPONENT_STYLE[name].colour }} />
            {COMPONENT_STYLE[name].label.toLowerCase()} (scaled)
          </span>
        ))}
      </div>
    </div>
  );
}
