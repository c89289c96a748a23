import { leaderboardFixture, leaderboardRow } from './leaderboard-fixtures';
import { nextSortOrder, sortLeaderboardRows, sortReferenceRows } from './sort-leaderboard';

const names = (rows: { modelVersion: { model: { name: string } } }[]) => rows.map((r) => r.modelVersion.model.name);

describe('sortLeaderboardRows', () => {
  const { rows } = leaderboardFixture();

  it('sorts comparable rows by the metric, best first, and keeps the incomparable row last', () => {
    expect(names(sortLeaderboardRows(rows, { key: 'microAuc', direction: 'desc' }))).toEqual(['alpha', 'beta', 'gamma']);
    expect(names(sortLeaderboardRows(rows, { key: 'macroAuc', direction: 'desc' }))).toEqual(['beta', 'alpha', 'gamma']);
  });

  it('puts a missing value last in both directions', () => {
    expect(names(sortLeaderboardRows(rows, { key: 'framesPerSecond', direction: 'desc' }))).toEqual(['alpha', 'beta', 'gamma']);
    expect(names(sortLeaderboardRows(rows, { key: 'framesPerSecond', direction: 'asc' }))).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('sorts by date and by model name', () => {
    expect(names(sortLeaderboardRows(rows, { key: 'createdAt', direction: 'desc' }))).toEqual(['beta', 'alpha', 'gamma']);
    const more = [leaderboardRow({ name: 'zeta' }), leaderboardRow({ name: 'eta', version: 2 }), leaderboardRow({ name: 'eta', version: 10 })];
    const sorted = sortLeaderboardRows(more, { key: 'model', direction: 'asc' });
    expect(sorted.map((r) => `${r.modelVersion.model.name}${r.modelVersion.number}`)).toEqual(['eta2', 'eta10', 'zeta1']);
  });

  it('does not change the rows it was given', () => {
    const before = names(rows);
    sortLeaderboardRows(rows, { key: 'macroAuc', direction: 'asc' });
    expect(names(rows)).toEqual(before);
  });
});

describe('nextSortOrder', () => {
  it('flips the direction of the sorted column', () => {
    expect(nextSortOrder({ key: 'rbdc', direction: 'desc' }, 'rbdc')).toEqual({ key: 'rbdc', direction: 'asc' });
  });

  it('sorts a new metric column best first, parameters smallest first', () => {
    expect(nextSortOrder({ key: 'rank', direction: 'asc' }, 'tbdc')).toEqual({ key: 'tbdc', direction: 'desc' });
    expect(nextSortOrder({ key: 'rank', direction: 'asc' }, 'parameterCount')).toEqual({ key: 'parameterCount', direction: 'asc' });
  });
});

describe('sortReferenceRows', () => {
  it('sorts references on a metric column', () => {
    const refs = [
      { source: 'a', microAuc: 0.8, macroAuc: null, rbdc: null, tbdc: null, framesPerSecond: null },
      { source: 'b', microAuc: 0.9, macroAuc: null, rbdc: null, tbdc: null, framesPerSecond: null },
    ];
    expect(sortReferenceRows(refs, { key: 'microAuc', direction: 'desc' }).map((r) => r.source)).toEqual(['b', 'a']);
    expect(sortReferenceRows(refs, { key: 'rank', direction: 'asc' }).map((r) => r.source)).toEqual(['a', 'b']);
  });
});
