import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeVideo } from '@vad/data/testing';
import { Command } from 'commander';
import { CliUsageError } from '../cli-error';
import { registerDatasetCommand, runDatasetImport } from './dataset.command';

async function run(args: string[]): Promise<string> {
  const program = new Command('vad').exitOverride().configureOutput({ writeErr: () => undefined });
  registerDatasetCommand(program);
  const writes: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(['node', 'vad', ...args]);
  } finally {
    spy.mockRestore();
  }
  return writes.join('');
}

async function usageError(args: string[]): Promise<string> {
  try {
    await run(args);
  } catch (error) {
    if (error instanceof CliUsageError) return error.message;
    throw error;
  }
  throw new Error('expected a CliUsageError');
}

describe('vad dataset', () => {
  let root: string;
  const dataDirBefore = process.env.VAD_DATA_DIR;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-cli-dataset-'));
    // a local import records the data set in the platform's store: this run's own, not ./data of the checkout
    process.env.VAD_DATA_DIR = path.join(root, 'data');
    makeVideo(path.join(root, 'ds', 'train', 'a.mp4'), { frames: 12 });
    makeVideo(path.join(root, 'ds', 'test', 'b.mp4'), { frames: 6 });
    fs.writeFileSync(path.join(root, 'labels.json'), JSON.stringify({ b: [[2, 3]] }));
    fs.writeFileSync(path.join(root, 'short.json'), JSON.stringify({ b: [0, 1] }));
  });
  afterAll(() => {
    if (dataDirBefore === undefined) delete process.env.VAD_DATA_DIR;
    else process.env.VAD_DATA_DIR = dataDirBefore;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('import prints the summary as one JSON line', async () => {
    const out = await run(['dataset', 'import', path.join(root, 'ds'), '--format', 'folder', '--name', 'tiny', '--labels', path.join(root, 'labels.json')]);
    expect(out.endsWith('\n')).toBe(true);
    expect(JSON.parse(out)).toMatchObject({
      name: 'tiny',
      trainVideos: 1,
      testVideos: 1,
      trainFrames: 12,
      testFrames: 6,
      abnormalTestFrames: 2,
      hasPixelMasks: false,
    });
    expect(JSON.parse(out).datasetVersion).toMatch(/^[0-9a-f]{24}$/);
  });

  it('import reports each video it has checked, up to the last', async () => {
    const lines: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await runDatasetImport(path.join(root, 'ds'), { format: 'folder', name: 'tiny-progress' }, (line) => lines.push(line));
    } finally {
      stdout.mockRestore();
    }
    expect(lines[0]).toMatch(/^vad dataset import: checked [ab] \(1 of 2 videos\)$/);
    expect(lines.at(-1)).toMatch(/^vad dataset import: checked [ab] \(2 of 2 videos\)$/);
  });

  it('turns data errors into usage errors that name the file and the problem', async () => {
    expect(await usageError(['dataset', 'import', path.join(root, 'ds'), '--format', 'folder', '--labels', path.join(root, 'short.json')])).toMatch(
      /short\.json: video "b" has 2 labels but 6 frames/,
    );
    expect(await usageError(['dataset', 'import', path.join(root, 'ds'), '--format', 'kinetics'])).toMatch(/unknown data set format "kinetics"/);
    expect(await usageError(['dataset', 'import', path.join(root, 'missing'), '--format', 'folder'])).toMatch(/does not exist/);
    expect(await usageError(['dataset', 'import', path.join(root, 'ds'), '--format', 'folder', '--fps', 'fast'])).toMatch(/--fps must be a frame rate/);
  });

  it('preview writes a PNG contact sheet and describes it', async () => {
    const out = path.join(root, 'sheet.png');
    const printed = JSON.parse(await run(['dataset', 'preview', path.join(root, 'ds'), '--format', 'folder', '--out', out, '--seed', '5', '--count', '2']));
    expect(printed).toMatchObject({ out, examples: 2, videos: ['a'] });
    expect(fs.readFileSync(out).subarray(1, 4).toString()).toBe('PNG');
  });

  it('preview refuses bad numbers and a non-PNG output', async () => {
    const base = ['dataset', 'preview', path.join(root, 'ds'), '--format', 'folder'];
    expect(await usageError([...base, '--out', path.join(root, 'x.png'), '--count', '0'])).toMatch(/--count must be an integer between 1 and 64/);
    expect(await usageError([...base, '--out', path.join(root, 'x.png'), '--seed', 'abc'])).toMatch(/--seed/);
    expect(await usageError([...base, '--out', path.join(root, 'x.jpg')])).toMatch(/\.png/);
  });
});
