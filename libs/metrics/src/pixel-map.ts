// One frame's pixel data (an anomaly map, or a ground-truth mask where non-zero = anomalous), row-major:
// pixel (x, y) is data[y * width + x].
import { MetricsError, MetricsErrorCode } from './metrics.error';

export interface PixelMap {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array | Float64Array | Uint8Array;
}

/** Throws unless every map has positive integer size, width × height values, and all maps share one size. */
export function assertPixelMaps(maps: readonly PixelMap[], what = 'maps'): void {
  if (maps.length === 0) return;
  const { width, height } = maps[0];
  maps.forEach((map, frame) => {
    if (!Number.isInteger(map.width) || !Number.isInteger(map.height) || map.width < 1 || map.height < 1) {
      throw new MetricsError(MetricsErrorCode.InvalidMap, `${what}: frame ${frame} has size ${map.width}×${map.height}`);
    }
    if (map.data.length !== map.width * map.height) {
      throw new MetricsError(MetricsErrorCode.InvalidMap, `${what}: frame ${frame} has ${map.data.length} values for ${map.width}×${map.height} pixels`);
    }
    if (map.width !== width || map.height !== height) {
      throw new MetricsError(
        MetricsErrorCode.InvalidMap,
        `${what}: frame ${frame} is ${map.width}×${map.height} but frame 0 is ${width}×${height}; all frames must match`,
      );
    }
  });
}
