// The CLI's remote mode: the same commands, through a platform's GraphQL API and upload route
// (`--api URL --token T`, or VAD_API_URL / VAD_TOKEN), for scripts and machines without the store.
import fs from 'node:fs';
import path from 'node:path';
import { CliUsageError } from '../cli-error';
import { progressDisplayFor } from '../output/progress-display';

export interface RemoteOptions {
  api?: string;
  token?: string;
}

export interface RemoteJob {
  id: string;
  kind: string;
  status: string;
  error: string | null;
  result: unknown;
  progress: { stage?: string; epoch?: number; epochs?: number; loss?: number; framesPerSecond?: number; etaSeconds?: number; fraction?: number } | null;
}

const JOB_FIELDS = 'id kind status error result progress { stage epoch epochs loss framesPerSecond etaSeconds fraction }';

export class RemoteApi {
  private constructor(
    readonly url: string,
    private readonly token: string | undefined,
  ) {}

  /** The remote API named by the options or the environment; undefined means local mode. */
  static from(options: RemoteOptions): RemoteApi | undefined {
    const url = options.api ?? process.env.VAD_API;
    if (!url) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new CliUsageError(`--api must be a URL like http://host:4000, got "${url}"`);
    }
    return new RemoteApi(parsed.origin, options.token ?? process.env.VAD_TOKEN);
  }

  private headers(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  async graphql<T>(query: string, variables: object = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.headers() },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new CliUsageError(`cannot reach the API at ${this.url} (${(error as Error).cause ?? (error as Error).message})`);
    }
    const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) {
      const [first] = body.errors;
      throw new CliUsageError(`${first.extensions?.code ? `${first.extensions.code}: ` : ''}${first.message}`);
    }
    if (!body.data) throw new CliUsageError(`the API at ${this.url} answered HTTP ${response.status} without data`);
    return body.data;
  }

  async upload(datasetId: string, split: 'train' | 'test', file: string, name: string, labels?: string): Promise<{ jobId: string }> {
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
    if (labels) form.append('labels', labels);
    const query = new URLSearchParams({ datasetId, split, name });
    const response = await fetch(`${this.url}/uploads?${query}`, { method: 'POST', headers: this.headers(), body: form });
    const body = (await response.json().catch(() => ({}))) as { jobId?: string; error?: { code: string; message: string } };
    if (!response.ok || !body.jobId) throw new CliUsageError(`upload of ${file} refused: ${body.error?.message ?? `HTTP ${response.status}`}`);
    return { jobId: body.jobId };
  }

  async job(id: string): Promise<RemoteJob> {
    const { job } = await this.graphql<{ job: RemoteJob | null }>(`query($id: ID!) { job(id: $id) { ${JOB_FIELDS} } }`, { id });
    if (!job) throw new CliUsageError(`no job ${id}`);
    return job;
  }

  /** Polls a job until it ends; reports progress lines; throws when it did not succeed. */
  /** Follows a job until it ends: a progress bar on a terminal (plain lines in logs), the job's result or its error. */
  async waitForJob(id: string, log: (line: string) => void, pollMs = 1000): Promise<RemoteJob> {
    const display = progressDisplayFor(log);
    let last = '';
    try {
      for (;;) {
        const job = await this.job(id);
        const p = job.progress;
        const line = p
          ? `${job.kind.toLowerCase()} ${job.status.toLowerCase()}${p.stage ? ` ${p.stage}` : ''}${p.epoch ? ` epoch ${p.epoch}/${p.epochs}` : ''}${p.loss != null ? ` loss ${p.loss.toFixed(5)}` : ''}${p.fraction != null ? ` ${Math.round(p.fraction * 100)}%` : ''}`
          : `${job.kind.toLowerCase()} ${job.status.toLowerCase()}`;
        const ended = job.status === 'SUCCEEDED' || job.status === 'FAILED' || job.status === 'CANCELLED';
        if (line !== last) display.update(p?.fraction ?? null, `vad: job ${id}: ${line}`, ended || last === '');
        last = line;
        if (job.status === 'SUCCEEDED') return job;
        if (ended) throw new CliUsageError(`job ${id} ${job.status.toLowerCase()}: ${job.error ?? 'no reason given'}`);
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    } finally {
      display.finish();
    }
  }

  /** A data set of the caller's team by name or id, with its latest version. */
  async dataset(nameOrId: string): Promise<{ id: string; name: string; latestVersion: { id: string; number: number } | null }> {
    const { datasets } = await this.graphql<{ datasets: { id: string; name: string; latestVersion: { id: string; number: number } | null }[] }>(
      '{ datasets { id name latestVersion { id number } } }',
    );
    const found = datasets.find((d) => d.id === nameOrId || d.name === nameOrId);
    if (!found) throw new CliUsageError(`no data set "${nameOrId}" on ${this.url}`);
    return found;
  }
}
