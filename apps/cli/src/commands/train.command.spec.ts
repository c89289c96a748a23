import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { CliUsageError } from '../cli-error';
import { planTrain, progressLine, registerTrainCommand } from './train.command';

describe('vad train', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'vad-train-cli-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('plans a run from the preset with flag overrides and default folders under the data dir', () => {
    const plan = planTrain(
      { dataset: folder, format: 'ucsd', preset: 'cpu-ped2', epochsTeacher: '3', epochsStudent: '0', batch: '4', seed: '7', resume: true },
      '/data',
    );
    expect(plan).toMatchObject({
      source: { kind: 'folder', format: 'ucsd' },
      seed: 7,
      resume: true,
      motion: 'paper',
      validationVideos: undefined,
      cacheDir: '/data/cache/frames',
    });
    expect(plan.outDir).toBe(`/data/models/${path.basename(folder)}-cpu-ped2-seed7`);
    expect(plan.preset.training).toMatchObject({ teacherEpochs: 3, studentEpochs: 0, batchSize: 4, checkpointSelection: 'last-epoch' });
  });

  it('takes a bare name that is not a folder as a data set of the local store, with no --format', () => {
    const plan = planTrain({ dataset: 'ped2', preset: 'cpu-ped2' }, '/data');
    expect(plan.source).toEqual({ kind: 'stored', name: 'ped2' });
    expect(plan.outDir).toBe('/data/models/ped2-cpu-ped2-seed0');
  });

  it('takes --threads as the replica count, and leaves it to the backend without it', () => {
    expect(planTrain({ dataset: folder, format: 'ucsd', preset: 'cpu-ped2', threads: '3' }, '/data').threads).toBe(3);
    expect(planTrain({ dataset: folder, format: 'ucsd', preset: 'cpu-ped2' }, '/data').threads).toBeUndefined();
    expect(() => planTrain({ dataset: folder, format: 'ucsd', preset: 'cpu-ped2', threads: '0' }, '/data')).toThrow(
      '--threads must be an integer ≥ 1, got "0"',
    );
  });

  it('holds out the videos asked for, and selects by validation loss only when asked', () => {
    const plan = planTrain({ dataset: folder, format: 'ucsd', preset: 'cpu-ped2', validationVideos: '2' }, '/data');
    expect(plan.validationVideos).toBe(2);
    expect(plan.preset.training.checkpointSelection).toBe('last-epoch');
    const selected = planTrain({ dataset: folder, format: 'ucsd', preset: 'cpu-ped2', checkpointSelection: 'validation-loss' }, '/data');
    expect(selected.preset.training.checkpointSelection).toBe('validation-loss');
  });

  it.each([
    [{ format: 'ucsd', preset: 'cpu-ped2' }, /--dataset NAME\|PATH is required/],
    [{ dataset: '/no/such/folder', format: 'ucsd', preset: 'cpu-ped2' }, /is not a folder/],
    [{ dataset: '.', preset: 'cpu-ped2' }, /--format is required/],
    [{ dataset: '.', format: 'ucsd', preset: 'big' }, /--preset must be one of/],
    [{ dataset: '.', format: 'ucsd', preset: 'cpu-ped2', batch: '0' }, /--batch must be an integer ≥ 1/],
    [{ dataset: '.', format: 'ucsd', preset: 'cpu-ped2', motion: 'fast' }, /--motion must be paper or reference-code/],
    [
      { dataset: '.', format: 'ucsd', preset: 'cpu-ped2', checkpointSelection: 'best-test-auc' },
      /--checkpoint-selection must be last-epoch or validation-loss/,
    ],
    [{ dataset: '.', format: 'ucsd', preset: 'cpu-ped2', checkpointSelection: 'validation-loss', validationVideos: '0' }, /needs held-out videos/],
  ])('rejects %j', (flags, message) => {
    expect(() => planTrain(flags, '/data')).toThrow(CliUsageError);
    expect(() => planTrain(flags, '/data')).toThrow(message);
  });

  it('formats progress with steps, speed and ETA', () => {
    const line = progressLine({
      stage: 1,
      epoch: 2,
      totalEpochs: 10,
      step: 5,
      stepsPerEpoch: 20,
      globalStep: 25,
      loss: 0.0123456,
      parts: { loss: 0.0123456 },
      framesPerSecond: 3.25,
      etaSeconds: 600,
    });
    expect(line).toBe('vad train: stage 1 epoch 2/10 step 5/20 loss 0.01235 (3.3 frames/s, ETA 10 min)');
  });

  it('registers the train command with its options', () => {
    const program = new Command('vad');
    registerTrainCommand(program);
    const train = program.commands.find((c) => c.name() === 'train');
    expect(train?.options.map((o) => o.long)).toEqual(
      expect.arrayContaining(['--dataset', '--preset', '--epochs-teacher', '--epochs-student', '--batch', '--seed', '--resume', '--validation-videos']),
    );
  });
});
