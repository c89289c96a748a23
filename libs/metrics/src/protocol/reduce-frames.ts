// Turns each frame's pixel anomaly map into one frame score: the paper takes the max (a small anomalous
// object decides the frame), the authors' code the mean.
import type { PixelMap } from '../pixel-map';
import type { FrameReduction } from './protocol';

export function reduceFrames(volume: readonly PixelMap[], reduction: FrameReduction): Float64Array {
  return Float64Array.from(volume, (map) => reduceMap(map.data, reduction));
}

function reduceMap(data: ArrayLike<number>, reduction: FrameReduction): number {
  switch (reduction) {
    case 'max': {
      let max = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < data.length; i++) if (data[i] > max) max = data[i];
      return max;
    }
    case 'mean': {
      let sum = 0;
      for (let i = 0; i < data.length; i++) sum += data[i];
      return sum / data.length;
    }
  }
}
