// /leaderboard?dataset=&metric=&protocol= — model versions ranked per data set.
import { isLeaderboardMetric } from '../../src/leaderboard/leaderboard-metric';
import { LeaderboardScreen } from '../../src/leaderboard/leaderboard-screen';

export const metadata = { title: 'Leaderboard — VAD' };

type Search = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LeaderboardPage({ searchParams }: { searchParams: Search }) {
  const search = await searchParams;
  const metric = first(search.metric);
  return (
    <section>
      <div className="page-head">
        <h1>Leaderboard</h1>
      </div>
      <LeaderboardScreen
        selection={{
          datasetId: first(search.dataset),
          metric: isLeaderboardMetric(metric) ? metric : 'MICRO_AUC',
          protocol: first(search.protocol) ?? 'paper',
        }}
      />
    </section>
  );
}
