// A training job's loss curve: one chart per stage (training step against loss), with each epoch's
// validation loss as a point when the training holds out validation videos.
'use client';
import { CartesianGrid, Label, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { lossCurveSeries, type CurvePoint, type EpochPoint, type StageSeries } from './loss-curve-series';

export function LossChart({ curve, epochs }: { curve: readonly CurvePoint[]; epochs: readonly EpochPoint[] }) {
  return (
    <div className="stack">
      {lossCurveSeries(curve, epochs).map((series) => (
        <StageChart key={series.stage} series={series} />
      ))}
    </div>
  );
}

function StageChart({ series }: { series: StageSeries }) {
  const last = series.rows.filter((r) => r.loss !== undefined).at(-1);
  return (
    <figure style={{ margin: 0 }} aria-label={`${series.title}: loss over ${series.rows.length} points, last ${last?.loss?.toPrecision(4) ?? '—'}`}>
      <figcaption className="small muted">{series.title}</figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={series.rows} margin={{ top: 8, right: 16, bottom: 18, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="globalStep" type="number" domain={['dataMin', 'dataMax']} stroke="var(--muted)" fontSize={12} allowDecimals={false}>
            <Label value="training step" position="insideBottom" offset={-12} fill="var(--muted)" fontSize={12} />
          </XAxis>
          <YAxis stroke="var(--muted)" fontSize={12} width={56} tickFormatter={(v: number) => v.toPrecision(3)} domain={['auto', 'auto']}>
            <Label value="loss" angle={-90} position="insideLeft" fill="var(--muted)" fontSize={12} />
          </YAxis>
          <Tooltip
            isAnimationActive={false}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--fg)', fontSize: 12 }}
            labelFormatter={(label) => `step ${label}`}
            formatter={(value) => (typeof value === 'number' ? value.toPrecision(4) : String(value))}
          />
          {series.hasValidation && <Legend verticalAlign="top" height={20} iconSize={10} wrapperStyle={{ fontSize: 12 }} />}
          <Line name="training loss" dataKey="loss" dot={false} stroke="var(--chart-1)" strokeWidth={1.6} isAnimationActive={false} connectNulls />
          {series.hasValidation && (
            <Line
              name="validation loss (per epoch)"
              dataKey="validationLoss"
              stroke="var(--chart-2)"
              strokeWidth={1.6}
              dot={{ r: 3 }}
              isAnimationActive={false}
              connectNulls
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
