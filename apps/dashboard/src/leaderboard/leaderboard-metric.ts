// The metrics a leaderboard can rank by, with their labels (shared by the page and its settings).
import type { LeaderboardMetric } from '../graphql/generated/graphql';

export const LEADERBOARD_METRICS: { value: LeaderboardMetric; label: string }[] = [
  { value: 'MICRO_AUC', label: 'Micro AUC' },
  { value: 'MACRO_AUC', label: 'Macro AUC' },
  { value: 'RBDC', label: 'RBDC' },
  { value: 'TBDC', label: 'TBDC' },
];

export function isLeaderboardMetric(value: string | undefined): value is LeaderboardMetric {
  return LEADERBOARD_METRICS.some((metric) => metric.value === value);
}
