// Binds an HTTP server, turning the usual failures into messages that say which setting to change.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StartupError, StartupErrorCode } from './startup.error';

export function listen(server: Server, port: number, host: string, setting: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(new StartupError(StartupErrorCode.PortInUse, `port ${port} on ${host} is already in use; set ${setting} to a free port`, { cause: error }));
      } else if (error.code === 'EACCES') {
        reject(
          new StartupError(StartupErrorCode.PermissionDenied, `no permission to listen on port ${port}; set ${setting} to a port above 1023`, { cause: error }),
        );
      } else {
        reject(error);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
