// What the CLI's commands do in remote mode: the operations of local mode, as GraphQL calls and jobs.
import fs from 'node:fs';
import { CliUsageError } from '../cli-error';
import type { RemoteApi } from './remote-api';

const log = (line: string) => process.stderr.write(`${line}\n`);
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

export interface RemoteImportFlags {
  format?: string;
  name?: string;
  labels?: string;
  masks?: string;
}

/** `vad dataset import PATH --api …`: PATH is a folder on the server (owners only). */
export async function remoteDatasetImport(api: RemoteApi, serverPath: string, flags: RemoteImportFlags): Promise<void> {
  if (!flags.format) throw new CliUsageError('--format is required');
  const name = flags.name ?? serverPath.split('/').filter(Boolean).at(-1) ?? 'dataset';
  const { importServerFolder } = await api.graphql<{ importServerFolder: { id: string } }>(
    'mutation($input: ImportFolderInput!) { importServerFolder(input: $input) { id } }',
    { input: { datasetName: name, path: serverPath, format: flags.format, labelsPath: flags.labels ?? null, masksPath: flags.masks ?? null } },
  );
  const job = await api.waitForJob(importServerFolder.id, log);
  const result = job.result as { summary: object; datasetId: string; datasetVersionId: string; number: number };
  print({ ...result.summary, datasetId: result.datasetId, datasetVersionId: result.datasetVersionId, versionNumber: result.number });
}

/** `vad dataset upload FILE --dataset NAME --split test --api …` */
export async function remoteDatasetUpload(
  api: RemoteApi,
  file: string,
  flags: { dataset: string; split: string; name?: string; labels?: string },
): Promise<void> {
  if (flags.split !== 'train' && flags.split !== 'test') throw new CliUsageError('--split must be train or test');
  if (!fs.existsSync(file)) throw new CliUsageError(`${file} does not exist`);
  const dataset = await api.dataset(flags.dataset);
  const labels = flags.labels ? fs.readFileSync(flags.labels, 'utf8') : undefined;
  const name =
    flags.name ??
    file
      .split('/')
      .at(-1)
      ?.replace(/\.[^.]+$/, '') ??
    'video';
  const { jobId } = await api.upload(dataset.id, flags.split, file, name, labels);
  const job = await api.waitForJob(jobId, log);
  print(job.result);
}

export interface RemoteTrainFlags {
  dataset?: string;
  preset?: string;
  epochsTeacher?: string;
  epochsStudent?: string;
  batch?: string;
  seed?: string;
  modelName?: string;
  validationVideos?: string;
  noWait?: boolean;
}

const optionalInt = (value: string | undefined) => (value === undefined ? null : Number.parseInt(value, 10));

/** `vad train --dataset NAME --preset P --api …`: a TRAIN job on the data set's latest version. */
export async function remoteTrain(api: RemoteApi, flags: RemoteTrainFlags): Promise<void> {
  if (!flags.dataset || !flags.preset) throw new CliUsageError('--dataset NAME and --preset are required');
  const dataset = await api.dataset(flags.dataset);
  if (!dataset.latestVersion) throw new CliUsageError(`data set "${dataset.name}" has no videos yet`);
  const { startTraining } = await api.graphql<{ startTraining: { id: string } }>('mutation($input: TrainingInput!) { startTraining(input: $input) { id } }', {
    input: {
      datasetVersionId: dataset.latestVersion.id,
      modelName: flags.modelName ?? `${dataset.name}-${flags.preset}`,
      preset: flags.preset,
      epochsTeacher: optionalInt(flags.epochsTeacher),
      epochsStudent: optionalInt(flags.epochsStudent),
      batchSize: optionalInt(flags.batch),
      seed: optionalInt(flags.seed),
      validationVideos: optionalInt(flags.validationVideos),
    },
  });
  log(`vad: training job ${startTraining.id} queued on ${api.url}`);
  const job = await api.waitForJob(startTraining.id, log, 2000);
  print({ jobId: job.id, ...(job.result as object) });
}

/** `vad score --model VERSION_ID --dataset NAME --api …`: an INFER job, then the frame scores as scores.json. */
export async function remoteScore(api: RemoteApi, flags: { model?: string; dataset?: string; out?: string; protocol?: string }): Promise<void> {
  if (!flags.model || !flags.dataset) throw new CliUsageError('--model MODEL_VERSION_ID and --dataset NAME are required with --api');
  const dataset = await api.dataset(flags.dataset);
  if (!dataset.latestVersion) throw new CliUsageError(`data set "${dataset.name}" has no videos yet`);
  const { startInference } = await api.graphql<{ startInference: { id: string } }>(
    'mutation($input: InferenceInput!) { startInference(input: $input) { id } }',
    { input: { modelVersionId: flags.model, datasetVersionId: dataset.latestVersion.id } },
  );
  await api.waitForJob(startInference.id, log);
  const { job } = await api.graphql<{ job: { inferenceRuns: { video: { name: string }; frameScores: { scores: number[] } }[] } }>(
    'query($id: ID!, $p: String) { job(id: $id) { inferenceRuns { video { name } frameScores(protocol: $p) { scores } } } }',
    { id: startInference.id, p: flags.protocol ?? 'paper' },
  );
  const scores = Object.fromEntries(job.inferenceRuns.map((run) => [run.video.name, run.frameScores.scores]));
  const out = flags.out ?? 'scores.json';
  fs.writeFileSync(out, `${JSON.stringify(scores)}\n`);
  print({ out, inferenceJobId: startInference.id, videos: job.inferenceRuns.length });
}
