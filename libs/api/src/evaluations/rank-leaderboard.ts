// Orders a data set's evaluations into leaderboard rows: comparable rows (the board's protocol and the
// latest data-set version) ranked by the metric, best first; the rest after them without a rank, newest first.
import type { LeaderboardEntry } from '@vad/db';
import type { LeaderboardRowModel } from '../graphql/mappers';

export type LeaderboardMetricName = 'MICRO_AUC' | 'MACRO_AUC' | 'RBDC' | 'TBDC';

const field: Record<LeaderboardMetricName, 'microAuc' | 'macroAuc' | 'rbdc' | 'tbdc'> = {
  MICRO_AUC: 'microAuc',
  MACRO_AUC: 'macroAuc',
  RBDC: 'rbdc',
  TBDC: 'tbdc',
};

export function rankLeaderboard(
  entries: readonly LeaderboardEntry[],
  metric: LeaderboardMetricName,
  protocolName: string,
  boardDatasetVersionId: string | undefined,
): LeaderboardRowModel[] {
  const value = (e: LeaderboardEntry) => e.evaluation[field[metric]];
  const isComparable = (e: LeaderboardEntry) => e.evaluation.protocolName === protocolName && e.evaluation.datasetVersionId === boardDatasetVersionId;
  const byMetric = (a: LeaderboardEntry, b: LeaderboardEntry) =>
    (value(b) ?? -Infinity) - (value(a) ?? -Infinity) || b.evaluation.createdAt.getTime() - a.evaluation.createdAt.getTime();
  const comparable = entries.filter(isComparable).sort(byMetric);
  const others = entries.filter((e) => !isComparable(e)).sort((a, b) => b.evaluation.createdAt.getTime() - a.evaluation.createdAt.getTime());
  return [...comparable, ...others].map((entry, i) => ({
    rank: i < comparable.length ? i + 1 : null,
    evaluation: entry.evaluation,
    modelVersion: entry.modelVersion,
    framesPerSecond: (entry.evaluation.metrics as { framesPerSecond?: number } | null)?.framesPerSecond ?? null,
    comparable: isComparable(entry),
    datasetVersionNumber: entry.datasetVersionNumber,
  }));
}
