import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeVideo } from '@vad/data/testing';
import { getPreset, selectBackend, type ModelPreset } from '@vad/model';
import { readComponentStatistics } from '../scoring/component-statistics-file';
import { defaultValidationVideos, recalibrateCheckpoint, trainDetector } from './train-detector';

describe('defaultValidationVideos', () => {
  it('holds out one training video in eight, at least one from 4 videos on, none below', () => {
    expect([1, 3, 4, 8, 12, 16, 20, 40].map(defaultValidationVideos)).toEqual([0, 0, 1, 1, 2, 2, 3, 5]);
  });
});

describe('trainDetector: calibration of the scores on held-out training videos', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'train-detector-'));
  const tiny = getPreset('cpu-tiny');
  const preset: ModelPreset = { ...tiny, training: { ...tiny.training, teacherEpochs: 1, studentEpochs: 1, batchSize: 8 } };
  const videos = ['a', 'b', 'c', 'd'].map((name) => ({
    name,
    sourcePath: makeVideo(path.join(root, `${name}.mp4`), { frames: 16, width: 48, height: 32 }),
    checksum: createHash('sha256').update(name).digest('hex'),
  }));
  const request = { videos, preset, seed: 5, cacheDir: path.join(root, 'cache'), resume: false, motion: 'paper' as const, datasetVersion: 'v1', threads: 1 };

  beforeAll(async () => {
    await selectBackend({ backend: 'wasm', log: () => undefined });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('chooses eq. 6 weights on pseudo-anomalies in the held-out video, stores them with the statistics, and chooses them again the same way', async () => {
    const logs: string[] = [];
    const result = await trainDetector({ ...request, outDir: path.join(root, 'held-out'), onLog: (line) => logs.push(line) });
    const stored = result.componentStatistics;
    expect(stored?.source).toEqual({ videos: ['d'], frames: 16, heldOut: true, testMasking: { mode: 'off' } });
    const weights = stored?.statistics.weights;
    if (weights === undefined) throw new Error('no weights were chosen');
    // a point of the 0.1 simplex grid
    expect(weights.teacherError + weights.discrepancy + weights.classifier).toBeCloseTo(1, 12);
    expect([weights.teacherError, weights.discrepancy, weights.classifier].every((w) => Math.abs(w * 10 - Math.round(w * 10)) < 1e-9)).toBe(true);
    expect(stored?.weightChoice?.sets).toEqual([
      { name: 'pasted-objects', frames: 32, anomalous: 16 },
      { name: 'faster-motion', frames: 32, anomalous: 16 },
    ]);
    expect(stored?.weightChoice?.candidates).toBe(66);
    expect(stored?.weightChoice?.auc).toBeGreaterThanOrEqual(stored?.weightChoice?.referenceAuc ?? Number.NaN);
    expect(logs.some((line) => line.startsWith('eq. 6 weights α'))).toBe(true);

    const checkpoint = result.selectedCheckpoint as string;
    expect(await readComponentStatistics(checkpoint)).toEqual(stored);
    fs.rmSync(path.join(checkpoint, 'component-statistics.json'));
    expect(await recalibrateCheckpoint(request, checkpoint)).toEqual(stored);
  }, 180_000);

  it('chooses no weights without a held-out video (the paper’s then apply)', async () => {
    const result = await trainDetector({ ...request, validationVideos: 0, outDir: path.join(root, 'none-held-out') });
    expect(result.componentStatistics?.source.heldOut).toBe(false);
    expect(result.componentStatistics?.statistics.weights).toBeUndefined();
    expect(result.componentStatistics?.weightChoice).toBeUndefined();
  }, 180_000);
});
