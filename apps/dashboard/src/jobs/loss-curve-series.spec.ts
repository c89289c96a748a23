import { lossCurveSeries } from './loss-curve-series';

describe('lossCurveSeries', () => {
  const curve = [
    { stage: 'teacher', epoch: 1, globalStep: 1, loss: 0.9 },
    { stage: 'teacher', epoch: 1, globalStep: 5, loss: 0.7 },
    { stage: 'teacher', epoch: 2, globalStep: 9, loss: 0.6 },
    { stage: 'student', epoch: 3, globalStep: 13, loss: 0.05 },
    { stage: 'student', epoch: 3, globalStep: 17, loss: 0.03 },
  ];

  it('draws each stage on its own chart, teacher first', () => {
    const series = lossCurveSeries([...curve].reverse(), []);
    expect(series.map((s) => s.stage)).toEqual(['teacher', 'student']);
    expect(series[0].rows).toEqual([
      { globalStep: 1, loss: 0.9 },
      { globalStep: 5, loss: 0.7 },
      { globalStep: 9, loss: 0.6 },
    ]);
    expect(series[1].rows.map((r) => r.loss)).toEqual([0.05, 0.03]);
    expect(series.every((s) => !s.hasValidation)).toBe(true);
  });

  it("puts an epoch's validation loss at its last reported step, and leaves out epochs the curve does not reach", () => {
    const series = lossCurveSeries(curve, [
      { stage: 'teacher', epoch: 1, validationLoss: 0.75 },
      { stage: 'teacher', epoch: 2, validationLoss: null },
      { stage: 'student', epoch: 3, validationLoss: 0.04 },
      { stage: 'student', epoch: 4, validationLoss: 0.02 },
    ]);
    expect(series[0].rows[1]).toEqual({ globalStep: 5, loss: 0.7, validationLoss: 0.75 });
    expect(series[0].rows.filter((r) => r.validationLoss !== undefined)).toHaveLength(1);
    expect(series[1].rows.at(-1)).toEqual({ globalStep: 17, loss: 0.03, validationLoss: 0.04 });
    expect(series.map((s) => s.hasValidation)).toEqual([true, true]);
  });

  it('names points recorded before stages were kept', () => {
    expect(lossCurveSeries([{ stage: 'unknown', epoch: 0, globalStep: 1, loss: 1 }], [])[0].title).toMatch(/before stages/);
  });
});
