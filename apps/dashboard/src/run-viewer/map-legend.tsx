// The colour ramp of the anomaly maps with the values at its ends and, when the map is on the frame scores'
// scale, where the threshold falls on it: what a colour means, and which cells make the boxes.
import { heatRampCss } from '@vad/metrics';

export interface MapLegendProps {
  low: number;
  high: number;
  scale: string;
  /** On the map's scale, or null when the map and the frame scores are on different scales. */
  threshold: number | null;
}

const RAMP = heatRampCss();

export function MapLegend({ low, high, scale, threshold }: MapLegendProps) {
  const span = high - low;
  const at = threshold !== null && span > 0 ? (threshold - low) / span : null;
  return (
    <figure className="map-legend" aria-label={`Map colours from ${low.toPrecision(3)} to ${high.toPrecision(3)} (${scale})`} data-testid="map-legend">
      <div className="map-legend-bar" style={{ background: `${RAMP}, #000` }}>
        {at !== null && at >= 0 && at <= 1 && (
          <span
            className="map-legend-threshold"
            style={{ left: `${100 * at}%` }}
            title={`threshold ${threshold?.toPrecision(3)}`}
            data-testid="legend-threshold"
          />
        )}
      </div>
      <figcaption className="map-legend-labels small">
        <span className="mono">{low.toPrecision(3)}</span>
        <span className="muted">
          {scale === 'standardised' ? 'standard deviations above the held-out training videos' : "the model's own units, this run's range"}
        </span>
        <span className="mono">{high.toPrecision(3)}</span>
      </figcaption>
    </figure>
  );
}
