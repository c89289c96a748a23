// `vad db`: the store's maintenance commands.
import type { Command } from 'commander';
import { loadConfig } from '@vad/config';
import { openDatabase } from '@vad/db';

export function registerDbCommand(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations to the configured database (also done automatically at start)')
    .action(async () => {
      const config = loadConfig(process.env, process.cwd());
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const report = await database.migrate();
        process.stdout.write(`${JSON.stringify({ database: database.kind, ...report })}\n`);
      } finally {
        await database.close();
      }
    });
}
