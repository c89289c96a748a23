// Starting and stopping what the end-to-end suites run against, on free ports with temporary data.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const ARTIFACTS = path.resolve(__dirname, 'artifacts');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Running {
  url: string;
  stop(): Promise<void>;
}

/** Spawns a process and resolves once its output matches `ready`; rejects with its output if it exits first. */
type Env = Record<string, string | undefined>;

function spawnUntil(command: string, args: string[], env: Env, ready: RegExp, timeoutMs: number): Promise<ChildProcess> {
  const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')} was not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

function stopper(children: ChildProcess[], cleanup: () => void = () => undefined): () => Promise<void> {
  return async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
    cleanup();
  };
}

export interface Credentials {
  email: string;
  password: string;
}

/** Team mode's first owner, made the way an administrator does it: `vad user add`. */
async function addOwner(env: Env): Promise<Credentials> {
  const credentials = { email: 'e2e-owner@vad.test', password: `e2e-${randomBytes(12).toString('hex')}` };
  const add = spawn(process.execPath, ['apps/cli/bin/vad.cjs', 'user', 'add', '--email', credentials.email, '--team', 'e2e', '--role', 'owner'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, VAD_PASSWORD: credentials.password },
    stdio: 'inherit',
  });
  const code = await new Promise((resolve) => add.once('exit', resolve));
  if (code !== 0) throw new Error(`vad user add exited with ${code}`);
  return credentials;
}

/**
 * The whole platform as a user runs it: `vad start` from the repository root with a temporary data folder.
 * Team mode when E2E_DATABASE_URL names an empty PostgreSQL database: an owner is created first, and the
 * suite logs in with its credentials. `settings`: more environment variables of the platform.
 */
export async function startPlatform(settings: Env = {}): Promise<Running & { apiUrl: string; mode: 'embedded' | 'team'; credentials?: Credentials }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vad-e2e-'));
  const [apiPort, dashboardPort] = [await freePort(), await freePort()];
  const databaseUrl = process.env.E2E_DATABASE_URL;
  const env: Env = {
    VAD_DATA_DIR: dataDir,
    PORT: String(apiPort),
    DASHBOARD_PORT: String(dashboardPort),
    VAD_BACKEND: process.env.VAD_BACKEND ?? 'cpu',
    ...settings,
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete process.env.DATABASE_URL;
  const credentials = databaseUrl ? await addOwner(env) : undefined;
  const child = await spawnUntil(process.execPath, ['apps/cli/bin/vad.cjs', 'start'], env, /Press Ctrl\+C to stop/, 240_000);
  return {
    url: `http://127.0.0.1:${dashboardPort}`,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    mode: databaseUrl ? 'team' : 'embedded',
    credentials,
    stop: stopper([child], () => rmSync(dataDir, { recursive: true, force: true })),
  };
}

/** The built dashboard behind its front door (as `vad start` serves it) in front of the seeded mock API of e2e/mock-api. */
export async function startDashboardWithMockApi(): Promise<Running> {
  const [apiPort, dashboardPort] = [await freePort(), await freePort()];
  const api = await spawnUntil(
    process.execPath,
    ['--import', 'tsx', 'apps/dashboard/e2e/mock-api/mock-api-server.ts', String(apiPort)],
    {},
    /mock API on/,
    60_000,
  );
  const dashboard = await spawnUntil(
    process.execPath,
    ['apps/dashboard/server/serve-dashboard.cjs', String(dashboardPort), '127.0.0.1'],
    { VAD_API_URL: `http://127.0.0.1:${apiPort}` },
    /dashboard ready on/,
    60_000,
  ).catch(async (error: unknown) => {
    api.kill('SIGTERM');
    throw error;
  });
  return { url: `http://127.0.0.1:${dashboardPort}`, stop: stopper([dashboard, api]) };
}
