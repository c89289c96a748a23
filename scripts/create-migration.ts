// Authors a new migration from the change in prisma/schema.prisma, offline:
//   npm run db:migration -- <name>
// It applies the committed migrations to an in-memory PGlite (libs/db's runner), then asks Prisma's
// Wasm schema engine for the SQL that takes that database to the schema (Prisma's CLI insists on a
// native engine that it would download). Applying migrations stays libs/db's job.
import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { applyMigrations, pgliteExecutor, readMigrations, MIGRATIONS_DIR } from '@vad/db';

const schemaPath = path.resolve(__dirname, '../prisma/schema.prisma');

interface WasmSchemaEngine {
  diff(params: object): Promise<{ stdout?: string }>;
}

async function loadWasmSchemaEngine(): Promise<{ new: (o: object, log: () => void, adapter: object) => Promise<WasmSchemaEngine> }> {
  const runtimePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const runtime = await import(runtimePath);
  const wasmFile = path.join(path.dirname(runtimePath), 'schema_engine_bg.wasm');
  const instance = new WebAssembly.Instance(new WebAssembly.Module(await fs.readFile(wasmFile)), { './schema_engine_bg.js': runtime });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return runtime.SchemaEngine;
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: npm run db:migration -- <name in snake_case>');
  const db = new PGlite();
  const migrations = readMigrations();
  await applyMigrations(pgliteExecutor(db), migrations);
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(db));
  const schema = await fs.readFile(schemaPath, 'utf8');
  const engine = await (await loadWasmSchemaEngine()).new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
  const files = [{ path: schemaPath, content: schema }];
  const { stdout = '' } = await engine.diff({
    from: migrations.length === 0 ? { tag: 'empty' } : { tag: 'schemaDatasource', files, configDir: path.dirname(schemaPath) },
    to: { tag: 'schemaDatamodel', files },
    script: true,
    shadowDatabaseUrl: null,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  if (!stdout.trim() || /^-- This is an empty migration/.test(stdout.trim())) {
    console.log('schema unchanged: no migration written');
    return;
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'migration.sql'), stdout);
  await fs.writeFile(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'provider = "postgresql"\n');
  console.log(`created ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
