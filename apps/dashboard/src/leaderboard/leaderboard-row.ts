// The row types of a leaderboard, as the Leaderboard query returns them.
import type { LeaderboardQuery } from '../graphql/generated/graphql';

export type Leaderboard = LeaderboardQuery['leaderboard'];
export type LeaderboardRow = Leaderboard['rows'][number];
export type ReferenceRow = Leaderboard['references'][number];
