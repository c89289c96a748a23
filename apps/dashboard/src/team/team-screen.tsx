// The team page: members and their roles (owners change them, invite and remove), and API tokens
// (created tokens are shown once).
'use client';
import { ErrorState } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import { useQuery } from '../graphql/use-query';
import { ApiTokensCard } from './api-tokens-card';
import { MembersCard } from './members-card';
import { TeamQuery } from './team.operations';

export function TeamScreen() {
  const { data, error, loading, refetch } = useQuery(TeamQuery, {});

  if (loading) return <LoadingState label="team" />;
  if (error !== undefined || !data) return <ErrorState error={error} onRetry={refetch} />;
  const { viewer } = data;
  const team = viewer.team;

  return (
    <section className="stack">
      <div className="page-head">
        <h1>
          Team <span className="muted">{team.name}</span>
        </h1>
        <span className="badge">{viewer.mode} mode</span>
      </div>
      {viewer.mode === 'embedded' && (
        <p className="callout">
          This platform runs in embedded mode: one local owner, no login. Accounts and roles take effect in team mode (start it with
          <code> DATABASE_URL</code> set); API tokens work in both.
        </p>
      )}
      <MembersCard viewer={viewer} onChanged={() => void refetch()} />
      <ApiTokensCard viewer={viewer} onChanged={() => void refetch()} />
    </section>
  );
}
