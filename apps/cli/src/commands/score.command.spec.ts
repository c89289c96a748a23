import path from 'node:path';
import { Command } from 'commander';
import type { FrameScore } from '@vad/model';
import { protocolPreset } from '@vad/metrics';
import { CliUsageError } from '../cli-error';
import { planScore, registerScoreCommand, videoComponents } from './score.command';

const frame = (teacherError: number, discrepancy: number | null, classifier: number | null): FrameScore => ({
  teacherError,
  discrepancy,
  classifier,
  predictedAnomaly: null,
  maps: {
    width: 1,
    height: 1,
    frameChannels: 1,
    teacherError: { frame: Float32Array.of(teacherError), anomalyMap: null },
    discrepancy: discrepancy === null ? null : { frame: Float32Array.of(discrepancy), anomalyMap: null },
  },
});

describe('vad score', () => {
  it('plans defaults: no test-time masks, the paper protocol, scores.json beside its components file', () => {
    const plan = planScore('video.mp4', { model: 'run' }, '/data');
    expect(plan).toMatchObject({ format: null, mapsDir: null, testMasking: { mode: 'off' }, batchSize: 16, cacheDir: '/data/cache/frames', engine: 'auto' });
    expect(plan.protocol).toEqual(protocolPreset('paper'));
    expect(plan.out).toBe(path.resolve('scores.json'));
    expect(plan.componentsOut).toBe(path.resolve('scores.components.json'));
    expect(
      planScore('ped2', { model: 'run', format: 'ucsd', testMasking: 'seeded', seed: '3', out: 'x/s.json', protocol: 'reference-code' }, '/d'),
    ).toMatchObject({
      format: 'ucsd',
      testMasking: { mode: 'seeded', seed: 3 },
      componentsOut: path.resolve('x/s.components.json'),
      protocol: { name: 'reference-code' },
    });
    expect(planScore('v.mp4', { model: 'run', engine: 'onnx' }, '/d').engine).toBe('onnx');
  });

  it.each([
    [{}, /--model is required/],
    [{ model: 'm', testMasking: 'random' }, /--test-masking must be seeded or off/],
    [{ model: 'm', batch: 'many' }, /--batch must be an integer/],
    [{ model: 'm', backend: 'tpu' }, /--backend must be one of/],
    [{ model: 'm', engine: 'fastest' }, /--engine must be one of auto, tfjs, onnx/],
    [{ model: 'm', protocol: 'mine' }, /--protocol must be one of paper, paper-chosen-weights, paper-video-min-max, reference-code/],
  ])('rejects %j', (flags, message) => {
    expect(() => planScore('v.mp4', flags, '/d')).toThrow(CliUsageError);
    expect(() => planScore('v.mp4', flags, '/d')).toThrow(message);
  });

  it('keeps the per-frame components as columns, a missing component as null', () => {
    const full = videoComponents([frame(1, 2, 0.5), frame(0, 0, 1)]);
    expect(full).toEqual({ teacherError: [1, 0], discrepancy: [2, 0], classifier: [0.5, 1], predictedAnomaly: null });
    const teacherOnly = videoComponents([frame(2, null, null)]);
    expect(teacherOnly).toEqual({ teacherError: [2], discrepancy: null, classifier: null, predictedAnomaly: null });
  });

  it('registers `score <video-or-dataset>` with its options', () => {
    const program = new Command('vad');
    registerScoreCommand(program);
    const score = program.commands.find((c) => c.name() === 'score');
    expect(score?.options.map((o) => o.long)).toEqual(expect.arrayContaining(['--model', '--maps', '--out', '--format', '--test-masking', '--engine']));
  });
});
