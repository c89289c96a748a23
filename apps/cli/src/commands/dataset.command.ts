// `vad dataset`: bring a data set in from the user's files (`import`, prints a JSON summary) and look at
// the synthetic anomalies training would paste into it (`preview`, writes a PNG contact sheet).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '@vad/config';
import { DataError, type DatasetSummary, importDataset, type ImportedDataset, type ImportOptions, parseDatasetFormat, previewDataset } from '@vad/data';
import { recordImportedDataset } from '@vad/jobs';
import { CliUsageError } from '../cli-error';
import { progressDisplayFor, writeLine } from '../output/progress-display';
import { RemoteApi } from '../remote/remote-api';
import { remoteDatasetImport, remoteDatasetUpload } from '../remote/remote-commands';
import { withLocalStore } from '../platform/local-store';
import { runningPlatform } from '../platform/running-platform';

export interface DatasetImportFlags {
  format?: string;
  name?: string;
  labels?: string;
  masks?: string;
  /** false with --no-verify: trust declared frame counts instead of decoding every video once. */
  verify?: boolean;
  ubnormalSplit?: string;
  fps?: string;
  /** Team (slug) to record the data set in; default the local owner's team. */
  team?: string;
}

export interface DatasetPreviewFlags extends DatasetImportFlags {
  out?: string;
  seed?: string;
  count?: string;
}

/** Data errors are the user's to fix (a bad file, a wrong layout): report them as usage errors. */
async function asUsageError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DataError) throw new CliUsageError(error.message);
    throw error;
  }
}

function integerFlag(value: string | undefined, flag: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliUsageError(`${flag} must be an integer between ${min} and ${max}, got "${value}"`);
  return n;
}

async function load(sourcePath: string, flags: DatasetImportFlags, onVideoInspected?: ImportOptions['onVideoInspected']): Promise<ImportedDataset> {
  if (flags.format === undefined) throw new CliUsageError('--format is required (ucsd, avenue, shanghaitech, ubnormal or folder)');
  const split = flags.ubnormalSplit;
  if (split !== undefined && split !== 'test' && split !== 'validation')
    throw new CliUsageError(`--ubnormal-split must be "test" or "validation", got "${split}"`);
  const folderFps = flags.fps === undefined ? undefined : Number(flags.fps);
  if (folderFps !== undefined && !(folderFps > 0 && folderFps <= 1000))
    throw new CliUsageError(`--fps must be a frame rate between 0 and 1000, got "${flags.fps}"`);
  return asUsageError(() =>
    importDataset(sourcePath, {
      folderFps,
      format: parseDatasetFormat(flags.format as string),
      name: flags.name,
      labelsPath: flags.labels,
      masksPath: flags.masks,
      verifyDecode: flags.verify ?? true,
      ubnormalTestSplit: split,
      onVideoInspected,
    }),
  );
}

/** Validates the data set, records it in the configured store as a new version, and prints the summary. */
export async function runDatasetImport(sourcePath: string, flags: DatasetImportFlags, log: (line: string) => void = writeLine): Promise<DatasetSummary> {
  const display = progressDisplayFor(log);
  const dataset = await load(sourcePath, flags, ({ name, done, total }) =>
    display.update(done / total, `vad dataset import: checked ${name} (${done} of ${total} videos)`, done === total),
  );
  display.finish();
  const recorded = await withLocalStore(flags.team, (database, teamId) => recordImportedDataset(database, teamId, dataset, flags.name ?? dataset.name));
  process.stdout.write(
    JSON.stringify({
      ...dataset.summary,
      datasetId: recorded.datasetId,
      datasetVersionId: recorded.datasetVersionId,
      versionNumber: recorded.number,
      newVersion: recorded.created,
    }) + '\n',
  );
  return dataset.summary;
}

export async function runDatasetPreview(sourcePath: string, flags: DatasetPreviewFlags): Promise<void> {
  if (flags.out === undefined) throw new CliUsageError('--out FILE.png is required');
  if (path.extname(flags.out).toLowerCase() !== '.png') throw new CliUsageError(`--out must name a .png file, got "${flags.out}"`);
  const seed = integerFlag(flags.seed, '--seed', 0, 0, 2 ** 32 - 1);
  const count = integerFlag(flags.count, '--count', 8, 1, 64);
  const dataset = await load(sourcePath, { ...flags, verify: flags.verify ?? false });
  const preview = await asUsageError(() => previewDataset(dataset, { seed, count }));
  const out = path.resolve(flags.out);
  await writeFile(out, preview.png);
  const { width, height, examples, videos, objectSource } = preview;
  process.stdout.write(JSON.stringify({ out, width, height, examples, videos, objectSource }) + '\n');
}

export function registerDatasetCommand(program: Command): void {
  const dataset = program.command('dataset').description('import data sets and preview their synthetic anomalies');
  const withSourceOptions = (command: Command) =>
    command
      .requiredOption('--format <format>', 'layout of PATH: ucsd, avenue, shanghaitech, ubnormal or folder')
      .option('--labels <file>', 'frame labels kept beside the data: JSON {"video": [0,1,…]} or {"video": [[start,end],…]}, .npy, or UCSD .m')
      .option('--masks <dir>', 'pixel masks kept beside the data: one folder of images (or .npy / .mat file) per test video')
      .option('--ubnormal-split <split>', 'UBnormal: evaluate on the "test" (default) or "validation" split')
      .option('--fps <n>', "frame rate of frame folders, which carry none (default: the format's usual rate, 25 for folder)");
  withSourceOptions(dataset.command('import <path>'))
    .description('validate a data set and print its summary as JSON (videos, frames, abnormal frames, masks, version)')
    .option('--name <name>', 'name of the data set (default: the folder name)')
    .option('--no-verify', 'do not decode every video to check it; trust the frame counts the files declare')
    .option('--team <slug>', "team to record the data set in (default: the local owner's team)")
    .action(async (sourcePath: string, flags: DatasetImportFlags, command: Command) => {
      const remote = RemoteApi.from(command.optsWithGlobals());
      if (remote) return remoteDatasetImport(remote, sourcePath, flags);
      const config = loadConfig(process.env, process.cwd());
      const running = config.mode === 'embedded' ? runningPlatform(config.dataDir) : null;
      if (running !== null) {
        // the running platform owns the embedded store: it imports, and its dashboard shows the data set
        process.stderr.write(`vad dataset import: \`vad start\` is running on ${config.dataDir}; importing through it (${running})\n`);
        const local = RemoteApi.from({ api: running }) as RemoteApi;
        return remoteDatasetImport(local, path.resolve(sourcePath), {
          ...flags,
          labels: flags.labels && path.resolve(flags.labels),
          masks: flags.masks && path.resolve(flags.masks),
        });
      }
      await runDatasetImport(sourcePath, flags);
    });
  dataset
    .command('upload <video>')
    .description(
      'upload a video to a data set on the server (--api); its import adds it to the latest version while uploads arrive together (ten minutes, nothing using it yet), else makes a new one',
    )
    .requiredOption('--dataset <name>', 'data set name (or id) on the server')
    .requiredOption('--split <split>', 'train or test')
    .option('--name <name>', 'video name (default: the file name)')
    .option('--labels <file>', 'ground truth for a test video: JSON [0,1,…] or [[start,end],…]')
    .action(async (file: string, flags: { dataset: string; split: string; name?: string; labels?: string }, command: Command) => {
      const remote = RemoteApi.from(command.optsWithGlobals());
      if (!remote) throw new CliUsageError('upload sends a video to a server: give --api URL (e.g. http://127.0.0.1:4000 for `vad start`)');
      await remoteDatasetUpload(remote, file, flags);
    });
  withSourceOptions(dataset.command('preview <path>'))
    .description('write a PNG contact sheet of training samples with synthetic anomalies (input, map, clean target, token weights)')
    .requiredOption('--out <file.png>', 'where to write the contact sheet')
    .option('--seed <n>', 'random seed (default 0)')
    .option('--count <k>', 'number of examples, 1–64 (default 8)')
    .action((sourcePath: string, flags: DatasetPreviewFlags) => runDatasetPreview(sourcePath, flags));
}
