// The run viewer's frame card: the frame with its anomaly map, legend and regions, and playback controls.
import type { Dispatch, SetStateAction } from 'react';
import { ErrorState } from '../feedback/error-state';
import type { RunFrameQuery as RunFrameData } from '../graphql/generated/graphql';
import { sameOriginUrl } from '../graphql/same-origin-url';
import { FrameView } from './frame-view';
import { MapLegend } from './map-legend';

type FrameMap = NonNullable<NonNullable<RunFrameData['inferenceRun']>['anomalyMap']>;

interface FrameCardProps {
  frame: number;
  frameCount: number;
  score: number | undefined;
  threshold: number;
  /** Whether the threshold is on the map's scale (the paper protocol's combined map): only then are regions drawn. */
  thresholdOnMap: boolean;
  inGroundTruth: boolean;
  images: { error?: unknown; loading: boolean; hasData: boolean; refetch(): void };
  frameUrl: string | undefined;
  map: FrameMap | null | undefined;
  overlay: boolean;
  hasMaps: boolean;
  opacity: number;
  video: { width: number; height: number };
  seek(frame: number): void;
  playing: boolean;
  setPlaying: Dispatch<SetStateAction<boolean>>;
  speed: number;
  setSpeed(speed: number): void;
}

export function FrameCard(props: FrameCardProps) {
  const {
    frame,
    frameCount,
    score,
    threshold,
    thresholdOnMap,
    inGroundTruth,
    images,
    frameUrl,
    map,
    overlay,
    hasMaps,
    opacity,
    video,
    seek,
    playing,
    setPlaying,
    speed,
    setSpeed,
  } = props;
  return (
    <div className="card">
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: '0.5rem' }}>
        <h2 style={{ margin: 0 }} aria-live="polite" data-testid="frame-heading">
          Frame {frame}
          {inGroundTruth && (
            <span className="badge bad" style={{ marginLeft: '0.5rem' }}>
              abnormal
            </span>
          )}
          {score !== undefined && score >= threshold && (
            <span className="badge warn" style={{ marginLeft: '0.35rem' }}>
              flagged
            </span>
          )}
        </h2>
        <span className="mono small">score {score === undefined ? '—' : score.toPrecision(3)}</span>
      </div>
      {images.error !== undefined && !images.hasData ? (
        <ErrorState error={images.error} onRetry={images.refetch} title="The frame could not be loaded" />
      ) : (
        <FrameView
          frame={frame}
          frameUrl={frameUrl ? sameOriginUrl(frameUrl) : undefined}
          map={map ? { ...map, url: sameOriginUrl(map.url) } : null}
          overlay={overlay && hasMaps}
          opacity={opacity}
          width={video.width}
          height={video.height}
          loading={images.loading}
        />
      )}
      {overlay && hasMaps && map && <MapLegend low={map.low} high={map.high} scale={map.scale} threshold={thresholdOnMap ? threshold : null} />}
      {overlay && thresholdOnMap && map && map.regions.length > 0 && (
        <p className="small muted" style={{ margin: '0.2rem 0 0' }} data-testid="region-count">
          {map.regions.length} region{map.regions.length === 1 ? '' : 's'} at or above the threshold in this frame
        </p>
      )}
      <div className="row" style={{ marginTop: '0.6rem' }}>
        <button type="button" onClick={() => seek(frame - 1)} aria-label="Previous frame" className="secondary" disabled={frame <= 0}>
          ◀
        </button>
        <button type="button" onClick={() => setPlaying((p) => !p)} aria-label={playing ? 'Pause' : 'Play'}>
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" onClick={() => seek(frame + 1)} aria-label="Next frame" className="secondary" disabled={frame >= frameCount - 1}>
          ▶
        </button>
        <label className="inline">
          Speed
          <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))} aria-label="Playback speed in frames per second">
            {[2, 5, 10, 15, 25, 30].map((fps) => (
              <option key={fps} value={fps}>
                {fps} fps
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
