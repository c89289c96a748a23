import { medianFilter3x3 } from './median-filter';

describe('medianFilter3x3', () => {
  it('removes an isolated bright pixel and keeps a flat image flat', () => {
    const image = new Uint8Array(5 * 5).fill(10);
    image[12] = 255;
    const out = medianFilter3x3(image, { width: 5, height: 5, channels: 1 });
    expect([...out]).toEqual(new Array(25).fill(10));
  });

  it('keeps a straight edge and filters each channel separately', () => {
    // 4×3 RGB image: left half dark, right half bright in red only.
    const width = 4;
    const height = 3;
    const image = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) image[(y * width + x) * 3] = x < 2 ? 0 : 200;
    const out = medianFilter3x3(image, { width, height, channels: 3 });
    const red = [...out].filter((_, i) => i % 3 === 0);
    expect(red).toEqual([0, 0, 200, 200, 0, 0, 200, 200, 0, 0, 200, 200]);
    expect([...out].filter((_, i) => i % 3 !== 0).every((v) => v === 0)).toBe(true);
  });

  it('matches a naive sort-based median on a random RGB image, edges included', () => {
    let state = 99;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) % 256;
    const shape = { width: 13, height: 7, channels: 3 };
    const image = Uint8Array.from({ length: 13 * 7 * 3 }, next);
    const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max - 1);
    const naive = new Uint8Array(image.length);
    for (let y = 0; y < 7; y++)
      for (let x = 0; x < 13; x++)
        for (let c = 0; c < 3; c++) {
          const values: number[] = [];
          for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) values.push(image[(clamp(y + dy, 7) * 13 + clamp(x + dx, 13)) * 3 + c]);
          naive[(y * 13 + x) * 3 + c] = values.sort((a, b) => a - b)[4];
        }
    expect([...medianFilter3x3(image, shape)]).toEqual([...naive]);
  });

  it('returns the true median of a 3×3 neighbourhood for many random neighbourhoods', () => {
    let state = 12345;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) % 256;
    for (let trial = 0; trial < 500; trial++) {
      const image = Uint8Array.from({ length: 9 }, next);
      const sorted = [...image].sort((a, b) => a - b);
      expect(medianFilter3x3(image, { width: 3, height: 3, channels: 1 })[4]).toBe(sorted[4]);
    }
  });
});
