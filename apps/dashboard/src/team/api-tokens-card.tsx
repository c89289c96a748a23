// The team page's API tokens: the team's tokens (an owner sees all, others their own), revoking, and creating
// one, whose secret is shown once.
'use client';
import { useState } from 'react';
import { EmptyState } from '../feedback/empty-state';
import { InlineError } from '../feedback/error-state';
import { formatDate } from '../format/format-date';
import type { Role, TeamQuery as TeamData } from '../graphql/generated/graphql';
import { useMutation } from '../graphql/use-mutation';
import { ROLES, RoleOptions } from './role-options';
import { CreateApiTokenMutation, RevokeApiTokenMutation } from './team.operations';

interface ApiTokensCardProps {
  viewer: TeamData['viewer'];
  onChanged(): void;
}

export function ApiTokensCard({ viewer, onChanged }: ApiTokensCardProps) {
  const createToken = useMutation(CreateApiTokenMutation);
  const revokeToken = useMutation(RevokeApiTokenMutation);
  const [tokenName, setTokenName] = useState('');
  const [tokenRole, setTokenRole] = useState<Role>('MEMBER');
  const [createdToken, setCreatedToken] = useState<string>();
  const isOwner = viewer.role === 'OWNER';
  const team = viewer.team;

  return (
    <div className="card">
      <h2>API tokens</h2>
      <p className="muted small">
        For the CLI and scripts: send as <code>Authorization: Bearer TOKEN</code>. {isOwner ? 'You see every token of the team.' : 'You see your own tokens.'}
      </p>
      {createdToken && (
        <div className="callout" role="status">
          <strong>Copy this token now; it is not shown again.</strong>
          <p className="mono" style={{ overflowWrap: 'anywhere' }} data-testid="created-token">
            {createdToken}
          </p>
          <div className="row">
            <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(createdToken)}>
              Copy
            </button>
            <button type="button" className="ghost" onClick={() => setCreatedToken(undefined)}>
              Done
            </button>
          </div>
        </div>
      )}
      {team.apiTokens.length === 0 ? (
        <EmptyState title="No API tokens">Create one below to use the platform from scripts or another machine.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table aria-label="API tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {team.apiTokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{t.role.toLowerCase()}</td>
                  <td>{formatDate(t.createdAt)}</td>
                  <td>{formatDate(t.lastUsedAt)}</td>
                  <td>{t.revokedAt ? <span className="badge bad">revoked {formatDate(t.revokedAt)}</span> : <span className="badge ok">active</span>}</td>
                  <td>
                    {!t.revokedAt && (
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Revoke token ${t.name}`}
                        onClick={async () => {
                          if (await revokeToken.mutate({ id: t.id })) onChanged();
                        }}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <InlineError error={revokeToken.error} />
      <form
        className="row"
        aria-label="Create an API token"
        style={{ marginTop: '0.75rem' }}
        onSubmit={async (event) => {
          event.preventDefault();
          const created = await createToken.mutate({ name: tokenName.trim(), role: tokenRole });
          if (created) {
            setCreatedToken(created.createApiToken.token);
            setTokenName('');
            onChanged();
          }
        }}
      >
        <label>
          Token name
          <input required value={tokenName} onChange={(e) => setTokenName(e.target.value)} placeholder="e.g. ci" />
        </label>
        <label>
          Role
          <select value={tokenRole} onChange={(e) => setTokenRole(e.target.value as Role)}>
            <RoleOptions roles={isOwner ? ROLES : ROLES.filter((r) => r !== 'OWNER')} />
          </select>
        </label>
        <button type="submit" disabled={createToken.running || !tokenName.trim()} style={{ alignSelf: 'flex-end' }}>
          Create token
        </button>
        <InlineError error={createToken.error} />
      </form>
    </div>
  );
}
