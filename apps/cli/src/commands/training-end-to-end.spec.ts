import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getPreset, selectBackend } from '@vad/model';
import { CliUsageError } from '../cli-error';
import { generatedOrGivenVideo, writeTestPattern } from './bench-video';
import { measureTrainingEndToEnd } from './training-end-to-end';

/** A clock whose k-th reading is 1 + 2 + … + k seconds: step k+1 then takes k seconds. */
function slowingClock(): () => number {
  let calls = 0;
  let ms = 0;
  return () => (ms += 1000 * calls++);
}

describe('measureTrainingEndToEnd', () => {
  beforeAll(() => selectBackend({ backend: 'cpu' }));

  it('trains two replicas on a video and times the steps between the warm-up and the epoch’s end', async () => {
    const video = await generatedOrGivenVideo(undefined);
    try {
      const result = await measureTrainingEndToEnd({
        file: video.file,
        preset: getPreset('cpu-tiny'),
        batch: 4,
        workers: 2,
        backend: 'cpu',
        runs: 5,
        warmupRuns: 1,
        now: slowingClock(),
      });
      // steps 2..8 took 1..7 s; step 2 is the warm-up, step 8 is held back until a next step shows it is
      // not the epoch's last, so the timed ones are 2..6 s, median 4 s: 4 frames / 4 s
      expect(result.steps).toBe(8);
      expect(result.fps).toBeCloseTo(1, 12);
    } finally {
      await video.dispose();
    }
  }, 60_000);

  it('refuses a video whose epochs are too short to time a step', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vad-short-'));
    const file = path.join(dir, 'short.mp4');
    await writeTestPattern(file, { width: 96, height: 64, frames: 8, fps: 10 });
    try {
      const measuring = measureTrainingEndToEnd({ file, preset: getPreset('cpu-tiny'), batch: 4, workers: 2, backend: 'cpu', runs: 5, warmupRuns: 1 });
      await expect(measuring).rejects.toThrow(CliUsageError);
      await expect(measuring).rejects.toThrow('short.mp4 gives too few training samples for 5 timed steps of batch 4');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
