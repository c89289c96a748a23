// The GraphQL API on its own, for deployments that run workers and the dashboard elsewhere. Configured by
// the environment like `vad start` (DATABASE_URL, REDIS_URL, VAD_DATA_DIR, PORT, VAD_DASHBOARD_SECRET, …).
import { createPlatformApi } from '@vad/api';
import { openPlatformServices, reportStartFailure, stopOnSignals } from '@vad/runtime';

const log = (line: string) => process.stderr.write(`vad api: ${line}\n`);

async function main(): Promise<void> {
  const services = await openPlatformServices(log);
  const { config } = services;
  const api = await createPlatformApi(services, { dashboardSecret: config.dashboardSecret });
  const port = await api.listen(config.port, config.host).catch(async (error) => {
    await services.close();
    throw error;
  });
  // ready only once a stop is handled: a supervisor may send SIGTERM as soon as it reads the line
  stopOnSignals(async () => {
    await api.close();
    await services.close();
  }, log);
  process.stdout.write(`GraphQL API http://${config.host}:${port}/graphql\n`);
}

main().catch((error: unknown) => {
  process.exitCode = reportStartFailure(error, log);
});
