// One frame with its pixel anomaly map laid over it as a heat map, at an adjustable opacity.
'use client';

export interface FrameViewProps {
  frame: number;
  frameUrl?: string;
  mapUrl?: string | null;
  overlay: boolean;
  opacity: number;
  width: number;
  height: number;
  loading: boolean;
}

export function FrameView({ frame, frameUrl, mapUrl, overlay, opacity, width, height, loading }: FrameViewProps) {
  return (
    <div className="frame-stage" aria-busy={loading}>
      {frameUrl ? (
        <img src={frameUrl} alt={`Frame ${frame}`} width={width || undefined} height={height || undefined} data-testid="frame-image" />
      ) : (
        <div className="frame-placeholder">{loading ? 'Loading frame…' : 'No image for this frame'}</div>
      )}
      {overlay && mapUrl && frameUrl && (
        <img className="overlay" src={mapUrl} alt={`Anomaly map of frame ${frame}`} style={{ opacity }} data-testid="map-overlay" />
      )}
    </div>
  );
}
