// Hard-pastes an object into a frame (its gray value on every channel, where its mask is 1), clipped
// at the frame's borders, and marks the pasted pixels in the anomaly map.
import type { ImageShape } from '../signals/median-filter';
import type { AnomalyObject } from './anomaly-object';

export function pasteObject(frame: Uint8Array, shape: ImageShape, object: AnomalyObject, left: number, top: number, map?: Uint8Array): void {
  const { width, height, channels } = shape;
  for (let oy = 0; oy < object.height; oy++) {
    const y = top + oy;
    if (y < 0 || y >= height) continue;
    for (let ox = 0; ox < object.width; ox++) {
      const x = left + ox;
      if (x < 0 || x >= width) continue;
      const o = oy * object.width + ox;
      if (object.mask[o] === 0) continue;
      const p = y * width + x;
      for (let c = 0; c < channels; c++) frame[p * channels + c] = object.pixels[o];
      if (map !== undefined) map[p] = 1;
    }
  }
}
