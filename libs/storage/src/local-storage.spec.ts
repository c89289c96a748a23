import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { LocalStorage } from './local-storage';
import { StorageErrorCode } from './storage.error';

describe('LocalStorage', () => {
  let root: string;
  let storage: LocalStorage;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-storage-'));
    storage = new LocalStorage(root);
  });
  afterEach(() => {
    fs.chmodSync(root, 0o755);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('writes streams and buffers under nested keys and reads them back', async () => {
    expect(await storage.write('teams/t1/videos/a.mp4', Readable.from(['hello ', 'world']))).toBe(11);
    await storage.write('teams/t1/videos/b.mp4', Buffer.from('second'));
    expect(await text(await storage.read('teams/t1/videos/a.mp4'))).toBe('hello world');
    expect(await storage.list('teams/t1/videos')).toEqual(['teams/t1/videos/a.mp4', 'teams/t1/videos/b.mp4']);
    await storage.remove('teams/t1');
    expect(await storage.exists('teams/t1/videos/a.mp4')).toBe(false);
  });

  it('lends stored files and work folders by key, adopts staged files, and writes its paths as keys', async () => {
    await storage.withWorkFolder('teams/t1/runs/j1', async (folder) => fs.promises.writeFile(path.join(folder, 'epoch-0001'), 'weights'));
    expect(await text(await storage.read('teams/t1/runs/j1/epoch-0001'))).toBe('weights');
    expect(await storage.withLocalFile('teams/t1/runs/j1/epoch-0001', (file) => fs.promises.readFile(file, 'utf8'))).toBe('weights');
    const staged = path.join(storage.stagingFolder(), 'upload.partial');
    fs.mkdirSync(storage.stagingFolder(), { recursive: true });
    fs.writeFileSync(staged, 'video');
    await storage.adopt('teams/t1/videos/v.mp4', staged);
    expect(fs.existsSync(staged)).toBe(false);
    expect(await text(await storage.read('teams/t1/videos/v.mp4'))).toBe('video');
    expect(storage.pathsAsKeys(`cannot decode ${path.join(root, 'teams/t1/videos/v.mp4')}`)).toBe('cannot decode teams/t1/videos/v.mp4');
    await expect(storage.withLocalFile('../outside', async () => 'read')).rejects.toMatchObject({ code: StorageErrorCode.InvalidKey });
  });

  it('leaves no partial file when the source stream fails', async () => {
    const failing = new Readable({
      read() {
        this.push('half');
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(storage.write('uploads/x.mp4', failing)).rejects.toThrow('connection reset');
    expect(fs.readdirSync(path.join(root, 'uploads'))).toEqual([]);
  });

  it('renames what a path-writing tool produced under the key, and leaves nothing when the tool fails', async () => {
    await storage.writeFile('runs/r1/maps/v.bin', (temporary) => fs.promises.writeFile(temporary, 'maps'));
    expect(fs.readFileSync(path.join(root, 'runs/r1/maps/v.bin'), 'utf8')).toBe('maps');
    const full = storage.writeFile('runs/r1/maps/w.bin', async (temporary) => {
      await fs.promises.writeFile(temporary, 'half');
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    await expect(full).rejects.toMatchObject({ code: StorageErrorCode.Unwritable, message: expect.stringContaining('the disk is full (ENOSPC)') });
    expect(fs.readdirSync(path.join(root, 'runs/r1/maps'))).toEqual(['v.bin']);
  });

  it.each(['../escape', 'a/../../b', '/absolute', 'a//b', 'a/./b', ''])('rejects the key %p', async (key) => {
    await expect(storage.write(key, Buffer.from('x'))).rejects.toMatchObject({ code: StorageErrorCode.InvalidKey });
  });

  it('reports an unwritable folder with a clear error', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permission bits; a file in place of the folder fails for every user
      fs.writeFileSync(path.join(root, 'blocked'), '');
      await expect(storage.write('blocked/x', Buffer.from('x'))).rejects.toMatchObject({ code: StorageErrorCode.Unwritable });
      return;
    }
    fs.chmodSync(root, 0o555);
    await expect(storage.write('x', Buffer.from('x'))).rejects.toMatchObject({ code: StorageErrorCode.Unwritable });
  });

  it('says when an artifact does not exist', async () => {
    await expect(storage.read('nothing/here')).rejects.toMatchObject({ code: StorageErrorCode.NotFound });
  });
});
