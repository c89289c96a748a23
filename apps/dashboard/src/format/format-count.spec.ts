import { formatBytes, formatCount } from './format-count';

describe('formatCount', () => {
  it('shortens millions and thousands', () => {
    expect(formatCount(1_234_567)).toBe('1.2 M');
    expect(formatCount(350_400)).toBe('350 k');
  });

  it('leaves small counts whole', () => {
    expect(formatCount(2010)).toBe('2010');
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MiB');
    expect(formatBytes(2048)).toBe('2 KiB');
    expect(formatBytes(12)).toBe('12 B');
  });
});
