// Runs a short-lived child process (ffprobe) with a wall-clock limit, collecting bounded output.
import { spawn } from 'node:child_process';
import { DataError, DataErrorCode } from '../data.error';

export interface ProcessResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  timedOut: boolean;
}

export interface RunProcessOptions {
  timeoutMs: number;
  /** Output beyond this is dropped, so a chatty or hostile input cannot fill the memory. */
  maxOutputBytes?: number;
  /** The file being examined, named in errors. */
  subject: string;
}

export function runProcess(command: string, args: readonly string[], options: RunProcessOptions): Promise<ProcessResult> {
  const limit = options.maxOutputBytes ?? 4 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (outBytes < limit) out.push(chunk);
      outBytes += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (errBytes < 64 * 1024) err.push(chunk);
      errBytes += chunk.length;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new DataError(DataErrorCode.FfmpegNotFound, `${command} was not found; install ffmpeg (apt-get install -y ffmpeg) to read ${options.subject}`)
          : new DataError(DataErrorCode.DecoderFailed, `${command} could not start for ${options.subject}: ${error.message}`, options.subject),
      );
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), exitCode, timedOut });
    });
  });
}

/** The first lines of an ffmpeg error log, short enough for an error message. */
export function summariseLog(stderr: string, lines = 3): string {
  const kept = stderr
    .split('\n')
    .map((line) => line.replace(/^\[[^\]]*\]\s*/, '').trim())
    .filter((line) => line.length > 0);
  return kept.slice(0, lines).join('; ');
}
