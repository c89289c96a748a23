// A ROC curve with its AUC in the title and the chance diagonal for scale.
'use client';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatMetric } from '../format/format-metric';
import type { RocPoint } from './roc-points';

export function RocChart({ points, auc, title }: { points: readonly RocPoint[]; auc: number | null | undefined; title: string }) {
  return (
    <figure style={{ margin: 0 }} aria-label={`${title}: AUC ${formatMetric(auc)} %`}>
      <figcaption className="small">
        {title} — AUC <strong>{formatMetric(auc)} %</strong>
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={points as RocPoint[]} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis
            dataKey="fpr"
            type="number"
            domain={[0, 1]}
            tickCount={6}
            stroke="var(--muted)"
            fontSize={12}
            label={{ value: 'false-positive rate', position: 'insideBottom', offset: -8, fill: 'var(--muted)', fontSize: 12 }}
          />
          <YAxis dataKey="tpr" type="number" domain={[0, 1]} tickCount={6} stroke="var(--muted)" fontSize={12} width={40} />
          <ReferenceLine
            segment={[
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ]}
            stroke="var(--muted)"
            strokeDasharray="4 4"
          />
          <Line dataKey="tpr" dot={false} stroke="var(--chart-1)" strokeWidth={2} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
