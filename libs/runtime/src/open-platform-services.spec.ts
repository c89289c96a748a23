import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigErrorCode } from '@vad/config';
import { openPlatformServices } from './open-platform-services';

describe('openPlatformServices', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-runtime-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('opens the embedded store, the in-process queue and storage under the data folder, and says which', async () => {
    const lines: string[] = [];
    const services = await openPlatformServices((line) => lines.push(line), { VAD_DATA_DIR: dir }, dir);
    try {
      expect(services.database.kind).toBe('pglite');
      expect(services.queue.name).toBe('in-process');
      expect(services.storage.root).toBe(path.join(dir, 'artifacts'));
      expect(lines).toEqual([`database: pglite in ${path.join(dir, 'db')}`, 'job queue: in-process']);
    } finally {
      await services.close();
    }
  }, 60_000);

  it('names a data folder it cannot write and a Redis it cannot reach as configuration errors', async () => {
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, '');
    await expect(openPlatformServices(() => undefined, { VAD_DATA_DIR: path.join(file, 'data') }, dir)).rejects.toMatchObject({
      code: ConfigErrorCode.DataFolderNotWritable,
      message: expect.stringContaining('set VAD_DATA_DIR to a writable folder'),
    });
    await expect(openPlatformServices(() => undefined, { VAD_DATA_DIR: dir, REDIS_URL: 'redis://127.0.0.1:1' }, dir)).rejects.toMatchObject({
      code: ConfigErrorCode.ServiceUnreachable,
      message: expect.stringContaining('cannot reach Redis at redis://127.0.0.1:1'),
    });
  }, 60_000);
});
