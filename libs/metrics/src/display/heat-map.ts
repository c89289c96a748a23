// Colours an anomaly map for display over its frame: a black-body ramp (dark red → yellow → white) whose
// opacity grows with the value, so normal regions stay see-through. Pure: bytes in, RGBA bytes out. The API
// draws maps with it and the dashboard its legend, so that the two always agree.

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

/** The ramp as a CSS linear gradient (left = 0, right = 255), for a legend beside the maps. */
export function heatRampCss(stops = 16): string {
  const colours = Array.from({ length: stops + 1 }, (_, i) => {
    const [r, g, b, a] = heatColour((255 * i) / stops);
    return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)}) ${((100 * i) / stops).toFixed(1)}%`;
  });
  return `linear-gradient(to right, ${colours.join(', ')})`;
}
