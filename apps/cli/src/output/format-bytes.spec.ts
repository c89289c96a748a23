import { formatBytes } from './format-bytes';

describe('formatBytes', () => {
  it('writes sizes in the largest unit below 1024, one decimal under ten', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(1.3 * 1024 ** 3)).toBe('1.3 GB');
    expect(formatBytes(32 * 1024 ** 3)).toBe('32 GB');
  });
});
