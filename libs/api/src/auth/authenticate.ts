// Finds the caller of a request: an API token (Authorization: Bearer), a session cookie, or — in the
// embedded deployment only — the local owner for programs on this machine (see request-source.ts: never
// a web page, never a request the dashboard or another proxy forwards).
import type { Database } from '@vad/db';
import { ensureLocalOwner } from '@vad/db';
import type { Principal } from './principal';
import { digest } from './secrets';

export const SESSION_COOKIE = 'vad_session';

export interface RequestCredentials {
  authorization?: string;
  cookie?: string;
  /** A program talking to the API directly from this machine (RequestSource.isLocalProgram). */
  isLocalProgram: boolean;
}
/** A token's lastUsedAt is written at most once a minute: not a write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

// The embedded deployment's owner never changes while the process runs: found once per database.
const localOwners = new WeakMap<Database, Promise<Principal>>();

export function localOwner(database: Database): Promise<Principal> {
  let owner = localOwners.get(database);
  if (!owner) {
    owner = (async () => {
      const ids = await ensureLocalOwner(database.prisma);
      const [user, team] = await Promise.all([
        database.prisma.user.findUniqueOrThrow({ where: { id: ids.userId } }),
        database.prisma.team.findUniqueOrThrow({ where: { id: ids.teamId } }),
      ]);
      return { user, team, role: 'OWNER' as const, via: 'local-owner' as const, credentialId: null, mode: 'embedded' as const };
    })();
    owner.catch(() => localOwners.delete(database));
    localOwners.set(database, owner);
  }
  return owner;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined; // malformed percent-encoding: no usable session
    }
  }
  return undefined;
}

export async function authenticate(database: Database, mode: 'embedded' | 'team', credentials: RequestCredentials): Promise<Principal | null> {
  const prisma = database.prisma;
  const bearer = /^Bearer (\S+)$/i.exec(credentials.authorization ?? '')?.[1];
  if (bearer) {
    const token = await prisma.apiToken.findUnique({ where: { tokenHash: digest(bearer) }, include: { user: true, team: true } });
    if (!token || token.revokedAt) return null;
    const membership = await prisma.membership.findUnique({ where: { teamId_userId: { teamId: token.teamId, userId: token.userId } } });
    if (!membership) return null;
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    }
    // a token never grants more than its owner currently has
    const role = rankMin(token.role, membership.role);
    return { user: token.user, team: token.team, role, via: 'api-token', credentialId: token.id, mode };
  }
  const sessionSecret = readCookie(credentials.cookie, SESSION_COOKIE);
  if (sessionSecret) {
    const session = await prisma.session.findUnique({
      where: { tokenHash: digest(sessionSecret) },
      include: { user: { include: { memberships: { include: { team: true }, orderBy: { createdAt: 'asc' } } } } },
    });
    const membership = session?.user.memberships[0];
    if (session && session.expiresAt > new Date() && membership) {
      return { user: session.user, team: membership.team, role: membership.role, via: 'session', credentialId: session.id, mode };
    }
    return null;
  }
  if (mode === 'embedded' && credentials.isLocalProgram) return localOwner(database);
  return null;
}

const order = ['VIEWER', 'MEMBER', 'OWNER'] as const;
function rankMin(a: Principal['role'], b: Principal['role']): Principal['role'] {
  return order[Math.min(order.indexOf(a), order.indexOf(b))];
}
