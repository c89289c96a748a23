import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('shows seconds under a minute', () => {
    expect(formatDuration(44.6)).toBe('45 s');
  });

  it('shows minutes and padded seconds under an hour', () => {
    expect(formatDuration(200)).toBe('3 min 20 s');
  });

  it('shows hours and padded minutes beyond', () => {
    expect(formatDuration(2 * 3600 + 5 * 60 + 10)).toBe('2 h 05 min');
  });

  it('shows a dash when nothing is known', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
  });
});
