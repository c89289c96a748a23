// Serves the built dashboard behind its front door (front-door.ts): Next.js in this process, started by
// `vad start` as a child process with VAD_API_URL and the settings of the platform in its environment.
// Usage: node serve-dashboard.cjs <port> <host>
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { admit, frontDoorPolicy } from './front-door';

async function serve(port: number, host: string): Promise<void> {
  // the proxy routes believe X-Forwarded-For only when it was written here (see app/proxy-headers.ts)
  process.env.VAD_FRONT_DOOR = '1';
  const policy = frontDoorPolicy(process.env);
  const app = next({ dev: false, dir: path.resolve(__dirname, '..'), hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((request, response) => {
    if (admit(request, response, policy)) void handle(request, response);
  });
  server.once('error', (error) => {
    process.stderr.write(`${(error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'EADDRINUSE: ' : ''}${error.message}\n`);
    process.exit(1);
  });
  server.listen(port, host, () => process.stdout.write(`dashboard ready on http://${host}:${port}\n`));
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const [port, host] = process.argv.slice(2);
serve(Number(port), host ?? '127.0.0.1').catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
