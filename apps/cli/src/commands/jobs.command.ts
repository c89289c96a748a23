// `vad jobs`: follow and steer a server's jobs (list, show, wait, cancel, retry), start an evaluation,
// and read a leaderboard. These need a running platform: `--api` (a local `vad start` is http://127.0.0.1:4000).
import type { Command } from 'commander';
import { PROTOCOL_PRESET_NAMES } from '@vad/metrics';
import { CliUsageError } from '../cli-error';
import { fieldList, percent, textTable } from '../output/text-table';
import { RemoteApi } from '../remote/remote-api';

const print = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};
const JSON_FLAG = ['--json', 'print JSON instead of a table'] as const;

interface JobRow {
  id: string;
  kind: string;
  subject: string;
  status: string;
  attempt: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  progress: { stage?: string | null; epoch?: number | null; epochs?: number | null; fraction?: number | null } | null;
}

function jobsTable(jobs: readonly JobRow[]): string {
  return textTable(
    ['id', 'kind', 'status', 'progress', 'queued', 'subject'],
    jobs.map((job) => [
      job.id.slice(0, 8),
      job.kind.toLowerCase(),
      job.status.toLowerCase() + (job.attempt > 1 ? ` (attempt ${job.attempt})` : ''),
      job.status === 'RUNNING' && job.progress?.fraction != null ? `${Math.round(job.progress.fraction * 100)} %` : null,
      job.createdAt.slice(0, 16).replace('T', ' '),
      job.status === 'FAILED' && job.error ? `${job.subject} — ${job.error.slice(0, 60)}` : job.subject,
    ]),
  );
}

function remoteOf(command: Command): RemoteApi {
  const remote = RemoteApi.from(command.optsWithGlobals());
  if (!remote) throw new CliUsageError('jobs live on a server: give --api URL (http://127.0.0.1:4000 for a local `vad start`)');
  return remote;
}

interface LeaderboardData {
  metric: string;
  protocol: string;
  rows: Array<{
    rank: number | null;
    comparable: boolean;
    microAuc: number | null;
    macroAuc: number | null;
    rbdc: number | null;
    tbdc: number | null;
    framesPerSecond: number | null;
    modelVersion: { number: number; model: { name: string } };
  }>;
  references: Array<{
    source: string;
    microAuc: number | null;
    macroAuc: number | null;
    rbdc: number | null;
    tbdc: number | null;
    framesPerSecond: number | null;
  }>;
}

export function registerJobsCommand(program: Command): void {
  const jobs = program.command('jobs').description('list, follow, cancel and retry jobs on a server (--api)');
  jobs
    .command('list')
    .description('the latest jobs, newest first')
    .option('--status <status>', 'QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED')
    .option('--first <n>', 'how many', '20')
    .option(...JSON_FLAG)
    .action(async (flags: { status?: string; first: string; json?: boolean }, command: Command) => {
      const api = remoteOf(command);
      const data = await api.graphql<{ jobs: { nodes: JobRow[]; totalCount: number } }>(
        'query($f: JobFilter, $n: Int) { jobs(filter: $f, first: $n) { totalCount nodes { id kind subject status attempt createdAt startedAt finishedAt error progress { stage epoch epochs loss fraction } } } }',
        { f: flags.status ? { status: [flags.status.toUpperCase()] } : null, n: Number(flags.first) },
      );
      if (flags.json) print(data.jobs);
      else process.stdout.write(`${jobsTable(data.jobs.nodes)}${data.jobs.totalCount} job${data.jobs.totalCount === 1 ? '' : 's'} in all\n`);
    });
  jobs
    .command('show <id>')
    .description('one job with its last log lines')
    .option(...JSON_FLAG)
    .action(async (id: string, flags: { json?: boolean }, command: Command) => {
      const data = await remoteOf(command).graphql<{ job: (JobRow & { logs: { at: string; level: string; message: string }[] }) | null }>(
        'query($id: ID!) { job(id: $id) { id kind subject status attempt createdAt startedAt finishedAt error result parameters progress { stage epoch epochs loss framesPerSecond etaSeconds fraction } logs(last: 20) { at level message } } }',
        { id },
      );
      const job = data.job;
      if (!job) throw new CliUsageError(`no job ${id}`);
      if (flags.json) return print(job);
      const where = job.progress?.stage
        ? `${job.progress.stage}${job.progress.epoch != null ? ` epoch ${job.progress.epoch}/${job.progress.epochs}` : ''}`
        : null;
      process.stdout.write(
        fieldList([
          ['job', `${job.kind.toLowerCase()} ${job.id}`],
          ['subject', job.subject],
          ['status', `${job.status.toLowerCase()}${job.attempt > 1 ? ` (attempt ${job.attempt})` : ''}`],
          ['progress', where],
          ['queued', job.createdAt],
          ['started', job.startedAt],
          ['finished', job.finishedAt],
          ['error', job.error],
        ]) +
          job.logs.map((line) => `  ${line.at.slice(11, 19)} [${line.level}] ${line.message}`).join('\n') +
          (job.logs.length ? '\n' : ''),
      );
    });
  jobs
    .command('wait <id>')
    .description('follow a job until it ends (exit code 2 if it failed)')
    .action(async (id: string, _flags: object, command: Command) => {
      print(await remoteOf(command).waitForJob(id, (line) => process.stderr.write(`${line}\n`)));
    });
  for (const verb of ['cancel', 'retry'] as const) {
    jobs
      .command(`${verb} <id>`)
      .description(verb === 'cancel' ? 'stop a queued or running job (a running one stops at its next step)' : 'queue a failed or cancelled job again')
      .action(async (id: string, _flags: object, command: Command) => {
        const field = `${verb}Job`;
        const data = await remoteOf(command).graphql<Record<string, object>>(`mutation($id: ID!) { ${field}(id: $id) { id status cancelRequested } }`, { id });
        print(data[field]);
      });
  }
  jobs
    .command('evaluate <inferenceJobId>')
    .description('evaluate an inference job under a protocol and wait for the metrics')
    .option('--protocol <name>', PROTOCOL_PRESET_NAMES.join(' | '), 'paper')
    .action(async (inferenceJobId: string, flags: { protocol: string }, command: Command) => {
      const api = remoteOf(command);
      const { startEvaluation } = await api.graphql<{ startEvaluation: { id: string } }>(
        'mutation($j: ID!, $p: String) { startEvaluation(inferenceJobId: $j, protocol: $p) { id } }',
        { j: inferenceJobId, p: flags.protocol },
      );
      const job = await api.waitForJob(startEvaluation.id, (line) => process.stderr.write(`${line}\n`));
      print(job.result);
    });
  program
    .command('leaderboard <dataset>')
    .description("a data set's leaderboard on a server (--api), with the paper's reference numbers")
    .option('--metric <metric>', 'MICRO_AUC, MACRO_AUC, RBDC or TBDC', 'MICRO_AUC')
    .option('--protocol <name>', PROTOCOL_PRESET_NAMES.join(' | '), 'paper')
    .option(...JSON_FLAG)
    .action(async (datasetName: string, flags: { metric: string; protocol: string; json?: boolean }, command: Command) => {
      const api = remoteOf(command);
      const dataset = await api.dataset(datasetName);
      const data = await api.graphql<{ leaderboard: LeaderboardData }>(
        'query($d: ID!, $m: LeaderboardMetric, $p: String) { leaderboard(datasetId: $d, metric: $m, protocol: $p) { metric protocol rows { rank comparable microAuc macroAuc rbdc tbdc framesPerSecond parameterCount checkpointRule modelVersion { id number model { name } } } references { source microAuc macroAuc rbdc tbdc framesPerSecond } } }',
        { d: dataset.id, m: flags.metric.toUpperCase(), p: flags.protocol },
      );
      if (flags.json) return print(data.leaderboard);
      const board = data.leaderboard;
      const rows = board.rows.map((row) => [
        row.rank,
        `${row.modelVersion.model.name} v${row.modelVersion.number}${row.comparable ? '' : ' (not comparable)'}`,
        percent(row.microAuc),
        percent(row.macroAuc),
        percent(row.rbdc),
        percent(row.tbdc),
        row.framesPerSecond === null ? null : Math.round(row.framesPerSecond),
      ]);
      const references = board.references.map((ref) => [
        'ref',
        ref.source,
        percent(ref.microAuc),
        percent(ref.macroAuc),
        percent(ref.rbdc),
        percent(ref.tbdc),
        ref.framesPerSecond,
      ]);
      process.stdout.write(
        `${datasetName}, protocol ${board.protocol}, ranked by ${board.metric.toLowerCase().replace('_', ' ')}\n` +
          textTable(['rank', 'model version', 'micro AUC %', 'macro AUC %', 'RBDC %', 'TBDC %', 'frames/s'], [...rows, ...references]),
      );
    });
}
