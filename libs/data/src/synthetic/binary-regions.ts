// Operations on binary images (1 byte per pixel, 0/1) used to turn motion or annotation masks into
// clean object shapes: 3×3 dilation and erosion, hole filling and connected components.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Region extends Box {
  /** Pixels in the region (before hole filling). */
  area: number;
  /** height × width mask of the region inside its box, holes filled. */
  mask: Uint8Array;
}

export function dilate3x3(mask: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let on = 0;
      for (let dy = -1; dy <= 1 && !on; dy++) {
        const r = y + dy;
        if (r < 0 || r >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const c = x + dx;
          if (c >= 0 && c < width && mask[r * width + c]) {
            on = 1;
            break;
          }
        }
      }
      out[y * width + x] = on;
    }
  }
  return out;
}

export function erode3x3(mask: Uint8Array, width: number, height: number): Uint8Array {
  const inverted = mask.map((v) => 1 - v);
  return dilate3x3(inverted, width, height).map((v) => 1 - v);
}

/** Sets every 0-pixel that cannot reach the border through 0-pixels (4-connected) to 1. */
export function fillHoles(mask: Uint8Array, width: number, height: number): Uint8Array {
  const outside = new Uint8Array(mask.length);
  const stack: number[] = [];
  const push = (i: number) => {
    if (mask[i] === 0 && outside[i] === 0) {
      outside[i] = 1;
      stack.push(i);
    }
  };
  for (let x = 0; x < width; x++) {
    push(x);
    push((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    push(y * width);
    push(y * width + width - 1);
  }
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const x = i % width;
    const y = (i - x) / width;
    if (x > 0) push(i - 1);
    if (x < width - 1) push(i + 1);
    if (y > 0) push(i - width);
    if (y < height - 1) push(i + width);
  }
  return outside.map((v) => 1 - v);
}

/** 8-connected components of the 1-pixels, each with its box and its own hole-filled mask. */
export function connectedRegions(mask: Uint8Array, width: number, height: number): Region[] {
  const label = new Int32Array(mask.length);
  const regions: Region[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] === 0 || label[start] !== 0) continue;
    const id = regions.length + 1;
    const members: number[] = [];
    label[start] = id;
    stack.push(start);
    let minX = width;
    let minY = height;
    let maxX = -1;
    let maxY = -1;
    while (stack.length > 0) {
      const i = stack.pop() as number;
      members.push(i);
      const x = i % width;
      const y = (i - x) / width;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (mask[j] !== 0 && label[j] === 0) {
            label[j] = id;
            stack.push(j);
          }
        }
      }
    }
    const boxWidth = maxX - minX + 1;
    const boxHeight = maxY - minY + 1;
    const own = new Uint8Array(boxWidth * boxHeight);
    for (const i of members) {
      const x = i % width;
      own[((i - x) / width - minY) * boxWidth + (x - minX)] = 1;
    }
    regions.push({ x: minX, y: minY, width: boxWidth, height: boxHeight, area: members.length, mask: fillHoles(own, boxWidth, boxHeight) });
  }
  return regions;
}

/** Gray values of a box cut out of a gray image. */
export function cutBox(image: Uint8Array, width: number, box: Box): Uint8Array {
  const out = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) out.set(image.subarray((box.y + y) * width + box.x, (box.y + y) * width + box.x + box.width), y * box.width);
  return out;
}

/** Luma of an interleaved RGB (or pass-through of a gray) frame. */
export function toGray(frame: Uint8Array, channels: number): Uint8Array {
  if (channels === 1) return frame;
  const out = new Uint8Array(frame.length / channels);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(0.299 * frame[i * 3] + 0.587 * frame[i * 3 + 1] + 0.114 * frame[i * 3 + 2]);
  return out;
}
