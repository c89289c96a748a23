// A small line chart as PNG (no chart library in a CLI): per-frame score curves, min–max scaled, over the
// ground-truth abnormal frames shaded in red. Used by the Ped2 benchmark to show one video's scores.
import { PNG } from 'pngjs';

export interface PlotSeries {
  values: readonly number[];
  rgb: [number, number, number];
}

export function scorePlotPng(series: readonly PlotSeries[], labels: readonly number[], width = 900, height = 300): Buffer {
  const png = new PNG({ width, height });
  const set = (x: number, y: number, [r, g, b]: [number, number, number]) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const o = (y * width + x) * 4;
    png.data[o] = r;
    png.data[o + 1] = g;
    png.data[o + 2] = b;
    png.data[o + 3] = 255;
  };
  const frames = labels.length;
  const xOf = (i: number) => Math.round((i / Math.max(1, frames - 1)) * (width - 1));
  for (let x = 0; x < width; x++) {
    const abnormal = labels[Math.min(frames - 1, Math.round((x / (width - 1)) * (frames - 1)))] === 1;
    for (let y = 0; y < height; y++) set(x, y, abnormal ? [255, 220, 220] : [255, 255, 255]);
  }
  for (const { values, rgb } of series) {
    const lo = Math.min(...values);
    const span = Math.max(...values) - lo || 1;
    const yOf = (v: number) => Math.round((1 - (v - lo) / span) * (height - 21)) + 10;
    for (let i = 1; i < values.length; i++) {
      const [x0, y0, x1, y1] = [xOf(i - 1), yOf(values[i - 1]), xOf(i), yOf(values[i])];
      const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
      for (let s = 0; s <= steps; s++) {
        const x = Math.round(x0 + ((x1 - x0) * s) / steps);
        const y = Math.round(y0 + ((y1 - y0) * s) / steps);
        set(x, y, rgb);
        set(x, y + 1, rgb);
      }
    }
  }
  return PNG.sync.write(png);
}
