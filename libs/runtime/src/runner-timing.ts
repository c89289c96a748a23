// Heartbeat, takeover and sweep intervals of a worker, all derived from one setting (VAD_JOB_STALE_SECONDS).
import type { VadConfig } from '@vad/config';

export function runnerTiming(config: VadConfig) {
  const staleAfterMs = config.jobStaleSeconds * 1000;
  return { staleAfterMs, heartbeatMs: Math.max(100, staleAfterMs / 4), sweepMs: Math.max(500, staleAfterMs / 2) };
}
