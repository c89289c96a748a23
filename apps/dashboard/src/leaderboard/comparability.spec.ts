import { incomparableReason } from './comparability';
import { leaderboardFixture, leaderboardRow } from './leaderboard-fixtures';

describe('incomparableReason', () => {
  const board = leaderboardFixture();

  it('says nothing for a comparable row', () => {
    expect(incomparableReason(board.rows[0], board)).toBeUndefined();
  });

  it('names the data-set version that differs', () => {
    expect(incomparableReason(board.rows[2], board)).toBe('data set v1, the board compares v2');
  });

  it('names the protocol that differs', () => {
    const row = leaderboardRow({ comparable: false, protocolName: 'no-smoothing' });
    expect(incomparableReason(row, board)).toBe('protocol “no-smoothing”, the board uses “paper”');
  });

  it('falls back to a general reason when the API knows more than the row shows', () => {
    expect(incomparableReason(leaderboardRow({ comparable: false }), board)).toMatch(/different protocol or data-set version/);
  });
});
