// What the map route draws for an inference run: one component's token maps, or the `paper` protocol's
// combined anomaly volume (normalised with the model version's component statistics, weighted, 3D-filtered —
// the volume whose frame maxima are the frame scores), with the value range that maps to the colour ramp:
// from the normal level (0 once standardised; the run's minimum otherwise) to the run's maximum, so that a
// faint map is visible and two frames of one run compare. Volumes are kept in a small LRU cache, since the
// viewer asks for the frames of one run in a row.
import { readMapComponents, type StoredMapComponents } from '@vad/data';
import type { ArtifactStorage } from '@vad/storage';
import { channelMeanMaps, combinedAnomalyVolume, protocolPreset, type ComponentStatistics, type PixelMap } from '@vad/metrics';

export const MAP_COMPONENTS = ['combined', 'teacher', 'discrepancy'] as const;
export type MapComponent = (typeof MAP_COMPONENTS)[number];

export const isMapComponent = (name: string): name is MapComponent => (MAP_COMPONENTS as readonly string[]).includes(name);

export const OLD_MAP_FORMAT = 'this run’s maps are of an older format; run inference again to see them';

export interface RunMapVolume {
  width: number;
  height: number;
  frames: readonly PixelMap[];
  /** Values at or below `low` are transparent, `high` is the top of the ramp. */
  low: number;
  high: number;
  /** 'standardised': z-scores against the model's held-out training videos (0 = their mean); 'raw': the model's own units. */
  scale: 'standardised' | 'raw';
}

export interface RunMapSource {
  runId: string;
  /** Reads the run's component maps from storage. */
  read: () => Promise<StoredMapComponents>;
  statistics: ComponentStatistics | null;
}

/** Where a run's maps are read from, with the statistics of its model version (a run with maps only). */
export function runMapSource(
  storage: ArtifactStorage,
  run: { id: string; mapsPath: string | null; classifier: readonly number[]; modelVersion: { componentStatistics: unknown } },
): RunMapSource {
  if (run.mapsPath === null) throw new Error(`run ${run.id} kept no maps`);
  const statistics = (run.modelVersion.componentStatistics as { statistics?: ComponentStatistics } | null)?.statistics ?? null;
  const mapsKey = run.mapsPath;
  return { runId: run.id, read: () => storage.withLocalFile(mapsKey, (file) => readMapComponents(file, run.classifier)), statistics };
}

function range(frames: readonly PixelMap[]): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const frame of frames) {
    for (const v of frame.data) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { min, max };
}

async function loadVolume(source: RunMapSource, component: MapComponent): Promise<RunMapVolume | null> {
  const components = await source.read();
  const { width, height } = components.teacherError.frame.maps[0] ?? { width: 0, height: 0 };
  if (component === 'combined') {
    const { volume, stagesNotApplied } = combinedAnomalyVolume(components, protocolPreset('paper'), source.statistics);
    const { min, max } = range(volume);
    const standardised = !stagesNotApplied.includes('component-normalisation');
    return { width, height, frames: volume, low: standardised ? 0 : min, high: max, scale: standardised ? 'standardised' : 'raw' };
  }
  const pixelComponent = component === 'teacher' ? components.teacherError : components.discrepancy;
  if (pixelComponent === null) return null;
  // the component as the model defines it: the mean over its c + 1 output channels
  const frames = channelMeanMaps(pixelComponent);
  const { min, max } = range(frames);
  return { width, height, frames, low: min, high: max, scale: 'raw' };
}

/** Bytes 0–255 of one frame of the volume on its ramp. */
export function rampBytes(volume: RunMapVolume, frame: number): Uint8Array {
  const { data } = volume.frames[frame];
  const span = volume.high - volume.low;
  return Uint8Array.from(data, (v) => (span > 0 ? Math.round(Math.min(1, Math.max(0, (v - volume.low) / span)) * 255) : 0));
}

export class RunMapVolumes {
  private readonly entries = new Map<string, Promise<RunMapVolume | null>>();

  constructor(private readonly capacity = 4) {}

  /** The volume of a run's component (null when the run has no such component). */
  get(source: RunMapSource, component: MapComponent): Promise<RunMapVolume | null> {
    const key = `${source.runId}:${component}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = loadVolume(source, component);
      // A failed load is not cached.
      entry.catch(() => this.entries.delete(key));
    } else {
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }
}
