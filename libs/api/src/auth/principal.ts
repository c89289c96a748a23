// Who is calling: a user acting in one team with one role, and how they proved it.
import type { Store } from '@vad/db';

export type Role = Store.Role;

export interface Principal {
  user: Store.User;
  team: Store.Team;
  role: Role;
  via: 'local-owner' | 'session' | 'api-token';
  /** The session's or token's id (null for the local owner): what a logout or revocation ends. */
  credentialId: string | null;
  mode: 'embedded' | 'team';
}

const rank: Record<Role, number> = { VIEWER: 0, MEMBER: 1, OWNER: 2 };

export function hasRole(principal: Principal, needed: Role): boolean {
  return rank[principal.role] >= rank[needed];
}
