// `vad jobs`: follow and steer a server's jobs (list, show, wait, cancel, retry), start an evaluation,
// and read a leaderboard. These need a running platform: `--api` (a local `vad start` is http://127.0.0.1:4000).
import type { Command } from 'commander';
import { PROTOCOL_PRESET_NAMES } from '@vad/metrics';
import { CliUsageError } from '../cli-error';
import { RemoteApi } from '../remote/remote-api';

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

function remoteOf(command: Command): RemoteApi {
  const remote = RemoteApi.from(command.optsWithGlobals());
  if (!remote) throw new CliUsageError('jobs live on a server: give --api URL (http://127.0.0.1:4000 for a local `vad start`)');
  return remote;
}

export function registerJobsCommand(program: Command): void {
  const jobs = program.command('jobs').description('list, follow, cancel and retry jobs on a server (--api)');
  jobs
    .command('list')
    .description('the latest jobs, newest first')
    .option('--status <status>', 'QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED')
    .option('--first <n>', 'how many', '20')
    .action(async (flags: { status?: string; first: string }, command: Command) => {
      const api = remoteOf(command);
      const data = await api.graphql<{ jobs: { nodes: object[]; totalCount: number } }>(
        'query($f: JobFilter, $n: Int) { jobs(filter: $f, first: $n) { totalCount nodes { id kind status attempt createdAt error progress { stage epoch epochs loss fraction } } } }',
        { f: flags.status ? { status: [flags.status.toUpperCase()] } : null, n: Number(flags.first) },
      );
      print(data.jobs);
    });
  jobs
    .command('show <id>')
    .description('one job with its last log lines')
    .action(async (id: string, _flags: object, command: Command) => {
      const data = await remoteOf(command).graphql<{ job: object | null }>(
        'query($id: ID!) { job(id: $id) { id kind status attempt error result parameters progress { stage epoch epochs loss framesPerSecond etaSeconds fraction } logs(last: 20) { at level message } } }',
        { id },
      );
      if (!data.job) throw new CliUsageError(`no job ${id}`);
      print(data.job);
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
    .description('a data set\'s leaderboard on a server (--api), with the paper\'s reference numbers')
    .option('--metric <metric>', 'MICRO_AUC, MACRO_AUC, RBDC or TBDC', 'MICRO_AUC')
    .option('--protocol <name>', PROTOCOL_PRESET_NAMES.join(' | '), 'paper')
    .action(async (datasetName: string, flags: { metric: string; protocol: string }, command: Command) => {
      const api = remoteOf(command);
      const dataset = await api.dataset(datasetName);
      const data = await api.graphql<{ leaderboard: object }>(
        'query($d: ID!, $m: LeaderboardMetric, $p: String) { leaderboard(datasetId: $d, metric: $m, protocol: $p) { metric protocol rows { rank comparable microAuc macroAuc rbdc tbdc framesPerSecond parameterCount checkpointRule modelVersion { id number model { name } } } references { source microAuc macroAuc rbdc tbdc } } }',
        { d: dataset.id, m: flags.metric.toUpperCase(), p: flags.protocol },
      );
      print(data.leaderboard);
    });
}
