// `vad start`: the whole platform in one command — API, worker and dashboard.
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { createPlatformApi } from '@vad/api';
import { PLATFORM_VERSION } from '@vad/config';
import { startPlatformWorker } from '@vad/jobs';
import { openPlatformServices, stopOnSignals } from '@vad/runtime';
import { ensureDashboardBuilt, startDashboard } from '../platform/dashboard-process';
import { recordRunningPlatform } from '../platform/running-platform';

interface StartOptions {
  dashboard: boolean;
}

const log = (line: string) => process.stderr.write(`vad: ${line}\n`);

async function start(options: StartOptions): Promise<void> {
  const services = await openPlatformServices(log);
  const { config } = services;
  const runner = await startPlatformWorker(services, { log });
  // proves to the API that a request comes from this run's dashboard, which passes on its browsers' addresses
  const dashboardSecret = config.dashboardSecret ?? randomBytes(32).toString('base64url');
  const api = await createPlatformApi(services, { dashboardSecret });
  const apiPort = await api.listen(config.port, config.host).catch(async (error) => {
    await services.close();
    throw error;
  });
  const apiUrl = `http://${config.host}:${apiPort}`;
  const forgetPlatform = recordRunningPlatform(config.dataDir, apiUrl);
  let dashboard: Awaited<ReturnType<typeof startDashboard>> | undefined;
  if (options.dashboard) {
    ensureDashboardBuilt(log);
    dashboard = await startDashboard({ port: config.dashboardPort, host: config.host, apiUrl, secret: dashboardSecret, config });
  }
  // ready only once a stop is handled: a supervisor may send SIGTERM as soon as it reads the banner
  stopOnSignals(async () => {
    log('stopping…');
    dashboard?.kill('SIGTERM');
    forgetPlatform();
    await api.close();
    await runner.stop();
    await services.close();
  }, log);
  process.stdout.write(
    [
      `vad ${PLATFORM_VERSION} is running (${config.mode} mode, data in ${config.dataDir})`,
      `  GraphQL API  ${apiUrl}/graphql`,
      options.dashboard ? `  Dashboard    http://${config.host}:${config.dashboardPort}` : '  Dashboard    (not started)',
      `  Worker       in this process, running ${runner.kinds.length ? runner.kinds.join(', ') : 'no job kinds yet'}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('run the API, a worker and the dashboard in this process (configured by environment variables; see README)')
    .option('--no-dashboard', 'do not start the dashboard')
    .action((options: StartOptions) => start(options));
}
