// Finds the caller of a request: an API token (Authorization: Bearer), a session cookie, or — in the
// embedded deployment only — the local owner for requests from this machine.
import type { Database } from '@vad/db';
import { ensureLocalOwner } from '@vad/db';
import type { Principal } from './principal';
import { digest } from './secrets';

export const SESSION_COOKIE = 'vad_session';

export interface RequestCredentials {
  authorization?: string;
  cookie?: string;
  remoteAddress?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export async function authenticate(
  database: Database,
  mode: 'embedded' | 'team',
  credentials: RequestCredentials,
): Promise<Principal | null> {
  const prisma = database.prisma;
  const bearer = /^Bearer (\S+)$/i.exec(credentials.authorization ?? '')?.[1];
  if (bearer) {
    const token = await prisma.apiToken.findUnique({ where: { tokenHash: digest(bearer) }, include: { user: true, team: true } });
    if (!token || token.revokedAt) return null;
    const membership = await prisma.membership.findUnique({ where: { teamId_userId: { teamId: token.teamId, userId: token.userId } } });
    if (!membership) return null;
    await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    // a token never grants more than its owner currently has
    const role = rankMin(token.role, membership.role);
    return { user: token.user, team: token.team, role, via: 'api-token', mode };
  }
  const sessionSecret = readCookie(credentials.cookie, SESSION_COOKIE);
  if (sessionSecret) {
    const session = await prisma.session.findUnique({
      where: { tokenHash: digest(sessionSecret) },
      include: { user: { include: { memberships: { include: { team: true }, orderBy: { createdAt: 'asc' } } } } },
    });
    const membership = session?.user.memberships[0];
    if (session && session.expiresAt > new Date() && membership) {
      return { user: session.user, team: membership.team, role: membership.role, via: 'session', mode };
    }
    return null;
  }
  if (mode === 'embedded' && LOOPBACK.has(credentials.remoteAddress ?? '')) {
    const owner = await ensureLocalOwner(prisma);
    const [user, team] = await Promise.all([
      prisma.user.findUniqueOrThrow({ where: { id: owner.userId } }),
      prisma.team.findUniqueOrThrow({ where: { id: owner.teamId } }),
    ]);
    return { user, team, role: 'OWNER', via: 'local-owner', mode };
  }
  return null;
}

const order = ['VIEWER', 'MEMBER', 'OWNER'] as const;
function rankMin(a: Principal['role'], b: Principal['role']): Principal['role'] {
  return order[Math.min(order.indexOf(a), order.indexOf(b))];
}
