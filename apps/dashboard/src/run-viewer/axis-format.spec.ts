import { axisTickFormatter } from './axis-format';

describe('axisTickFormatter', () => {
  it('tells the ticks of a narrow range apart', () => {
    const format = axisTickFormatter({ min: 0.283, max: 0.285 });
    const labels = [0.283, 0.2835, 0.284, 0.2845, 0.285].map(format);
    expect(labels).toEqual(['0.2830', '0.2835', '0.2840', '0.2845', '0.2850']);
  });

  it('keeps three significant digits on wide ranges', () => {
    const format = axisTickFormatter({ min: 0, max: 1 });
    expect([0, 0.25, 1].map(format)).toEqual(['0.00', '0.250', '1.00']);
    expect(axisTickFormatter({ min: 0, max: 400 })(250)).toBe('250');
  });

  it('copes with a flat range', () => {
    expect(axisTickFormatter({ min: 0.5, max: 0.5 })(0.5)).toBe('0.500');
  });
});
