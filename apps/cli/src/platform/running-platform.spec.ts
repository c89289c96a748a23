import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordRunningPlatform, runningPlatform } from './running-platform';

describe('the running platform of a data folder', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-running-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is another live process's API, and nothing once that process has gone", async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(path.join(dir, 'platform.json'), JSON.stringify({ pid: other.pid, api: 'http://127.0.0.1:4123' }));
      expect(runningPlatform(dir)).toBe('http://127.0.0.1:4123');
    } finally {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
    }
    expect(runningPlatform(dir)).toBeNull();
  });

  it("is never this process's own, and its record goes when it stops", () => {
    const remove = recordRunningPlatform(dir, 'http://127.0.0.1:4000');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'platform.json'), 'utf8'))).toEqual({ pid: process.pid, api: 'http://127.0.0.1:4000' });
    expect(runningPlatform(dir)).toBeNull();
    remove();
    expect(fs.existsSync(path.join(dir, 'platform.json'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'platform.json'), 'not json');
    expect(runningPlatform(dir)).toBeNull();
  });
});
