// The team page: members and their roles (owners change them, invite and remove), and API tokens
// (created tokens are shown once).
'use client';
import { useState } from 'react';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState, InlineError } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import { formatDate } from '../format/format-date';
import type { Role } from '../graphql/generated/graphql';
import { useMutation } from '../graphql/use-mutation';
import { useQuery } from '../graphql/use-query';
import { ChangeRoleMutation, CreateApiTokenMutation, InviteMemberMutation, RemoveMemberMutation, RevokeApiTokenMutation, TeamQuery } from './team.operations';

const ROLES: Role[] = ['OWNER', 'MEMBER', 'VIEWER'];

export function TeamScreen() {
  const { data, error, loading, refetch } = useQuery(TeamQuery, {});
  const changeRole = useMutation(ChangeRoleMutation);
  const removeMember = useMutation(RemoveMemberMutation);
  const invite = useMutation(InviteMemberMutation);
  const createToken = useMutation(CreateApiTokenMutation);
  const revokeToken = useMutation(RevokeApiTokenMutation);
  const [newMember, setNewMember] = useState({ email: '', name: '', role: 'MEMBER' as Role, password: '' });
  const [tokenName, setTokenName] = useState('');
  const [tokenRole, setTokenRole] = useState<Role>('MEMBER');
  const [createdToken, setCreatedToken] = useState<string>();

  if (loading) return <LoadingState label="team" />;
  if (error !== undefined || !data) return <ErrorState error={error} onRetry={refetch} />;
  const { viewer } = data;
  const isOwner = viewer.role === 'OWNER';
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
      <div className="card">
        <h2>Members</h2>
        <div className="table-wrap">
          <table aria-label="Members">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {team.members.map((m) => {
                const self = m.user.id === viewer.user.id;
                return (
                  <tr key={m.user.id}>
                    <td>
                      {m.user.name}
                      {self && <span className="muted"> (you)</span>}
                    </td>
                    <td>{m.user.email}</td>
                    <td>
                      {isOwner && !self ? (
                        <select
                          aria-label={`Role of ${m.user.name}`}
                          value={m.role}
                          onChange={async (event) => {
                            if (await changeRole.mutate({ userId: m.user.id, role: event.target.value as Role })) void refetch();
                          }}
                        >
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {r.toLowerCase()}
                            </option>
                          ))}
                        </select>
                      ) : (
                        m.role.toLowerCase()
                      )}
                    </td>
                    <td>{formatDate(m.joinedAt)}</td>
                    <td>
                      {isOwner && !self && (
                        <button
                          type="button"
                          className="danger"
                          aria-label={`Remove ${m.user.name}`}
                          onClick={async () => {
                            if (window.confirm(`Remove ${m.user.name} from ${team.name}?`) && (await removeMember.mutate({ userId: m.user.id }))) void refetch();
                          }}
                        >
                          Remove
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <InlineError error={changeRole.error ?? removeMember.error} />
        {isOwner && (
          <form
            className="stack"
            aria-label="Invite a member"
            onSubmit={async (event) => {
              event.preventDefault();
              if (await invite.mutate(newMember)) {
                setNewMember({ email: '', name: '', role: 'MEMBER', password: '' });
                void refetch();
              }
            }}
          >
            <h3>Invite a member</h3>
            <div className="form-grid">
              <label>
                Name
                <input required value={newMember.name} onChange={(e) => setNewMember({ ...newMember, name: e.target.value })} />
              </label>
              <label>
                E-mail
                <input required type="email" value={newMember.email} onChange={(e) => setNewMember({ ...newMember, email: e.target.value })} />
              </label>
              <label>
                Initial password
                <input required type="password" minLength={8} autoComplete="new-password" value={newMember.password} onChange={(e) => setNewMember({ ...newMember, password: e.target.value })} />
              </label>
              <label>
                Role
                <select value={newMember.role} onChange={(e) => setNewMember({ ...newMember, role: e.target.value as Role })}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r.toLowerCase()}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <div className="row">
              <button type="submit" disabled={invite.running}>
                Invite
              </button>
              <InlineError error={invite.error} />
            </div>
          </form>
        )}
      </div>

      <div className="card">
        <h2>API tokens</h2>
        <p className="muted small">For the CLI and scripts: send as <code>Authorization: Bearer TOKEN</code>. {isOwner ? 'You see every token of the team.' : 'You see your own tokens.'}</p>
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
                            if (await revokeToken.mutate({ id: t.id })) void refetch();
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
              void refetch();
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
              {(isOwner ? ROLES : ROLES.filter((r) => r !== 'OWNER')).map((r) => (
                <option key={r} value={r}>
                  {r.toLowerCase()}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={createToken.running || !tokenName.trim()} style={{ alignSelf: 'flex-end' }}>
            Create token
          </button>
          <InlineError error={createToken.error} />
        </form>
      </div>
    </section>
  );
}
