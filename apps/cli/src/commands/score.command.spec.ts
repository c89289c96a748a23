import path from 'node:path';
import { Command } from 'commander';
import type { FrameScore } from '@vad/model';
import { CliUsageError } from '../cli-error';
import { combinedFrameScores, planScore, registerScoreCommand, videoComponents } from './score.command';

const frame = (teacherError: number, discrepancy: number | null, classifier: number | null): FrameScore => ({
  teacherError,
  discrepancy,
  classifier,
  predictedAnomaly: null,
});

describe('vad score', () => {
  it('plans defaults: seeded test-time masks, scores.json beside its components file', () => {
    const plan = planScore('video.mp4', { model: 'run' }, '/data');
    expect(plan).toMatchObject({ format: null, mapsDir: null, testMasking: { mode: 'seeded', seed: 0 }, batchSize: 16, cacheDir: '/data/cache/frames', engine: 'auto' });
    expect(plan.out).toBe(path.resolve('scores.json'));
    expect(plan.componentsOut).toBe(path.resolve('scores.components.json'));
    expect(planScore('ped2', { model: 'run', format: 'ucsd', testMasking: 'off', out: 'x/s.json' }, '/d')).toMatchObject({
      format: 'ucsd',
      testMasking: { mode: 'off' },
      componentsOut: path.resolve('x/s.components.json'),
    });
    expect(planScore('v.mp4', { model: 'run', engine: 'onnx' }, '/d').engine).toBe('onnx');
  });

  it.each([
    [{}, /--model is required/],
    [{ model: 'm', testMasking: 'random' }, /--test-masking must be seeded or off/],
    [{ model: 'm', batch: 'many' }, /--batch must be an integer/],
    [{ model: 'm', backend: 'tpu' }, /--backend must be one of/],
    [{ model: 'm', engine: 'fastest' }, /--engine must be one of auto, tfjs, onnx/],
  ])('rejects %j', (flags, message) => {
    expect(() => planScore('v.mp4', flags, '/d')).toThrow(CliUsageError);
    expect(() => planScore('v.mp4', flags, '/d')).toThrow(message);
  });

  it('combines the per-frame components with the paper’s weights (eq. 6), missing components as 0', () => {
    const full = videoComponents([frame(1, 2, 0.5), frame(0, 0, 1)]);
    expect(full).toEqual({ teacherError: [1, 0], discrepancy: [2, 0], classifier: [0.5, 1], predictedAnomaly: null });
    const scores = combinedFrameScores(full);
    expect(scores[0]).toBeCloseTo(0.4 * 1 + 0.3 * 2 + 0.3 * 0.5, 12);
    expect(scores[1]).toBeCloseTo(0.3, 12);
    const teacherOnly = videoComponents([frame(2, null, null)]);
    expect(teacherOnly.discrepancy).toBeNull();
    expect(combinedFrameScores(teacherOnly)).toEqual([0.8]);
  });

  it('registers `score <video-or-dataset>` with its options', () => {
    const program = new Command('vad');
    registerScoreCommand(program);
    const score = program.commands.find((c) => c.name() === 'score');
    expect(score?.options.map((o) => o.long)).toEqual(expect.arrayContaining(['--model', '--maps', '--out', '--format', '--test-masking', '--engine']));
  });
});
