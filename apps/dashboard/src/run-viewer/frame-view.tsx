// One frame with its pixel anomaly map laid over it as a heat map (smoothly upsampled from one cell per
// token), at an adjustable opacity, and the regions detected at the threshold as boxes.
'use client';

export interface MapRegionBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  peak: number;
}

export interface FrameMap {
  url: string;
  width: number;
  height: number;
  regions: readonly MapRegionBox[];
}

export interface FrameViewProps {
  frame: number;
  frameUrl?: string;
  map?: FrameMap | null;
  overlay: boolean;
  opacity: number;
  width: number;
  height: number;
  loading: boolean;
}

export function FrameView({ frame, frameUrl, map, overlay, opacity, width, height, loading }: FrameViewProps) {
  return (
    <div className="frame-stage" aria-busy={loading}>
      {frameUrl ? (
        <img src={frameUrl} alt={`Frame ${frame}`} width={width || undefined} height={height || undefined} data-testid="frame-image" />
      ) : (
        <div className="frame-placeholder">{loading ? 'Loading frame…' : 'No image for this frame'}</div>
      )}
      {overlay && map && frameUrl && (
        <>
          <img className="overlay" src={map.url} alt={`Anomaly map of frame ${frame}`} style={{ opacity }} data-testid="map-overlay" />
          {map.regions.map((region) => (
            <div
              key={`${region.x0},${region.y0},${region.x1},${region.y1}`}
              className="region-box"
              data-testid="region-box"
              title={`detected region, peak ${region.peak.toPrecision(3)}`}
              style={{
                left: `${(100 * region.x0) / map.width}%`,
                top: `${(100 * region.y0) / map.height}%`,
                width: `${(100 * (region.x1 - region.x0 + 1)) / map.width}%`,
                height: `${(100 * (region.y1 - region.y0 + 1)) / map.height}%`,
              }}
            />
          ))}
        </>
      )}
    </div>
  );
}
