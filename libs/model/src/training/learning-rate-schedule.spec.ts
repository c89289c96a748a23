import { PAPER_OPTIMIZER, type OptimizerConfig } from '../config/model-config';
import { ModelError } from '../model.error';
import { learningRateAt } from './learning-rate-schedule';

const withSchedule = (schedule: OptimizerConfig['schedule']): OptimizerConfig => ({ ...PAPER_OPTIMIZER, learningRate: 1e-3, schedule });

describe('learningRateAt', () => {
  it('is the configured rate at every step without a schedule', () => {
    expect([1, 50, 10_000].map((step) => learningRateAt({ ...PAPER_OPTIMIZER, learningRate: 2e-4 }, step, null))).toEqual([2e-4, 2e-4, 2e-4]);
  });

  it('rises linearly during warm-up and reaches the rate at its last step', () => {
    const config = withSchedule({ warmupSteps: 4, decay: 'constant', finalFactor: 1 });
    expect([1, 2, 4, 5, 100].map((step) => learningRateAt(config, step, null))).toEqual([2.5e-4, 5e-4, 1e-3, 1e-3, 1e-3]);
  });

  it('anneals along a half cosine from the rate after warm-up to the final factor at the stage end', () => {
    const config = withSchedule({ warmupSteps: 10, decay: 'cosine', finalFactor: 0.1 });
    expect(learningRateAt(config, 10, 110)).toBeCloseTo(1e-3, 12);
    expect(learningRateAt(config, 60, 110)).toBeCloseTo(1e-3 * (0.1 + 0.9 * 0.5), 12);
    expect(learningRateAt(config, 110, 110)).toBeCloseTo(1e-4, 12);
    expect(learningRateAt(config, 200, 110)).toBeCloseTo(1e-4, 12);
  });

  it('never increases during the cosine phase', () => {
    const config = withSchedule({ warmupSteps: 3, decay: 'cosine', finalFactor: 0 });
    const rates = Array.from({ length: 40 }, (_, i) => learningRateAt(config, i + 4, 43));
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeLessThanOrEqual(rates[i - 1]);
    expect(rates[rates.length - 1]).toBe(0);
  });

  it('refuses a cosine schedule whose stage length is unknown', () => {
    expect(() => learningRateAt(withSchedule({ warmupSteps: 0, decay: 'cosine', finalFactor: 0 }), 5, null)).toThrow(ModelError);
  });
});
