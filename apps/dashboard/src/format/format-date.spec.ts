import { formatDate } from './format-date';

describe('formatDate', () => {
  it('prints the local day and minute', () => {
    const date = new Date(2025, 0, 5, 9, 7);
    expect(formatDate(date.toISOString())).toBe('2025-01-05 09:07');
  });

  it('prints a dash for a missing or broken date', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('yesterday-ish')).toBe('—');
  });
});
