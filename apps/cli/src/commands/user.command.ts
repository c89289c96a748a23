// `vad user add`: creates an account in a team (the team too, when it is new) — how a team-mode
// installation gets its first owner. The password comes from an environment variable, never argv.
import type { Command } from 'commander';
import { hashPassword } from '@vad/api';
import { CliUsageError } from '../cli-error';
import { withLocalStore } from '../platform/local-store';

interface UserAddFlags {
  email: string;
  name?: string;
  team: string;
  role: string;
  passwordEnv: string;
}

const ROLES = ['owner', 'member', 'viewer'] as const;

export async function addUser(flags: UserAddFlags): Promise<{ email: string; team: string; role: string }> {
  const role = flags.role.toLowerCase();
  if (!ROLES.includes(role as (typeof ROLES)[number])) throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}`);
  const password = process.env[flags.passwordEnv] ?? '';
  if (password.length < 10) throw new CliUsageError(`set ${flags.passwordEnv} to a password of at least 10 characters`);
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(flags.team)) throw new CliUsageError('--team is a slug: lower-case letters, digits and dashes');
  const email = flags.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new CliUsageError(`"${flags.email}" is not an email address`);
  const passwordHash = await hashPassword(password);
  return withLocalStore(undefined, async (database) => {
    const prisma = database.prisma;
    const team = await prisma.team.upsert({ where: { slug: flags.team }, create: { slug: flags.team, name: flags.team }, update: {} });
    const user = await prisma.user.upsert({
      where: { email },
      create: { email, name: flags.name ?? email, passwordHash },
      update: { passwordHash, ...(flags.name ? { name: flags.name } : {}) },
    });
    const dbRole = role.toUpperCase() as 'OWNER' | 'MEMBER' | 'VIEWER';
    await prisma.membership.upsert({
      where: { teamId_userId: { teamId: team.id, userId: user.id } },
      create: { teamId: team.id, userId: user.id, role: dbRole },
      update: { role: dbRole },
    });
    await prisma.auditEvent.create({ data: { teamId: team.id, action: 'user.add.cli', target: user.id } });
    return { email, team: team.slug, role };
  });
}

export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('accounts for team mode');
  user
    .command('add')
    .description('create or update an account and its membership in a team (the team is created if new)')
    .requiredOption('--email <email>', 'login email')
    .option('--name <name>', 'display name')
    .option('--team <slug>', 'team slug', 'main')
    .option('--role <role>', 'owner, member or viewer', 'owner')
    .option('--password-env <variable>', 'environment variable holding the password', 'VAD_PASSWORD')
    .action(async (flags: UserAddFlags) => {
      process.stdout.write(`${JSON.stringify(await addUser(flags))}\n`);
    });
}
