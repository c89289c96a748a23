// The training loss per step, as the job reports it.
'use client';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export function LossChart({ losses }: { losses: readonly number[] }) {
  const data = losses.map((loss, step) => ({ step: step + 1, loss }));
  return (
    <figure style={{ margin: 0 }} aria-label={`Loss curve over ${losses.length} steps, last ${losses.at(-1)?.toPrecision(4) ?? '—'}`}>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="step" type="number" domain={[1, 'dataMax']} stroke="var(--muted)" fontSize={12} allowDecimals={false} />
          <YAxis stroke="var(--muted)" fontSize={12} width={52} tickFormatter={(v: number) => v.toPrecision(3)} domain={['auto', 'auto']} />
          <Tooltip
            isAnimationActive={false}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--fg)', fontSize: 12 }}
            labelFormatter={(label) => `step ${label}`}
            formatter={(value) => (typeof value === 'number' ? value.toPrecision(4) : String(value))}
          />
          <Line dataKey="loss" dot={false} stroke="var(--chart-1)" strokeWidth={1.6} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
