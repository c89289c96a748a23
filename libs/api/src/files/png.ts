// PNG encoding of gray, RGB and RGBA pixel buffers for the file routes.
import { PNG } from 'pngjs';

export function encodePngImage(width: number, height: number, pixels: Uint8Array, channels: 1 | 3 | 4): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    const o = i * 4;
    if (channels === 1) {
      png.data[o] = png.data[o + 1] = png.data[o + 2] = pixels[i];
      png.data[o + 3] = 255;
    } else {
      png.data[o] = pixels[i * channels];
      png.data[o + 1] = pixels[i * channels + 1];
      png.data[o + 2] = pixels[i * channels + 2];
      png.data[o + 3] = channels === 4 ? pixels[i * 4 + 3] : 255;
    }
  }
  return PNG.sync.write(png);
}
