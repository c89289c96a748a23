// What every speed benchmark of the library takes: how many timed and untimed runs, the size of the
// matMul that measures the engine's peak, the seed of the synthetic inputs, a clock and a log.
// Defaults differ per benchmark and are documented there.

export interface BenchTimingOptions {
  /** Timed runs per figure; the median is reported. */
  runs?: number;
  /** Untimed runs first: set-up, kernel compilation, caches. */
  warmupRuns?: number;
  /** Side of the square float32 matrices of the peak measurement. */
  matMulSize?: number;
  seed?: number;
  /** Milliseconds clock (default performance.now). */
  now?: () => number;
  /** Receives a line per figure as it is measured. */
  log?: (line: string) => void;
}
