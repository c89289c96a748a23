// Runs the Next.js dashboard beside the API: built once on first start, then served behind its front door
// (apps/dashboard/server) in a child process that reaches the API through VAD_API_URL at run time.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { VadConfig } from '@vad/config';
import { CliUsageError } from '../cli-error';

const DASHBOARD_DIR = path.resolve(__dirname, '../../../dashboard');

function nextBin(): string {
  return require.resolve('next/dist/bin/next', { paths: [DASHBOARD_DIR] });
}

const childEnv = (extra: Record<string, string>) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra });

/** Newest modification time of the dashboard's sources, so that a build older than them is redone. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.next' || entry.name === 'e2e' || entry.name === 'server' || entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

export function ensureDashboardBuilt(log: (line: string) => void): void {
  const buildId = path.join(DASHBOARD_DIR, '.next', 'BUILD_ID');
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs >= newestSource(DASHBOARD_DIR)) return;
  log('building the dashboard (on first start and after updates, about a minute)…');
  const build = spawnSync(process.execPath, [nextBin(), 'build', DASHBOARD_DIR], { stdio: 'inherit', env: childEnv({}) });
  if (build.status !== 0) throw new Error('the dashboard build failed; see the output above');
}

export interface DashboardOptions {
  port: number;
  host: string;
  apiUrl: string;
  /** Sent with every request the dashboard forwards, so the API believes the browser address it passes on. */
  secret: string;
  config: Pick<VadConfig, 'mode' | 'allowedHosts' | 'trustedProxies'>;
}

export function startDashboard(options: DashboardOptions): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(DASHBOARD_DIR, 'server', 'serve-dashboard.cjs'), String(options.port), options.host], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv({
      VAD_API_URL: options.apiUrl,
      VAD_DASHBOARD_SECRET: options.secret,
      VAD_DEPLOYMENT_MODE: options.config.mode,
      // the API's host policy, resolved: the dashboard answers the same names
      VAD_ALLOWED_HOSTS: options.config.allowedHosts === null ? '*' : options.config.allowedHosts.join(','),
      VAD_TRUSTED_PROXIES: options.config.trustedProxies.join(','),
    }),
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/dashboard ready on/i.test(output)) {
        child.stdout?.off('data', onData);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      if (/EADDRINUSE/.test(output)) {
        reject(new CliUsageError(`port ${options.port} on ${options.host} is already in use; set DASHBOARD_PORT to a free port`));
      } else {
        reject(new Error(`the dashboard stopped (exit code ${code}):\n${output.trim()}`));
      }
    });
  });
}
