// Leaderboard rows for tests: a small board with one row that is not comparable.
import type { Leaderboard, LeaderboardRow } from './leaderboard-row';

export function leaderboardRow(overrides: Partial<LeaderboardRow> & { name?: string; version?: number }): LeaderboardRow {
  const { name = 'sdmae', version = 1, ...rest } = overrides;
  return {
    rank: 1,
    microAuc: 0.9,
    macroAuc: 0.9,
    rbdc: 0.5,
    tbdc: 0.6,
    framesPerSecond: 100,
    parameterCount: 1_000_000,
    protocolName: 'paper',
    checkpointRule: 'last-epoch',
    datasetVersionNumber: 2,
    comparable: true,
    createdAt: '2025-01-01T10:00:00.000Z',
    author: { id: 'u1', name: 'Ada' },
    evaluation: { id: `e-${name}-${version}`, job: null, inferenceJob: null },
    modelVersion: { id: `mv-${name}-${version}`, number: version, model: { id: `m-${name}`, name } },
    ...rest,
  };
}

export function leaderboardFixture(): Leaderboard {
  return {
    metric: 'MICRO_AUC',
    protocol: 'paper',
    csvUrl: '/files/leaderboards/d1.csv?metric=MICRO_AUC&protocol=paper',
    dataset: { id: 'd1', name: 'ped2' },
    datasetVersion: { id: 'dv2', number: 2, contentHash: 'abc123' },
    rows: [
      leaderboardRow({ name: 'alpha', rank: 1, microAuc: 0.95, macroAuc: 0.9, framesPerSecond: 50, createdAt: '2025-01-02T00:00:00.000Z' }),
      leaderboardRow({ name: 'beta', rank: 2, microAuc: 0.93, macroAuc: 0.97, framesPerSecond: null, createdAt: '2025-01-03T00:00:00.000Z' }),
      leaderboardRow({
        name: 'gamma',
        rank: 3,
        microAuc: 0.99,
        macroAuc: 0.99,
        comparable: false,
        datasetVersionNumber: 1,
        framesPerSecond: 400,
        createdAt: '2025-01-01T00:00:00.000Z',
      }),
    ],
    references: [{ source: 'Ristea et al., CVPR 2024 (paper)', microAuc: 0.954, macroAuc: 0.979, rbdc: 0.702, tbdc: 0.801, framesPerSecond: 1655 }],
  };
}
