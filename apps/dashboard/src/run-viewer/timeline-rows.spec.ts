import { timelineRows } from './timeline-rows';

describe('timelineRows', () => {
  const components = { teacherError: [10, 20, 30], discrepancy: [5, 5, 5], classifier: [0, 1] };

  it('plots the score of every frame', () => {
    expect(timelineRows([0.1, 0.2, 0.3], components, [], { min: 0, max: 1 })).toEqual([
      { frame: 0, score: 0.1 },
      { frame: 1, score: 0.2 },
      { frame: 2, score: 0.3 },
    ]);
  });

  it('rescales a shown component into the score range', () => {
    const rows = timelineRows([0.1, 0.2, 0.3], components, ['teacherError'], { min: 0.1, max: 0.3 });
    expect(rows.map((r) => Number(r.teacherError?.toFixed(12)))).toEqual([0.1, 0.2, 0.3]);
  });

  it('draws a flat component at the bottom and skips one of the wrong length', () => {
    const rows = timelineRows([0.1, 0.2, 0.3], components, ['discrepancy', 'classifier'], { min: 0, max: 1 });
    expect(rows.map((r) => r.discrepancy)).toEqual([0, 0, 0]);
    expect(rows.every((r) => r.classifier === undefined)).toBe(true);
  });
});
