// Why a leaderboard row cannot be compared with the board (docs/evaluation.md: results compare only under the
// same protocol and data-set version), in words for the row's mark.
import type { Leaderboard, LeaderboardRow } from './leaderboard-row';

export function incomparableReason(row: LeaderboardRow, board: Pick<Leaderboard, 'protocol' | 'datasetVersion'>): string | undefined {
  if (row.comparable) return undefined;
  const reasons: string[] = [];
  if (row.protocolName !== board.protocol) reasons.push(`protocol “${row.protocolName}”, the board uses “${board.protocol}”`);
  if (board.datasetVersion && row.datasetVersionNumber !== board.datasetVersion.number) {
    reasons.push(`data set v${row.datasetVersionNumber}, the board compares v${board.datasetVersion.number}`);
  }
  return reasons.length ? reasons.join('; ') : 'evaluated under a different protocol or data-set version';
}
