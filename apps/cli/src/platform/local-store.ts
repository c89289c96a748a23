// Local mode of the CLI: commands that read or write the store open the configured database directly
// (the embedded one under VAD_DATA_DIR, or DATABASE_URL), acting for a team.
import { loadConfig } from '@vad/config';
import { ensureLocalOwner, openDatabase, type Database } from '@vad/db';
import { CliUsageError } from '../cli-error';

export async function withLocalStore<T>(teamSlug: string | undefined, use: (database: Database, teamId: string) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env, process.cwd());
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: true });
  try {
    let teamId: string;
    if (teamSlug) {
      const team = await database.prisma.team.findUnique({ where: { slug: teamSlug } });
      if (!team) throw new CliUsageError(`no team "${teamSlug}" in the store`);
      teamId = team.id;
    } else {
      teamId = (await ensureLocalOwner(database.prisma)).teamId;
    }
    return await use(database, teamId);
  } finally {
    await database.close();
  }
}
