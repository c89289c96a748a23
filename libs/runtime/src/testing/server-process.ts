// Runs one of the platform's server processes (a TypeScript main, through tsx) for a test: waits for a line
// that says it is ready, and stops it the way a supervisor does.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the first match of `pattern` in its output; rejects when it exits first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Sends SIGTERM and resolves with the exit code (or the signal that ended it). */
  stop(): Promise<number | NodeJS.Signals | null>;
  /** Resolves with the exit code (or the signal that ended it) once it has exited on its own. */
  exited(): Promise<number | NodeJS.Signals | null>;
}

export function startServerProcess(mainFile: string, env: NodeJS.ProcessEnv): ServerProcess {
  const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), mainFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exit = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    output: () => output,
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (!match) return;
          finish();
          resolve(match);
        };
        const timer = setTimeout(() => (finish(), reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${output}`))), timeoutMs);
        void exit.then((code) => (finish(), reject(new Error(`exited (${code}) before ${pattern}; output:\n${output}`))));
        const finish = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      }),
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exit;
    },
    exited: () => exit,
  };
}

/** This process's environment for a server process of its own: the embedded store and queue in `dataDir`. */
export function embeddedEnvironment(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, VAD_DATA_DIR: dataDir, ...extra };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return env;
}
