// Connected components of a binary mask (non-zero = on) with their bounding boxes and areas: the step
// that turns pixels into regions, both for detections and for ground truth. Iterative flood fill with an
// explicit stack (recursion would overflow on a large blob), linear in the number of pixels.
import type { PixelMap } from '../pixel-map';
import type { Box } from './box';

/** 8-connectivity (default) joins diagonal neighbours; 4 joins only edge neighbours. */
export type Connectivity = 4 | 8;

export interface Component {
  /** Label in `labels`, from 1. */
  readonly label: number;
  readonly box: Box;
  /** Number of pixels. */
  readonly area: number;
}

export interface ComponentLabelling {
  /** Per pixel: 0 = off, otherwise the component's label. */
  readonly labels: Int32Array;
  /** Components in raster order of their first pixel. */
  readonly components: readonly Component[];
}

export function connectedComponents(mask: PixelMap, connectivity: Connectivity = 8): ComponentLabelling {
  const { width, height, data } = mask;
  const labels = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const components: Component[] = [];
  const diagonal = connectivity === 8;
  for (let start = 0; start < data.length; start++) {
    if (data[start] === 0 || labels[start] !== 0) continue;
    const label = components.length + 1;
    let x1 = width;
    let y1 = height;
    let x2 = -1;
    let y2 = -1;
    let area = 0;
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top > 0) {
      const index = stack[--top];
      const x = index % width;
      const y = (index - x) / width;
      area++;
      if (x < x1) x1 = x;
      if (x > x2) x2 = x;
      if (y < y1) y1 = y;
      if (y > y2) y2 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          if ((dx === 0 && dy === 0) || (!diagonal && dx !== 0 && dy !== 0)) continue;
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const neighbour = ny * width + nx;
          if (data[neighbour] !== 0 && labels[neighbour] === 0) {
            labels[neighbour] = label;
            stack[top++] = neighbour;
          }
        }
      }
    }
    components.push({ label, box: [x1, y1, x2, y2], area });
  }
  return { labels, components };
}
