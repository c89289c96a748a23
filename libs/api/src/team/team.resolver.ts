// The caller, logging in and out, team members and roles, API tokens.
import { apiError, notFound } from '../graphql/api-error';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { isLoopbackAddress } from '@vad/config';
import { localOwner, SESSION_COOKIE } from '../auth/authenticate';
import { hashPassword, newSecret, digest, verifyPassword } from '../auth/secrets';
import { requireRole, type ApiContext } from '../server/api-context';

const SESSION_DAYS = 14;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}$/;

// Unknown accounts are checked against this hash, so that a login takes as long whether the e-mail exists
// or not, and its timing does not tell which accounts there are.
let dummyHash: Promise<string> | undefined;
const passwordHashOrDummy = (stored: string | null | undefined) => (stored ? Promise.resolve(stored) : (dummyHash ??= hashPassword(newSecret('dummy'))));

/** Creates a session and sets its cookie; resolves with the session's id. */
async function startSession(context: ApiContext, userId: string): Promise<string> {
  const secret = newSecret('vads');
  const session = await context.database.prisma.session.create({
    data: { tokenHash: digest(secret), userId, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) },
  });
  context.setCookie?.(SESSION_COOKIE, secret, { maxAgeSeconds: SESSION_DAYS * 86_400 });
  return session.id;
}

async function audit(context: ApiContext, action: string, target?: string) {
  const principal = context.principal;
  await context.database.prisma.auditEvent.create({
    data: { teamId: principal?.team.id ?? null, actorId: principal?.user.id ?? null, action, target: target ?? null },
  });
}

async function ownersLeftWithout(context: ApiContext, teamId: string, userId: string): Promise<number> {
  return context.database.prisma.membership.count({ where: { teamId, role: 'OWNER', userId: { not: userId } } });
}

export const teamResolvers: Resolvers = {
  Query: {
    viewer: (_p, _a, context) => requireRole(context),
  },
  Mutation: {
    login: async (_p, { email, password }, context) => {
      const prisma = context.database.prisma;
      const account = email.trim().toLowerCase();
      const client = context.source.address;
      const wait = context.loginThrottle.waitMs(client, account);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        throw apiError('FORBIDDEN', `too many failed logins; try again in ${seconds} s`, { retryAfterSeconds: seconds });
      }
      const user = await prisma.user.findUnique({
        where: { email: account },
        include: { memberships: { include: { team: true }, orderBy: { createdAt: 'asc' } } },
      });
      // every failure takes one scrypt and answers one message, so neither tells which e-mails exist
      const matches = await verifyPassword(password, await passwordHashOrDummy(user?.passwordHash));
      if (!user?.passwordHash || !matches || user.memberships.length === 0) {
        context.loginThrottle.recordFailure(client, account);
        throw apiError('UNAUTHENTICATED', 'wrong email or password');
      }
      context.loginThrottle.recordSuccess(client, account);
      const sessionId = await startSession(context, user.id);
      const membership = user.memberships[0];
      context.principal = { user, team: membership.team, role: membership.role, via: 'session', credentialId: sessionId, mode: context.mode };
      await audit(context, 'auth.login', user.id);
      return context.principal;
    },
    startLocalSession: async (_p, _a, context) => {
      // The embedded deployment's dashboard asks here, by its secret, for the session of the browser it has
      // checked (same origin, allowed host): the browser then proves itself with its cookie, and no request
      // is ever taken for the local owner because the dashboard forwarded it.
      if (context.mode !== 'embedded' || context.source.channel !== 'dashboard') {
        throw apiError('FORBIDDEN', 'local sessions are handed out by the dashboard of an embedded deployment only');
      }
      // the embedded owner is whoever sits at this machine, as for the API itself: a browser elsewhere gets nothing
      if (!isLoopbackAddress(context.source.address)) {
        throw apiError('FORBIDDEN', 'the embedded deployment serves browsers on its own machine; run team mode to share it');
      }
      const owner = await localOwner(context.database);
      const sessionId = await startSession(context, owner.user.id);
      context.principal = { ...owner, via: 'session', credentialId: sessionId };
      await audit(context, 'auth.local-session', owner.user.id);
      return context.principal;
    },
    logout: async (_p, _a, context) => {
      const principal = context.principal;
      if (principal?.via === 'session') {
        await context.database.prisma.session.deleteMany({ where: { userId: principal.user.id } });
        context.revocations.revoke({ kind: 'sessions', userId: principal.user.id });
      }
      context.setCookie?.(SESSION_COOKIE, '', { maxAgeSeconds: 0 });
      return true;
    },
    inviteMember: async (_p, { email, name, role, password }, context) => {
      const principal = requireRole(context, 'OWNER');
      const address = email.trim().toLowerCase();
      if (!EMAIL.test(address)) throw apiError('BAD_USER_INPUT', `"${email}" is not an email address`);
      if (password.length < 10) throw apiError('BAD_USER_INPUT', 'a password has at least 10 characters');
      const prisma = context.database.prisma;
      const existing = await prisma.user.findUnique({ where: { email: address } });
      if (existing && (await prisma.membership.findUnique({ where: { teamId_userId: { teamId: principal.team.id, userId: existing.id } } }))) {
        throw apiError('CONFLICT', `${address} is already a member`);
      }
      if (existing) throw apiError('CONFLICT', `${address} belongs to another team`);
      const user = await prisma.user.create({ data: { email: address, name: name.trim(), passwordHash: await hashPassword(password) } });
      const membership = await prisma.membership.create({ data: { teamId: principal.team.id, userId: user.id, role }, include: { user: true } });
      await audit(context, 'team.invite', user.id);
      return { ...membership, joinedAt: membership.createdAt };
    },
    removeMember: async (_p, { userId }, context) => {
      const principal = requireRole(context, 'OWNER');
      const prisma = context.database.prisma;
      const membership = await prisma.membership.findUnique({ where: { teamId_userId: { teamId: principal.team.id, userId } } });
      if (!membership) throw notFound('member', userId);
      if (membership.role === 'OWNER' && (await ownersLeftWithout(context, principal.team.id, userId)) === 0) {
        throw apiError('CONFLICT', 'a team keeps at least one owner');
      }
      await prisma.$transaction([
        prisma.membership.delete({ where: { teamId_userId: { teamId: principal.team.id, userId } } }),
        prisma.session.deleteMany({ where: { userId } }),
        prisma.apiToken.updateMany({ where: { userId, teamId: principal.team.id, revokedAt: null }, data: { revokedAt: new Date() } }),
      ]);
      context.revocations.revoke({ kind: 'member', teamId: principal.team.id, userId });
      await audit(context, 'team.remove', userId);
      return true;
    },
    changeRole: async (_p, { userId, role }, context) => {
      const principal = requireRole(context, 'OWNER');
      const prisma = context.database.prisma;
      const membership = await prisma.membership.findUnique({ where: { teamId_userId: { teamId: principal.team.id, userId } } });
      if (!membership) throw notFound('member', userId);
      if (membership.role === 'OWNER' && role !== 'OWNER' && (await ownersLeftWithout(context, principal.team.id, userId)) === 0) {
        throw apiError('CONFLICT', 'a team keeps at least one owner');
      }
      const updated = await prisma.membership.update({
        where: { teamId_userId: { teamId: principal.team.id, userId } },
        data: { role },
        include: { user: true },
      });
      await audit(context, `team.role.${role.toLowerCase()}`, userId);
      return { ...updated, joinedAt: updated.createdAt };
    },
    createApiToken: async (_p, { name, role }, context) => {
      const principal = requireRole(context, 'VIEWER');
      const wanted = role ?? principal.role;
      const order = ['VIEWER', 'MEMBER', 'OWNER'];
      if (order.indexOf(wanted) > order.indexOf(principal.role)) {
        throw apiError('FORBIDDEN', `a token cannot have more rights than you (${principal.role.toLowerCase()})`);
      }
      if (!name.trim() || name.length > 100) throw apiError('BAD_USER_INPUT', 'a token needs a name of up to 100 characters');
      const token = newSecret('vadt');
      const apiToken = await context.database.prisma.apiToken.create({
        data: { name: name.trim(), tokenHash: digest(token), teamId: principal.team.id, userId: principal.user.id, role: wanted },
      });
      await audit(context, 'token.create', apiToken.id);
      return { token, apiToken };
    },
    revokeApiToken: async (_p, { id }, context) => {
      const principal = requireRole(context, 'VIEWER');
      const prisma = context.database.prisma;
      const token = await prisma.apiToken.findFirst({ where: { id, teamId: principal.team.id } });
      if (!token || (token.userId !== principal.user.id && principal.role !== 'OWNER')) throw notFound('API token', id);
      await audit(context, 'token.revoke', id);
      const revoked = await prisma.apiToken.update({ where: { id }, data: { revokedAt: token.revokedAt ?? new Date() } });
      context.revocations.revoke({ kind: 'credential', credentialId: id });
      return revoked;
    },
  },
  Viewer: {
    user: (principal) => principal.user,
    team: (principal) => principal.team,
    role: (principal) => principal.role,
    mode: (principal) => principal.mode,
  },
  Team: {
    members: async (team, _a, context) => {
      const members = await context.database.prisma.membership.findMany({
        where: { teamId: team.id },
        include: { user: true },
        orderBy: { createdAt: 'asc' },
      });
      return members.map((m) => ({ ...m, joinedAt: m.createdAt }));
    },
    apiTokens: (team, _a, context) => {
      const principal = requireRole(context);
      return context.database.prisma.apiToken.findMany({
        where: { teamId: team.id, ...(principal.role === 'OWNER' ? {} : { userId: principal.user.id }) },
        orderBy: { createdAt: 'desc' },
      });
    },
  },
  Member: {
    user: (member) => member.user,
    role: (member) => member.role,
  },
};
