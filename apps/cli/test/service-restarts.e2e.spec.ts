// The backing services going away and coming back: the API and the queue reconnect by themselves and no
// queued job is lost. Redis: a private redis-server on a free port, killed and started again. PostgreSQL:
// the server drops every connection of the test database (as on a failover or restart).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApiServer, type ApiServer } from '@vad/api';
import { createTestDatabase, type TestDatabase } from '@vad/db/testing';
import { BullmqQueueDriver, InProcessQueueDriver, type QueueMessage } from '@vad/queue';
import { LocalStorage } from '@vad/storage';
import { freePort } from './free-port';
import { graphqlCaller, until } from './graphql-caller';

function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '""', '--appendonly', 'yes', '--dir', dir], { stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    redis.stdout?.on('data', (chunk: Buffer) => /Ready to accept connections/.test(chunk.toString()) && resolve(redis));
    redis.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
}

// A private Redis server needs the redis-server program (CI has it); a machine without it skips this part.
const withRedisServer = spawnSync('redis-server', ['--version']).status === 0 ? describe : describe.skip;

withRedisServer('a Redis restart', () => {
  it('loses no queued job: the driver reconnects and the worker runs what was queued before and after', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-redis-'));
    const port = await freePort();
    let redis = await startRedis(port, dir);
    const driver = new BullmqQueueDriver({ url: `redis://127.0.0.1:${port}`, prefix: `restart-${randomUUID()}`, stalledIntervalMs: 500, lockDurationMs: 1000 });
    const seen: string[] = [];
    try {
      await driver.enqueue({ jobId: 'before', kind: 'EVALUATE' });
      redis.kill('SIGKILL');
      await new Promise((resolve) => redis.once('exit', resolve));
      await expect(driver.ping()).rejects.toThrow();
      redis = await startRedis(port, dir); // append-only file: what was queued survives
      await until(
        () =>
          driver.ping().then(
            () => true,
            () => false,
          ),
        (up) => up,
        20_000,
      );
      driver.consume(async (message: QueueMessage) => void seen.push(message.jobId), { kinds: ['EVALUATE'], concurrency: 1 });
      await driver.enqueue({ jobId: 'after', kind: 'EVALUATE' });
      await until(
        async () => [...seen].sort(),
        (ids) => ids.length === 2,
        20_000,
      );
      expect([...seen].sort()).toEqual(['after', 'before']);
    } finally {
      await driver.close();
      redis.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

// Dropping a database's connections needs a PostgreSQL server; on the embedded PGlite there is none to drop.
const onServer = process.env.TEST_DATABASE_URL ? describe : describe.skip;

onServer('a dropped PostgreSQL connection', () => {
  let database: TestDatabase;
  let api: ApiServer;
  let base = '';
  const gql = graphqlCaller(() => base);
  beforeAll(async () => {
    database = await createTestDatabase();
    const storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'vad-pgdrop-')));
    api = await createApiServer({ database, queue: new InProcessQueueDriver(), storage, version: 'drop', mode: 'embedded' });
    base = `http://127.0.0.1:${await api.listen(0, '127.0.0.1')}`;
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await database?.close();
  });

  it('is reconnected by itself: health and queries answer again right after', async () => {
    await gql('mutation { createDataset(name: "before-drop") { id } }');
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const { rows } = await admin.query(
      'SELECT count(pg_terminate_backend(pid))::int AS dropped FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [new URL(database.url as string).pathname.slice(1)],
    );
    await admin.end();
    expect(rows[0].dropped).toBeGreaterThan(0);
    const health = await until(
      () =>
        gql('{ health { database } }').then(
          (r) => r.data?.health.database as string,
          () => 'error',
        ),
      (answer) => answer === 'postgresql',
      15_000,
    );
    expect(health).toBe('postgresql');
    expect((await gql('{ datasets { name } }')).data?.datasets).toEqual([{ name: 'before-drop' }]);
  }, 60_000);
});
