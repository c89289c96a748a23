// Colours an anomaly map for display over its frame: a black-body ramp (dark red → yellow → white) whose
// opacity grows with the value, so normal regions stay see-through. Pure: bytes in, RGBA bytes out.

/** value 0..255 → [r, g, b, a] */
export function heatColour(value: number): [number, number, number, number] {
  const t = Math.min(255, Math.max(0, value)) / 255;
  const r = Math.round(255 * Math.min(1, t * 3));
  const g = Math.round(255 * Math.min(1, Math.max(0, t * 3 - 1)));
  const b = Math.round(255 * Math.min(1, Math.max(0, t * 3 - 2)));
  return [r, g, b, Math.round(255 * Math.sqrt(t))];
}

/** A width×height map of bytes as RGBA pixels, values multiplied by gain first (maps are often faint). */
export function heatMapRgba(map: Uint8Array, gain = 1): Uint8Array {
  const rgba = new Uint8Array(map.length * 4);
  for (let i = 0; i < map.length; i++) rgba.set(heatColour(map[i] * gain), i * 4);
  return rgba;
}
