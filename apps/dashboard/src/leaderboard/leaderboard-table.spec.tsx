import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { leaderboardFixture } from './leaderboard-fixtures';
import { LeaderboardTable } from './leaderboard-table';

const modelOrder = () => screen.getAllByTestId('leaderboard-row').map((row) => within(row).getByRole('link').textContent);

describe('LeaderboardTable', () => {
  it('lists rows in rank order at first', () => {
    render(<LeaderboardTable board={leaderboardFixture()} />);
    expect(modelOrder()).toEqual(['alpha v1', 'beta v1', 'gamma v1']);
    expect(screen.getByRole('columnheader', { name: /Rank/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('sorts by a metric when its header is clicked, and flips on a second click', async () => {
    const user = userEvent.setup();
    render(<LeaderboardTable board={leaderboardFixture()} />);
    await user.click(screen.getByRole('button', { name: /Macro AUC/ }));
    expect(modelOrder()).toEqual(['beta v1', 'alpha v1', 'gamma v1']);
    expect(screen.getByRole('columnheader', { name: /Macro AUC/ })).toHaveAttribute('aria-sort', 'descending');
    await user.click(screen.getByRole('button', { name: /Macro AUC/ }));
    expect(modelOrder()).toEqual(['alpha v1', 'beta v1', 'gamma v1']);
  });

  it('marks the row from another data-set version as not comparable, with the reason', () => {
    render(<LeaderboardTable board={leaderboardFixture()} />);
    const gamma = screen.getAllByTestId('leaderboard-row')[2];
    expect(within(gamma).getByText('not comparable')).toHaveAttribute('title', 'data set v1, the board compares v2');
    expect(within(screen.getAllByTestId('leaderboard-row')[0]).queryByText('not comparable')).toBeNull();
  });

  it('shows the published numbers as labelled reference rows, formatted like the others', () => {
    render(<LeaderboardTable board={leaderboardFixture()} />);
    expect(screen.getByText(/Published reference results/)).toBeInTheDocument();
    const ref = screen.getByTestId('reference-row');
    expect(within(ref).getByText('Ristea et al., CVPR 2024 (paper)')).toBeInTheDocument();
    expect(within(ref).getByText('95.4')).toBeInTheDocument();
    expect(within(ref).getByText('70.2')).toBeInTheDocument();
  });
});
