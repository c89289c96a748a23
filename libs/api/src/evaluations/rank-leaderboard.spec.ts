import type { LeaderboardEntry, Store } from '@vad/db';
import { rankLeaderboard } from './rank-leaderboard';

const entry = (id: string, microAuc: number | null, protocolName = 'paper', datasetVersionId = 'v2', day = 1): LeaderboardEntry => ({
  evaluation: {
    id,
    microAuc,
    macroAuc: null,
    rbdc: null,
    tbdc: null,
    protocolName,
    datasetVersionId,
    createdAt: new Date(2026, 0, day),
    metrics: { framesPerSecond: 10 },
  } as unknown as Store.Evaluation,
  modelVersion: { id: `mv-${id}` } as Store.ModelVersion,
  datasetVersionNumber: datasetVersionId === 'v2' ? 2 : 1,
});

describe('rankLeaderboard', () => {
  it('ranks comparable rows by the metric, then lists the others without a rank, marked as not comparable', () => {
    const rows = rankLeaderboard(
      [entry('low', 0.7), entry('old-version', 0.99, 'paper', 'v1'), entry('high', 0.9), entry('other-protocol', 0.95, 'reference-code'), entry('none', null)],
      'MICRO_AUC',
      'paper',
      'v2',
    );
    expect(rows.map((r) => [r.rank, r.evaluation.id, r.comparable])).toEqual([
      [1, 'high', true],
      [2, 'low', true],
      [3, 'none', true],
      [null, 'old-version', false],
      [null, 'other-protocol', false],
    ]);
    expect(rows[0].framesPerSecond).toBe(10);
  });

  it('breaks ties by the newer evaluation', () => {
    const rows = rankLeaderboard([entry('older', 0.8, 'paper', 'v2', 1), entry('newer', 0.8, 'paper', 'v2', 5)], 'MICRO_AUC', 'paper', 'v2');
    expect(rows.map((r) => r.evaluation.id)).toEqual(['newer', 'older']);
  });
});
