// Pixel maps are stored as bytes: b stands for b/255 · scale, values above scale saturate (FrameMaps).

export function quantiseMap(values: Float32Array, scale: number): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round(Math.min(1, Math.max(0, values[i] / scale)) * 255);
  return out;
}
