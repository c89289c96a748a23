// The component statistics of a model version (libs/metrics component-normalisation.ts), measured at the
// end of training on normal training videos and kept beside the checkpoint's weights, so that a checkpoint
// folder alone scores the same way on the CLI and on the platform.
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FrameStore } from '@vad/data';
import { estimateComponentStatistics, frameCountOf, type ComponentStatistics, type MapComponents } from '@vad/metrics';
import { describeTestMasking, scoreVideo, type Detector, type TestMasking } from '@vad/model';
import type { WeightChoiceRecord } from './chosen-component-weights';
import { componentsOfScores } from './run-components';
import { unitFrameReader } from './unit-frame-reader';

export const COMPONENT_STATISTICS_FILE = 'component-statistics.json';

export interface StoredComponentStatistics {
  format: 'vad-component-statistics';
  formatVersion: 1;
  statistics: ComponentStatistics;
  /**
   * The videos measured; `heldOut` false means they were also trained on (no video was held out).
   * `testMasking` is how they were scored; absent in files written before it was recorded, which were all `off`.
   */
  source: { videos: string[]; frames: number; heldOut: boolean; testMasking?: TestMasking };
  /** How `statistics.weights` were chosen; absent when none were (no held-out video, or an older version). */
  weightChoice?: WeightChoiceRecord;
}

export interface MeasureStatisticsOptions {
  /** Whether the videos were held out of training (recorded, not acted on). */
  heldOut: boolean;
  /** Default off (every token visible), the scoring routes' default; scores must be masked as the statistics were. */
  testMasking?: TestMasking;
  signal?: AbortSignal;
}

/** Every frame of a cached video scored with the detector (every token visible by default), as raw components. */
export async function scoreVideoComponents(
  detector: Detector,
  video: FrameStore,
  { testMasking = { mode: 'off' }, signal }: Pick<MeasureStatisticsOptions, 'testMasking' | 'signal'> = {},
): Promise<MapComponents> {
  return componentsOfScores(await scoreVideo(detector, unitFrameReader(video), { batchSize: 16, testMasking, signal }));
}

/** Scores the videos with the detector and estimates each component's location and scale. */
export async function measureComponentStatistics(
  detector: Detector,
  videos: readonly FrameStore[],
  { heldOut, testMasking = { mode: 'off' }, signal }: MeasureStatisticsOptions,
): Promise<StoredComponentStatistics> {
  const components: MapComponents[] = [];
  let frames = 0;
  for (const video of videos) {
    const scored = await scoreVideoComponents(detector, video, { testMasking, signal });
    components.push(scored);
    frames += frameCountOf(scored);
  }
  return {
    format: 'vad-component-statistics',
    formatVersion: 1,
    statistics: estimateComponentStatistics(components),
    source: { videos: videos.map((v) => v.name), frames, heldOut, testMasking },
  };
}

/**
 * A warning when scores masked one way are to be normalised with statistics measured under another (their
 * scales differ: inpainting errors are larger than reconstruction errors), or null when the two agree.
 */
export function testMaskingMismatch(stored: StoredComponentStatistics | null, scoring: TestMasking): string | null {
  if (stored === null) return null;
  const measured = stored.source.testMasking ?? { mode: 'off' };
  if (measured.mode === scoring.mode) return null;
  return (
    `test-time masking ${describeTestMasking(scoring)} differs from the masking the component statistics were measured with ` +
    `(${describeTestMasking(measured)}): normalised components may be off scale`
  );
}

export async function writeComponentStatistics(checkpointFolder: string, stored: StoredComponentStatistics): Promise<void> {
  const target = path.join(checkpointFolder, COMPONENT_STATISTICS_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(stored, null, 1)}\n`);
  await rename(temporary, target);
}

/** The checkpoint's statistics, or null for a checkpoint trained before they were measured. */
export async function readComponentStatistics(checkpointFolder: string): Promise<StoredComponentStatistics | null> {
  let text: string;
  try {
    text = await readFile(path.join(checkpointFolder, COMPONENT_STATISTICS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const stored = JSON.parse(text) as StoredComponentStatistics;
  if (stored.format !== 'vad-component-statistics' || stored.formatVersion !== 1) {
    throw new Error(`${path.join(checkpointFolder, COMPONENT_STATISTICS_FILE)} is not a component-statistics file this version reads`);
  }
  return stored;
}
