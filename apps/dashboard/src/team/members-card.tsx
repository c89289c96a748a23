// The team page's members: who is in the team with which role; owners change roles, remove and invite.
'use client';
import { useState } from 'react';
import { InlineError } from '../feedback/error-state';
import { formatDate } from '../format/format-date';
import type { Role, TeamQuery as TeamData } from '../graphql/generated/graphql';
import { useMutation } from '../graphql/use-mutation';
import { RoleOptions } from './role-options';
import { ChangeRoleMutation, InviteMemberMutation, RemoveMemberMutation } from './team.operations';

interface MembersCardProps {
  viewer: TeamData['viewer'];
  onChanged(): void;
}

export function MembersCard({ viewer, onChanged }: MembersCardProps) {
  const changeRole = useMutation(ChangeRoleMutation);
  const removeMember = useMutation(RemoveMemberMutation);
  const invite = useMutation(InviteMemberMutation);
  const [newMember, setNewMember] = useState({ email: '', name: '', role: 'MEMBER' as Role, password: '' });
  const isOwner = viewer.role === 'OWNER';
  const team = viewer.team;

  return (
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
                          if (await changeRole.mutate({ userId: m.user.id, role: event.target.value as Role })) onChanged();
                        }}
                      >
                        <RoleOptions />
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
                          if (window.confirm(`Remove ${m.user.name} from ${team.name}?`) && (await removeMember.mutate({ userId: m.user.id }))) onChanged();
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
              onChanged();
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
              <input
                required
                type="password"
                minLength={8}
                autoComplete="new-password"
                value={newMember.password}
                onChange={(e) => setNewMember({ ...newMember, password: e.target.value })}
              />
            </label>
            <label>
              Role
              <select value={newMember.role} onChange={(e) => setNewMember({ ...newMember, role: e.target.value as Role })}>
                <RoleOptions />
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
  );
}
