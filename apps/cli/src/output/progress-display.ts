// Progress of a long command on stderr: on a terminal one line redrawn in place with a bar ("[#####-----] 45 %"),
// for logs and pipes a plain line now and then (every 10 s, and at the ends of stages), so that files stay readable.
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): boolean;
}

/** "[######----------] 37 %" for a fraction in 0..1; "[?]" before the size of the work is known. */
export function progressBar(fraction: number | null, width = 20): string {
  if (fraction === null || !Number.isFinite(fraction)) return '[?]';
  const done = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(done)}${'-'.repeat(width - done)}] ${String(Math.floor(Math.min(1, Math.max(0, fraction)) * 100)).padStart(3)} %`;
}

export class ProgressDisplay {
  private lastWrite = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = Date.now,
    private readonly lineEveryMs = 10_000,
  ) {}

  /** `important` lines (a stage's end) are written even between the plain lines' interval. */
  update(fraction: number | null, text: string, important = false): void {
    const now = this.now();
    if (this.stream.isTTY) {
      if (now - this.lastWrite < 200 && !important) return;
      this.stream.write(`\r\x1b[K${progressBar(fraction)} ${text}`);
      this.drawn = true;
    } else {
      if (now - this.lastWrite < this.lineEveryMs && !important) return;
      this.stream.write(`${text}\n`);
    }
    this.lastWrite = now;
  }

  /** A message of its own line, below the bar (which the next update draws again). */
  log(text: string): void {
    this.finish();
    this.stream.write(`${text}\n`);
  }

  /** Ends the bar's line on a terminal. */
  finish(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}

/** One line on stderr: what commands log by default. */
export const writeLine = (line: string): void => void process.stderr.write(`${line}\n`);

/**
 * The display of a command whose messages go to `log`: stderr itself (a bar on a terminal) when `log` is the
 * default, else plain lines through the caller's own log.
 */
export function progressDisplayFor(log: (line: string) => void): ProgressDisplay {
  return new ProgressDisplay(log === writeLine ? process.stderr : { write: (text) => (log(text.replace(/\n$/, '')), true) });
}
