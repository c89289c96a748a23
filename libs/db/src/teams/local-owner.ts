// The embedded deployment has one person: a local owner of a local team, created on first use.
import type { PrismaClient } from '../generated/prisma/client';

export const LOCAL_TEAM_SLUG = 'local';
export const LOCAL_OWNER_EMAIL = 'owner@localhost';

export interface Principal {
  teamId: string;
  userId: string;
}

export async function ensureLocalOwner(prisma: PrismaClient): Promise<Principal> {
  const team = await prisma.team.upsert({
    where: { slug: LOCAL_TEAM_SLUG },
    create: { slug: LOCAL_TEAM_SLUG, name: 'Local' },
    update: {},
  });
  const user = await prisma.user.upsert({
    where: { email: LOCAL_OWNER_EMAIL },
    create: { email: LOCAL_OWNER_EMAIL, name: 'Local owner' },
    update: {},
  });
  await prisma.membership.upsert({
    where: { teamId_userId: { teamId: team.id, userId: user.id } },
    create: { teamId: team.id, userId: user.id, role: 'OWNER' },
    update: {},
  });
  return { teamId: team.id, userId: user.id };
}
