import { frameAtX } from './frame-at-x';

describe('frameAtX', () => {
  it('maps the plot area linearly onto the frames', () => {
    expect(frameAtX(100, 100, 500, 119)).toBe(0);
    expect(frameAtX(600, 100, 500, 119)).toBe(119);
    expect(frameAtX(350, 100, 500, 119)).toBe(60);
  });

  it('keeps clicks in the margins inside the video', () => {
    expect(frameAtX(20, 100, 500, 119)).toBe(0);
    expect(frameAtX(900, 100, 500, 119)).toBe(119);
  });

  it('answers frame 0 for a degenerate plot or a one-frame video', () => {
    expect(frameAtX(300, 100, 0, 119)).toBe(0);
    expect(frameAtX(300, 100, 500, 0)).toBe(0);
  });
});
