// The rows the score timeline plots: the frame score, and optionally the raw components rescaled into
// the score's range so they share its axis (their own units differ; the shape is what matters here).
export type ComponentName = 'teacherError' | 'discrepancy' | 'classifier';

export interface TimelineRow {
  frame: number;
  score: number;
  teacherError?: number;
  discrepancy?: number;
  classifier?: number;
}

export interface ComponentSeries {
  teacherError: readonly number[];
  discrepancy: readonly number[];
  classifier: readonly number[];
}

function rescaler(values: readonly number[], min: number, max: number): (v: number) => number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo;
  return span > 0 ? (v) => min + ((v - lo) / span) * (max - min) : () => min;
}

export function timelineRows(
  scores: readonly number[],
  components: ComponentSeries,
  shown: readonly ComponentName[],
  range: { min: number; max: number },
): TimelineRow[] {
  const scale = Object.fromEntries(
    shown.filter((name) => components[name].length === scores.length).map((name) => [name, rescaler(components[name], range.min, range.max)]),
  ) as Partial<Record<ComponentName, (v: number) => number>>;
  return scores.map((score, frame) => {
    const row: TimelineRow = { frame, score };
    for (const name of shown) {
      const f = scale[name];
      if (f) row[name] = f(components[name][frame]);
    }
    return row;
  });
}
