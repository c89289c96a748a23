import { formatRate } from './format-rate';

describe('formatRate', () => {
  it('rounds fast rates to whole frames', () => {
    expect(formatRate(1234.56)).toBe('1235 fps');
  });

  it('keeps one decimal for tens and two below ten', () => {
    expect(formatRate(42.04)).toBe('42.0 fps');
    expect(formatRate(3.14159)).toBe('3.14 fps');
  });

  it('shows a dash for an unknown rate', () => {
    expect(formatRate(undefined)).toBe('—');
  });
});
