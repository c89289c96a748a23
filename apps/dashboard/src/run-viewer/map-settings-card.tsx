// The run viewer's map settings: overlay on or off, which component, its opacity; and the keyboard shortcuts.
import { VIEWER_KEYS, type MapComponent } from './viewer-keys';

const MAP_COMPONENTS: { value: MapComponent; label: string }[] = [
  { value: 'combined', label: 'Combined' },
  { value: 'teacher', label: 'Teacher error' },
  { value: 'discrepancy', label: 'Discrepancy' },
];

interface MapSettingsCardProps {
  hasMaps: boolean;
  overlay: boolean;
  setOverlay(overlay: boolean): void;
  component: MapComponent;
  setComponent(component: MapComponent): void;
  opacity: number;
  setOpacity(opacity: number): void;
}

export function MapSettingsCard({ hasMaps, overlay, setOverlay, component, setComponent, opacity, setOpacity }: MapSettingsCardProps) {
  return (
    <div className="card">
      <h2>Anomaly map</h2>
      {hasMaps ? (
        <div className="stack">
          <label className="inline">
            <input type="checkbox" checked={overlay} onChange={(event) => setOverlay(event.target.checked)} />
            Show the map over the frame
          </label>
          <div className="segmented" role="group" aria-label="Map component">
            {MAP_COMPONENTS.map((c) => (
              <button key={c.value} type="button" aria-pressed={component === c.value} onClick={() => setComponent(c.value)}>
                {c.label}
              </button>
            ))}
          </div>
          <label>
            Overlay opacity: {Math.round(opacity * 100)} %
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={opacity}
              onChange={(event) => setOpacity(Number(event.target.value))}
              aria-label="Overlay opacity"
            />
          </label>
        </div>
      ) : (
        <p className="muted">This run kept no pixel anomaly maps. Run inference again with “keep maps” on to see them.</p>
      )}
      <h3>Keyboard</h3>
      <dl className="facts small">
        {VIEWER_KEYS.map(([keys, what]) => (
          <div key={keys} style={{ display: 'contents' }}>
            <dt>
              {keys.split(' ').map((k) => (
                <kbd key={k} style={{ marginRight: '0.2rem' }}>
                  {k}
                </kbd>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
