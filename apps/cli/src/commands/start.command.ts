// `vad start`: the whole platform in one command — API, worker and dashboard.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Command } from 'commander';
import { createApiServer, httpRoutes } from '@vad/api';
import { PLATFORM_VERSION } from '@vad/config';
import { startJobRunner } from '@vad/worker';
import { ensureDashboardBuilt, startDashboard } from '../platform/dashboard-process';
import { frameCacheDir, platformWorker } from '../platform/job-handlers';
import { recordRunningPlatform } from '../platform/running-platform';
import { FrameCache } from '@vad/data';
import { runnerTiming } from '../platform/runner-timing';
import { startServices } from '../platform/start-services';

interface StartOptions {
  dashboard: boolean;
}

const log = (line: string) => process.stderr.write(`vad: ${line}\n`);

async function start(options: StartOptions): Promise<void> {
  const services = await startServices(log);
  const { config } = services;
  const runner = await startJobRunner({
    ...services,
    ...runnerTiming(config),
    ...platformWorker(services, log),
    workerId: `${hostname()}:${process.pid}`,
  });
  // proves to the API that a request comes from this run's dashboard, which passes on its browsers' addresses
  const dashboardSecret = config.dashboardSecret ?? randomBytes(32).toString('base64url');
  const api = await createApiServer(
    { ...services, version: PLATFORM_VERSION, mode: config.mode },
    {
      production: process.env.NODE_ENV === 'production',
      debug: config.debug,
      dashboardPort: config.dashboardPort,
      dashboardSecret,
      allowedHosts: config.allowedHosts,
      trustedProxies: config.trustedProxies,
      importRoots: config.importRoots,
      frameCache: new FrameCache(frameCacheDir(config), { maxBytes: config.frameCacheBytes }),
      routes: httpRoutes({ maxUploadBytes: config.maxUploadBytes }),
    },
  );
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
  const stop = async () => {
    log('stopping…');
    dashboard?.kill('SIGTERM');
    forgetPlatform();
    await api.close();
    await runner.stop();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('run the API, a worker and the dashboard in this process (configured by environment variables; see README)')
    .option('--no-dashboard', 'do not start the dashboard')
    .action((options: StartOptions) => start(options));
}
