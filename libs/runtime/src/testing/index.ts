export { embeddedEnvironment, startServerProcess, type ServerProcess } from './server-process';
