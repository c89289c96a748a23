import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StorageErrorCode } from '../storage.error';
import { FailingWritesStorage } from './failing-writes-storage';

describe('FailingWritesStorage', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-failing-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes while no fault is set, then fails with the fault and keeps what was written before', async () => {
    const storage = new FailingWritesStorage(root);
    await storage.write('a/kept.bin', Buffer.from('first'));
    storage.fault = 'ENOSPC';
    await expect(storage.write('a/kept.bin', Buffer.from('second'))).rejects.toMatchObject({ code: StorageErrorCode.Unwritable });
    await expect(storage.writeFile('a/new.bin', (temporary) => fs.promises.writeFile(temporary, 'x'))).rejects.toThrow('the disk is full (ENOSPC)');
    expect(fs.readdirSync(path.join(root, 'a'))).toEqual(['kept.bin']);
    expect(fs.readFileSync(path.join(root, 'a/kept.bin'), 'utf8')).toBe('first');
  });
});
