import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const bin = path.resolve(__dirname, '../bin/vad.cjs');
const rootVersion = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')).version;

async function vad(args: string[], env: Record<string, string> = {}) {
  const cleanEnv = { ...process.env, DATABASE_URL: '', REDIS_URL: '', ...env };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { env: cleanEnv });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the vad command', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-cli-'))));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints the platform version', async () => {
    expect(await vad(['--version'])).toMatchObject({ code: 0, stdout: `${rootVersion}\n` });
  }, 30_000);

  it('migrates the embedded database once, then reports it up to date', async () => {
    const first = await vad(['db', 'migrate'], { VAD_DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ database: 'pglite', alreadyApplied: [] });
    expect(JSON.parse(first.stdout).applied.length).toBeGreaterThan(0);
    const second = await vad(['db', 'migrate'], { VAD_DATA_DIR: dataDir });
    expect(JSON.parse(second.stdout)).toMatchObject({ applied: [] });
  }, 60_000);

  it('tells how much the decoded-frame cache holds against its budget, and clears it', async () => {
    const entry = path.join(dataDir, 'cache', 'frames', 'ab'.repeat(32), '4x3-gray-bilinear-v1.frames');
    fs.mkdirSync(path.dirname(entry), { recursive: true });
    fs.writeFileSync(entry, Buffer.alloc(3000));
    const env = { VAD_DATA_DIR: dataDir, VAD_FRAME_CACHE_GB: '2' };
    expect(JSON.parse((await vad(['cache', '--json'], env)).stdout)).toEqual({
      folder: path.join(dataDir, 'cache', 'frames'),
      bytes: 3000,
      budgetBytes: 2 * 1024 ** 3,
    });
    expect((await vad(['cache'], env)).stdout).toMatch(/^holds\s+2\.9 KB of a 2\.0 GB budget$/m);
    expect(JSON.parse((await vad(['cache', 'clean', '--json'], env)).stdout)).toMatchObject({ freedBytes: 3000 });
    expect(fs.existsSync(entry)).toBe(false);
  }, 30_000);

  it('exits with code 2 and one clear line on bad configuration', async () => {
    const result = await vad(['db', 'migrate'], { DATABASE_URL: 'postgresql://vad@127.0.0.1:1/vad' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('vad: cannot reach PostgreSQL at 127.0.0.1:1/vad (ECONNREFUSED); check DATABASE_URL or unset it to use the embedded database\n');
    const badPort = await vad(['start', '--no-dashboard'], { PORT: 'http', VAD_DATA_DIR: dataDir });
    expect(badPort).toMatchObject({ code: 2, stderr: 'vad: PORT must be a port number between 0 and 65535, got "http"\n' });
  }, 30_000);

  it('refuses an unwritable data folder', async () => {
    const blocker = path.join(dataDir, 'a-file');
    fs.writeFileSync(blocker, '');
    const result = await vad(['start', '--no-dashboard'], { VAD_DATA_DIR: path.join(blocker, 'data') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^vad: the data folder .*a-file\/data is not writable \(ENOTDIR\); set VAD_DATA_DIR/);
  }, 30_000);
});
