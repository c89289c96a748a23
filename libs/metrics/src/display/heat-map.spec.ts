import { heatColour, heatMapRgba, heatRampCss } from './heat-map';

describe('heat map', () => {
  it('is transparent at zero and opaque white at full scale', () => {
    expect(heatColour(0)).toEqual([0, 0, 0, 0]);
    expect(heatColour(255)).toEqual([255, 255, 255, 255]);
  });

  it('grows monotonically in every channel', () => {
    for (let v = 1; v < 256; v++) {
      const [a, b] = [heatColour(v - 1), heatColour(v)];
      expect(b.every((channel, i) => channel >= a[i])).toBe(true);
    }
  });

  it('saturates amplified values and lays pixels out as RGBA', () => {
    expect(Array.from(heatMapRgba(new Uint8Array([0, 200]), 2))).toEqual([0, 0, 0, 0, 255, 255, 255, 255]);
  });

  it('gives the same ramp as a CSS gradient, from transparent to white', () => {
    const css = heatRampCss(2);
    expect(css).toBe(`linear-gradient(to right, rgba(0, 0, 0, 0.000) 0.0%, rgba(255, 128, 0, 0.706) 50.0%, rgba(255, 255, 255, 1.000) 100.0%)`);
  });
});
