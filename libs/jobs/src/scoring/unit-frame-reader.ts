// Cached frames (uint8, as libs/data stores them) as the model reads them: values in [−1, 1], the scale
// training samples are built with.
import type { FrameStore } from '@vad/data';
import type { VideoFrameReader } from '@vad/model';

export function unitFrameReader(store: Pick<FrameStore, 'frameCount' | 'readFrame'>): VideoFrameReader {
  return { frameCount: store.frameCount, read: async (i: number) => Float32Array.from(await store.readFrame(i), (v) => v / 127.5 - 1) };
}
