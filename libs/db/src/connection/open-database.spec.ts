import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DbError, DbErrorCode } from '../db.error';
import { openDatabase } from './open-database';

describe('openDatabase', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-db-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates and migrates an embedded database in the data folder, and reopens it with its data', async () => {
    const first = await openDatabase({ dataDir, migrate: true });
    expect(first.kind).toBe('pglite');
    await first.prisma.team.create({ data: { slug: 'lab', name: 'Lab' } });
    await first.close();

    const again = await openDatabase({ dataDir, migrate: true });
    expect(await again.prisma.team.findMany({ select: { slug: true } })).toEqual([{ slug: 'lab' }]);
    await again.close();
  }, 60_000);

  it('refuses a data folder that another live process holds', async () => {
    fs.mkdirSync(path.join(dataDir, 'db'));
    // pid 1 is always alive and never this test process
    fs.writeFileSync(path.join(dataDir, 'db', 'vad.lock'), '1');
    await expect(openDatabase({ dataDir })).rejects.toMatchObject({ code: DbErrorCode.DataDirLocked });
  });

  it('says which folder is unwritable', async () => {
    const file = path.join(dataDir, 'not-a-folder');
    fs.writeFileSync(file, '');
    const opening = openDatabase({ dataDir: file });
    await expect(opening).rejects.toBeInstanceOf(DbError);
    await expect(openDatabase({ dataDir: file })).rejects.toThrow(/cannot write the embedded database folder .*not-a-folder/);
  });

  it('names the server when PostgreSQL cannot be reached', async () => {
    await expect(openDatabase({ dataDir, databaseUrl: 'postgresql://nobody@127.0.0.1:1/vad' })).rejects.toThrow(
      /cannot reach PostgreSQL at 127\.0\.0\.1:1\/vad \(ECONNREFUSED\)/,
    );
  });
});
